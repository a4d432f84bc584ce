using System.Globalization;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;

namespace EscalationBot.Features.Intake;

/// <summary>The result of checking an intake form: a report to file, or each problem by field.</summary>
public sealed record IntakeResult(CaseReport? Report, IReadOnlyDictionary<string, string> Problems)
{
    /// <summary>The reporter ticked "graphic or distressing content".</summary>
    public bool MarkedSensitive { get; init; }

    public bool IsValid => Report is not null;
}

/// <summary>
/// Checks what a reporter submitted on the intake card, field by field (the card's field names), into a case report.
/// Everything here is user input, whatever client it came from.
/// </summary>
public static class IntakeFormValidator
{
    public static IntakeResult Validate(
        IReadOnlyDictionary<string, string> values,
        TimeZoneInfo zone,
        DateTimeOffset now
    )
    {
        var problems = new Dictionary<string, string>();
        string Get(string field) => values.TryGetValue(field, out var v) ? v.Trim() : "";

        var platform = IntakeValidator.ParseName<Platform>(Get(IntakeFields.Platform));
        if (platform is null)
        {
            problems[IntakeFields.Platform] = "Choose the platform: Facebook or Instagram.";
        }

        var partner = Get(IntakeFields.Partner);
        CheckText(
            problems,
            IntakeFields.Partner,
            partner,
            "Partner / organisation",
            TextLimits.Partner,
            required: true
        );

        var account = Get(IntakeFields.Account);
        CheckText(
            problems,
            IntakeFields.Account,
            account,
            "Affected account or page",
            TextLimits.Account,
            required: false
        );

        var urls = ParseUrls(problems, Get(IntakeFields.ContentUrls));
        if (account.Length == 0 && urls.Count == 0 && !problems.ContainsKey(IntakeFields.ContentUrls))
        {
            problems[IntakeFields.Account] = "Give the affected account or page, or at least one content URL.";
        }

        var area = IntakeValidator.ParseName<PolicyArea>(Get(IntakeFields.PolicyArea));
        if (area is null)
        {
            problems[IntakeFields.PolicyArea] = "Choose a policy area.";
        }

        var severity = IntakeValidator.ParseName<Severity>(Get(IntakeFields.Severity));
        if (severity is null)
        {
            problems[IntakeFields.Severity] = "Choose a severity, Sev1 to Sev4.";
        }

        var deadline = ParseDeadline(
            problems,
            Get(IntakeFields.DeadlineDate),
            Get(IntakeFields.DeadlineTime),
            zone,
            now
        );

        var description = Get(IntakeFields.Description);
        CheckText(
            problems,
            IntakeFields.Description,
            description,
            "What is happening",
            TextLimits.Description,
            required: true
        );

        if (problems.Count > 0)
        {
            return new IntakeResult(null, problems);
        }

        return new IntakeResult(
            new CaseReport(
                platform!.Value,
                partner,
                account,
                urls,
                area!.Value,
                severity!.Value,
                deadline,
                description
            ),
            problems
        )
        {
            MarkedSensitive = string.Equals(Get(IntakeFields.Sensitive), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static void CheckText(
        Dictionary<string, string> problems,
        string field,
        string value,
        string label,
        int max,
        bool required
    )
    {
        if (required && value.Length == 0)
        {
            problems[field] = $"{label} is required.";
        }
        else if (value.Length > max)
        {
            problems[field] = $"{label} is {value.Length} characters long; the limit is {max}.";
        }
    }

    private static List<string> ParseUrls(Dictionary<string, string> problems, string text)
    {
        if (text.Length > TextLimits.ContentUrls)
        {
            problems[IntakeFields.ContentUrls] =
                $"Content URLs are {text.Length} characters long; the limit is {TextLimits.ContentUrls}.";
            return [];
        }

        var urls = text.Split(
                ['\n', '\r', ' ', ',', '\t'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (urls.Count > IntakeValidator.MaxUrls)
        {
            problems[IntakeFields.ContentUrls] =
                $"{urls.Count} content URLs given; the limit is {IntakeValidator.MaxUrls}.";
            return [];
        }

        var bad = urls.FirstOrDefault(u => !IntakeValidator.IsWebUrl(u));
        if (bad is not null)
        {
            var shown = bad.Length > 60 ? bad[..60] + "…" : bad;
            problems[IntakeFields.ContentUrls] =
                $"'{shown}' is not an http(s) URL. Give one http:// or https:// link per line.";
            return [];
        }

        return urls;
    }

    private static DateTimeOffset? ParseDeadline(
        Dictionary<string, string> problems,
        string date,
        string time,
        TimeZoneInfo zone,
        DateTimeOffset now
    )
    {
        if (date.Length == 0)
        {
            if (time.Length > 0)
            {
                problems[IntakeFields.DeadlineDate] = "Give the deadline's date as well as its time.";
            }

            return null;
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems[IntakeFields.DeadlineDate] = "The deadline's date should look like 2026-12-31.";
            return null;
        }

        var clock = new TimeOnly(23, 59);
        if (
            time.Length > 0
            && !TimeOnly.TryParseExact(
                time,
                ["HH:mm", "HH:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out clock
            )
        )
        {
            problems[IntakeFields.DeadlineTime] = "The deadline's time should look like 17:30.";
            return null;
        }

        var local = day.ToDateTime(clock, DateTimeKind.Unspecified);
        var deadline = new DateTimeOffset(local, zone.GetUtcOffset(local));
        if (deadline <= now)
        {
            problems[IntakeFields.DeadlineDate] = "The deadline is in the past.";
            return null;
        }

        return deadline;
    }
}
