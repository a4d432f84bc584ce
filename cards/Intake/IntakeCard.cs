using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Intake;

/// <summary>The field ids of the intake form: the card writes them, the bot reads them back.</summary>
public static class IntakeFields
{
    public const string Platform = "platform";
    public const string Partner = "partner";
    public const string Account = "account";
    public const string ContentUrls = "contentUrls";
    public const string PolicyArea = "policyArea";
    public const string Severity = "severity";
    public const string DeadlineDate = "deadlineDate";
    public const string DeadlineTime = "deadlineTime";
    public const string Description = "description";
    public const string Sensitive = "sensitive";

    /// <summary>Carried by "File anyway" on the duplicate card: file even though an open case names the same content.</summary>
    public const string FileAnyway = "fileAnyway";

    public static readonly IReadOnlyList<string> All =
    [
        Platform,
        Partner,
        Account,
        ContentUrls,
        PolicyArea,
        Severity,
        DeadlineDate,
        DeadlineTime,
        Description,
        Sensitive,
    ];
}

/// <summary>What the intake form shows: the choices, what the user typed so far, and what was wrong with it.</summary>
public sealed record IntakeCardData(
    IReadOnlyList<Choice> Platforms,
    IReadOnlyList<Choice> PolicyAreas,
    IReadOnlyList<Choice> Severities,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Problems,
    IntakeLimits Limits,
    string TimeZoneName
);

public sealed record IntakeLimits(int Partner, int Account, int ContentUrls, int Description);

public static class IntakeCard
{
    public static AdaptiveCard Build(IntakeCardData data, Buttons buttons)
    {
        string? Value(string field) => data.Values.TryGetValue(field, out var v) && v.Length > 0 ? v : null;

        var body = new List<Element>
        {
            new TextBlock("File an escalation") { Size = "Large", Weight = "Bolder" },
            new TextBlock(
                "For high-risk reports about Facebook or Instagram users and content. On-shift specialists see it at once."
            )
            {
                IsSubtle = true,
                Spacing = "None",
            },
        };

        if (data.Problems.Count > 0)
        {
            body.Add(
                new Container([
                    new TextBlock("Please fix these and submit again:") { Weight = "Bolder", Color = "Attention" },
                    .. data.Problems.Select(p => new TextBlock($"• {p.Value}")
                    {
                        Color = "Attention",
                        Spacing = "None",
                    }),
                ])
                {
                    Id = "problems",
                    Style = "attention",
                }
            );
        }

        body.AddRange([
            new InputChoiceSet(data.Platforms)
            {
                Id = IntakeFields.Platform,
                Label = "Platform",
                Style = "expanded",
                IsRequired = true,
                ErrorMessage = "Choose a platform.",
                Value = Value(IntakeFields.Platform),
            },
            new InputText
            {
                Id = IntakeFields.Partner,
                Label = "Partner / organisation",
                IsRequired = true,
                MaxLength = data.Limits.Partner,
                ErrorMessage = "Name the partner.",
                Value = Value(IntakeFields.Partner),
            },
            new InputText
            {
                Id = IntakeFields.Account,
                Label = "Affected account or page",
                Placeholder = "Profile or page URL, or @handle",
                MaxLength = data.Limits.Account,
                Value = Value(IntakeFields.Account),
            },
            new InputText
            {
                Id = IntakeFields.ContentUrls,
                Label = "Content URL(s), one per line",
                IsMultiline = true,
                MaxLength = data.Limits.ContentUrls,
                Placeholder = "https://www.facebook.com/…",
                Value = Value(IntakeFields.ContentUrls),
            },
            new InputChoiceSet(data.PolicyAreas)
            {
                Id = IntakeFields.PolicyArea,
                Label = "Policy area",
                Style = "compact",
                IsRequired = true,
                ErrorMessage = "Choose a policy area.",
                Placeholder = "Choose…",
                Value = Value(IntakeFields.PolicyArea),
            },
            new InputChoiceSet(data.Severities)
            {
                Id = IntakeFields.Severity,
                Label = "Severity",
                Style = "expanded",
                IsRequired = true,
                ErrorMessage = "Choose a severity.",
                Value = Value(IntakeFields.Severity),
            },
            // One above the other, not side by side: in a half-width column the browser's time input is wider than
            // the column, and its picker's chevron spilled outside the border (Web Chat, the Agents Playground).
            new InputDate
            {
                Id = IntakeFields.DeadlineDate,
                Label = "Partner deadline, if any",
                Value = Value(IntakeFields.DeadlineDate),
            },
            new InputTime
            {
                Id = IntakeFields.DeadlineTime,
                Label = $"Deadline time ({data.TimeZoneName})",
                Value = Value(IntakeFields.DeadlineTime),
            },
            new InputText
            {
                Id = IntakeFields.Description,
                Label = "What is happening?",
                IsMultiline = true,
                IsRequired = true,
                MaxLength = data.Limits.Description,
                ErrorMessage = "Describe what is happening.",
                Value = Value(IntakeFields.Description),
            },
            new InputToggle(
                "Graphic or distressing content: hide the details from previews until a specialist chooses to look"
            )
            {
                Id = IntakeFields.Sensitive,
                Value = Value(IntakeFields.Sensitive) ?? "false",
            },
        ]);

        return new AdaptiveCard(body)
        {
            Actions = [buttons.Create("Submit escalation", Verbs.SubmitIntake, style: "positive")],
            FallbackText = "File an escalation: type 'escalate' in a client that shows cards.",
        };
    }
}
