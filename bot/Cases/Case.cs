namespace EscalationBot.Cases;

public enum Platform
{
    Facebook,
    Instagram,
}

/// <summary>Aligned to the areas of Meta's Community Standards.</summary>
public enum PolicyArea
{
    ViolenceAndIncitement,
    DangerousOrganisations,
    HateSpeech,
    BullyingAndHarassment,
    ChildSafety,
    SuicideAndSelfInjury,
    AdultNudityAndSexualActivity,
    ViolentAndGraphicContent,
    Misinformation,
    ImpersonationAndAccountIntegrity,
    IntellectualProperty,
    Privacy,
    Other,
}

public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}

/// <summary>
/// New → Claimed (⇄ Consulting another team, ⇄ Waiting on reporter) → Resolved → Reopened (→ Resolved again).
/// Released cases go back to New. A resolved case is Closed, and final, once the reopen window has passed; that
/// state is derived from the time, never stored.
/// </summary>
public enum CaseState
{
    New,
    Claimed,
    Consulting,
    WaitingOnReporter,
    Resolved,
    Reopened,
    Closed,
}

public enum Outcome
{
    Actioned,
    NoViolation,
    NeedsPolicyDecision,
    Other,
}

public enum Role
{
    Reporter,
    Specialist,
    Lead,
}

/// <summary>A person as the chat channel identifies them.</summary>
public sealed record Person(string Id, string Name);

/// <summary>Who is acting, and in what role: decided on the server from the roster, never from card data.</summary>
public sealed record Actor(Person Person, Role Role)
{
    public bool IsStaff => Role is Role.Specialist or Role.Lead;
}

/// <summary>
/// The targets a case was given when it was filed (or triaged to a new severity); later configuration changes do
/// not move them. <see cref="BusinessHours"/>: only business hours count towards them.
/// </summary>
public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolution, bool BusinessHours = false);

public sealed record Resolution(Outcome Outcome, string Summary, DateTimeOffset At);

/// <summary>A question the owner put to another team, open while the case is <see cref="CaseState.Consulting"/>.</summary>
public sealed record Consult(string Team, string Question, Person AskedBy, DateTimeOffset Since);

/// <summary>A note an owner leaves for the next shift; the handover digest shows it.</summary>
public sealed record HandoverNote(string Text, Person By, DateTimeOffset At);

/// <summary>What the reporter asked for, already checked.</summary>
public sealed record CaseReport(
    Platform Platform,
    string Partner,
    string Account,
    IReadOnlyList<string> ContentUrls,
    PolicyArea PolicyArea,
    Severity Severity,
    DateTimeOffset? PartnerDeadline,
    string Description
);

/// <summary>An escalation. <see cref="ReporterAddress"/> is where the reporter hears back, opaque to the case rules.</summary>
public sealed record Case(
    int Number,
    CaseState State,
    CaseReport Report,
    Person Reporter,
    string ReporterAddress,
    DateTimeOffset FiledAt,
    SlaTargets Targets
)
{
    public string Id => CaseId.Format(Number);
    public Person? Owner { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public Resolution? Resolution { get; init; }

    /// <summary>The id of the queue message that shows this case, so that every change edits it in place.</summary>
    public string? QueueMessageId { get; init; }

    /// <summary>The conversation that queue message is in: a lead may bind the queue elsewhere later.</summary>
    public string? QueueConversationId { get; init; }
    public Consult? Consult { get; init; }

    /// <summary>The open case this one was filed beside, when the reporter chose to file anyway.</summary>
    public int? LinkedTo { get; init; }

    /// <summary>Marked sensitive by the reporter or a specialist; graphic policy areas are sensitive anyway.</summary>
    public bool MarkedSensitive { get; init; }

    /// <summary>Cards hide the account, URLs and description of a sensitive case until a specialist reveals them.</summary>
    public bool IsSensitive => MarkedSensitive || Sensitivity.IsGraphic(Report.PolicyArea);

    /// <summary>While the case waits on the reporter its resolution clock stands still.</summary>
    public DateTimeOffset? PausedSince { get; init; }

    /// <summary>How much counted time (on the case's calendar) the resolution clock stood still in earlier waits.</summary>
    public TimeSpan PausedFor { get; init; }

    /// <summary>Where the resolution clock starts: filing, or the last reopening, which gives the case a fresh target.</summary>
    public DateTimeOffset? ResolutionClockFrom { get; init; }

    /// <summary>How many times the case got new targets (a reopening, a new severity): each is a new round of reminders.</summary>
    public int TargetsRound { get; init; }

    /// <summary>The latest note left for the next shift, if any.</summary>
    public HandoverNote? HandoverNote { get; init; }

    /// <summary>The shift boundary across which the owner chose to keep the case: it is not released at that handover.</summary>
    public DateTimeOffset? KeptAcross { get; init; }

    /// <summary>The last triage: its checklist answers open the next triage form.</summary>
    public LastTriage? LastTriage { get; init; }

    /// <summary>How many times the case was reopened.</summary>
    public int ReopenCount { get; init; }

    /// <summary>How many questions the owners put to other teams.</summary>
    public int ConsultCount { get; init; }

    /// <summary>The last change anyone made to the case: an owner who goes quiet is nudged, then relieved of it.</summary>
    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>
    /// Read for a list with only the columns it shows: its description, links, summaries and questions are empty.
    /// For showing only; the store refuses to write it (a case derived from it with <c>with</c> stays partial).
    /// </summary>
    public bool IsPartial { get; init; }

    public DateTimeOffset FirstResponseDue(SlaCalendar calendar) => calendar.Add(FiledAt, Targets.FirstResponse);

    /// <summary>The resolution deadline, moved on by every finished wait (a running wait moves it further as it lasts).</summary>
    public DateTimeOffset ResolutionDue(SlaCalendar calendar) =>
        calendar.Add(ResolutionClockFrom ?? FiledAt, Targets.Resolution + PausedFor);

    /// <summary>The resolution deadline as of <paramref name="now"/>, counting a wait still running.</summary>
    public DateTimeOffset ResolutionDueAt(DateTimeOffset now, SlaCalendar calendar) =>
        calendar.Add(
            ResolutionClockFrom ?? FiledAt,
            Targets.Resolution + PausedFor + (PausedSince is { } since ? calendar.Between(since, now) : TimeSpan.Zero)
        );

    /// <summary>This case with any running wait ended at <paramref name="now"/>: the pause is added to <see cref="PausedFor"/>.</summary>
    public Case Resumed(DateTimeOffset now, SlaCalendar calendar) =>
        PausedSince is { } since
            ? this with
            {
                PausedSince = null,
                PausedFor = PausedFor + calendar.Between(since, now),
            }
            : this;

    public bool IsOpen =>
        State
            is CaseState.New
                or CaseState.Claimed
                or CaseState.Consulting
                or CaseState.WaitingOnReporter
                or CaseState.Reopened;

    /// <summary>The state as people should see it now: a resolved case past its reopen window is closed.</summary>
    public CaseState StateAt(DateTimeOffset now, TimeSpan reopenWindow) =>
        State == CaseState.Resolved && Resolution is { } r && now > r.At + reopenWindow ? CaseState.Closed : State;
}
