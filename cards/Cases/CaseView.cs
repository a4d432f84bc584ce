using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>What the viewer may do next on a case; the bot decides, the card only shows.</summary>
[Flags]
public enum CaseButtons
{
    None = 0,
    Claim = 1,
    Resolve = 2,
    Release = 4,
    Note = 8,
    Reopen = 16,
    Reveal = 32,
    MarkSensitive = 64,
    Consult = 128,
    RecordAnswer = 256,
    Reassign = 512,
    Triage = 1024,
    AskReporter = 2048,
    HandoverNote = 4096,
}

/// <summary>
/// The triage form: its choices (label, value), the risk questions (question, field id) and the severity now.
/// <see cref="Ticked"/>: the field ids of the risks ticked at the last triage, ticked again when the form opens.
/// <see cref="Suggested"/> and <see cref="SuggestedBecause"/>: what those ticks suggest ("Sev1 critical",
/// "imminent harm"); <see cref="Mapping"/>: how ticks map to a severity, in words. <see cref="AnswersHidden"/>: a
/// sensitive case not revealed to the viewer, whose earlier answers stay off a shared channel.
/// </summary>
public sealed record TriageChoices(
    IReadOnlyList<Choice> PolicyAreas,
    string PolicyArea,
    IReadOnlyList<Choice> Severities,
    string Severity,
    IReadOnlyList<Choice> Risks
)
{
    public IReadOnlyList<string> Ticked { get; init; } = [];
    public string Suggested { get; init; } = "";
    public string SuggestedBecause { get; init; } = "";
    public string Mapping { get; init; } = "";
    public bool AnswersHidden { get; init; }
}

/// <summary>The last triage, as the card confirms it: who, when, the severity it left and (if it changed) the one before.</summary>
public sealed record TriageRecorded(string By, DateTimeOffset At, string Severity, string? From);

/// <summary>An open question to another team.</summary>
public sealed record ConsultView(string Team, string Question, string AskedBy, DateTimeOffset Since);

/// <summary>One line of a case's history, as the timeline shows it.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Who, string What, string? Text);

/// <summary>A case as cards show it: labels already chosen, times as instants, <see cref="Now"/> the moment of rendering.</summary>
public sealed record CaseView(
    string Id,
    string StateLabel,
    int SeverityLevel,
    string SeverityLabel,
    string PlatformLabel,
    string Partner,
    string Account,
    IReadOnlyList<string> ContentUrls,
    string PolicyAreaLabel,
    string Description,
    string ReporterName,
    DateTimeOffset FiledAt,
    DateTimeOffset? PartnerDeadline,
    TimeSpan FirstResponseTarget,
    TimeSpan ResolutionTarget,
    DateTimeOffset FirstResponseDue,
    DateTimeOffset ResolutionDue,
    string? OwnerName,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? ResolvedAt,
    string? OutcomeLabel,
    string? ResolutionSummary,
    DateTimeOffset Now
)
{
    public CaseButtons Buttons { get; init; }

    /// <summary>The team's clock: every time on a case card is in its zone, named.</summary>
    public TeamClock Clock { get; init; } = TeamClock.Utc;
    public IReadOnlyList<Choice> Outcomes { get; init; } = [];

    /// <summary>A sensitive case: its account, URLs and description stay off the card unless <see cref="Revealed"/>.</summary>
    public bool Sensitive { get; init; }
    public ConsultView? Consult { get; init; }

    /// <summary>Waiting on the reporter since then: the resolution clock stands still.</summary>
    public DateTimeOffset? WaitingSince { get; init; }

    /// <summary>The latest note for the next shift: who left it, when, and what it says.</summary>
    public TimelineEntry? HandoverNote { get; init; }

    /// <summary>The case this one was filed beside ("ESC-3"), if any.</summary>
    public string? LinkedTo { get; init; }
    public IReadOnlyList<Choice> ConsultTeams { get; init; } = [];

    /// <summary>What the triage form offers and shows (<see cref="TriageChoices"/>).</summary>
    public TriageChoices? Triage { get; init; }

    /// <summary>The last triage, confirmed on the card for everyone; null before the first.</summary>
    public TriageRecorded? LastTriage { get; init; }

    /// <summary>
    /// On the queue card of a sensitive case nobody holds: who on shift to suggest for it, by name only (the least
    /// exposed; README, "Wellbeing"). Empty: no line.
    /// </summary>
    public IReadOnlyList<string> Suggested { get; init; } = [];

    /// <summary>Specialists and leads the case can be handed to (name, id).</summary>
    public IReadOnlyList<Choice> Assignees { get; init; } = [];
    public bool Revealed { get; init; }

    /// <summary>
    /// A sensitive case not revealed to this viewer: no text written about it shows (account, links, description,
    /// timeline texts, the handover note, the consult question, the resolution summary), only who did what, and when.
    /// </summary>
    public bool HidesDetails => Sensitive && !Revealed;

    /// <summary>What shows in place of a text that <see cref="HidesDetails"/> keeps off.</summary>
    public const string HiddenText = "(hidden: a sensitive case; reveal its details to read this)";

    /// <summary>The case's history, oldest first; empty when the card should not carry it.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>How many entries came before <see cref="Timeline"/> and were not read.</summary>
    public int TimelineEarlier { get; init; }
}
