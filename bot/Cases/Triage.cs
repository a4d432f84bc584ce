namespace EscalationBot.Cases;

/// <summary>The risk checklist a specialist answers when triaging.</summary>
[Flags]
public enum Risk
{
    None = 0,
    ImminentHarm = 1,
    MinorInvolved = 2,
    HighRiskAccount = 4,
    MediaOrLegalExposure = 8,
    SpreadingFast = 16,
}

/// <summary>
/// The last triage of a case: the checklist's answers (null: typed, with no checklist, and none given before), the
/// severity it found and left, who made it and when. The next triage form opens with these answers.
/// </summary>
public sealed record LastTriage(Risk? Risks, Severity From, Severity To, Person By, DateTimeOffset At);

public static class Triage
{
    /// <summary>How the ticks map to a severity, in words: what <see cref="Suggest"/> does.</summary>
    public const string Mapping =
        "Imminent harm or a minor → Sev1. A high-risk account or media or legal exposure → Sev2. Spreading fast "
        + "raises one level (Sev3 → Sev2, Sev2 → Sev1). Nothing ticked → Sev3.";

    public static readonly IReadOnlyList<(Risk Risk, string Question)> Checklist =
    [
        (Risk.ImminentHarm, "Imminent risk of real-world harm?"),
        (Risk.MinorInvolved, "A minor involved?"),
        (
            Risk.HighRiskAccount,
            "A high-risk account (journalist, activist, human-rights defender, government official, public figure)?"
        ),
        (Risk.MediaOrLegalExposure, "Media or legal exposure?"),
        (Risk.SpreadingFast, "Content spreading fast?"),
    ];

    /// <summary>
    /// Harm or a minor is critical. A high-risk account or exposure is at least high. Fast spread raises a case
    /// by one level, to no lower than high. Nothing ticked suggests normal.
    /// </summary>
    public static Severity Suggest(Risk risks)
    {
        if (risks.HasFlag(Risk.ImminentHarm) || risks.HasFlag(Risk.MinorInvolved))
        {
            return Severity.Sev1;
        }

        var severity =
            risks.HasFlag(Risk.HighRiskAccount) || risks.HasFlag(Risk.MediaOrLegalExposure)
                ? Severity.Sev2
                : Severity.Sev3;
        return risks.HasFlag(Risk.SpreadingFast)
            ? (Severity)Math.Max(1, Math.Min((int)severity - 1, (int)Severity.Sev2))
            : severity;
    }

    public static string Describe(Risk risks) =>
        risks == Risk.None
            ? "no risks ticked"
            : string.Join(
                ", ",
                Checklist
                    .Where(c => risks.HasFlag(c.Risk))
                    .Select(c =>
                        c.Risk switch
                        {
                            Risk.ImminentHarm => "imminent harm",
                            Risk.MinorInvolved => "minor involved",
                            Risk.HighRiskAccount => "high-risk account",
                            Risk.MediaOrLegalExposure => "media or legal exposure",
                            _ => "spreading fast",
                        }
                    )
            );
}
