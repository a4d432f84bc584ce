using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Help;

/// <summary>
/// The commands the reader can use: <c>commands</c> shown, <c>more</c> (if any) behind a "More commands" toggle, so
/// that staff see their everyday few first.
/// </summary>
public static class HelpCard
{
    public const string MoreId = "moreCommands";

    public static AdaptiveCard Build(
        string? preface,
        IReadOnlyList<(string Command, string Meaning)> commands,
        IReadOnlyList<(string Command, string Meaning)> more,
        Buttons buttons
    )
    {
        var body = new List<Element>();
        if (preface is not null)
        {
            body.Add(new TextBlock(preface) { Weight = "Bolder" });
        }

        body.Add(
            new TextBlock(
                "I take high-risk escalations about Facebook and Instagram users and content to the on-shift specialists."
            )
        );
        body.Add(Facts(commands));
        if (more.Count > 0)
        {
            body.Add(new ActionSet([new ToggleVisibilityAction("More commands…", [MoreId])]) { Spacing = "Small" });
            body.Add(
                new Container([Facts(more)])
                {
                    Id = MoreId,
                    IsVisible = false,
                    Spacing = "None",
                }
            );
        }

        return new AdaptiveCard(body)
        {
            Actions = [buttons.Create("File an escalation", Verbs.OpenIntake, style: "positive")],
            FallbackText = "Type 'escalate' to file an escalation, or 'help' for the commands.",
        };
    }

    private static FactSet Facts(IEnumerable<(string Command, string Meaning)> commands) =>
        new(commands.Select(c => new Fact(c.Command, c.Meaning)).ToList());
}
