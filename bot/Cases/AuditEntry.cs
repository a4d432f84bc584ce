namespace EscalationBot.Cases;

/// <summary>What a line of a case's history records. The words people see are rendered from it, never stored.</summary>
public enum AuditAction
{
    /// <summary>A sentence from before the codes that no code matches: <see cref="AuditDetail.Words"/> keeps it.</summary>
    Other,
    Filed,
    PostedToQueue,
    Claimed,
    Released,
    Reassigned,
    Resolved,
    Reopened,
    Triaged,
    AskedReporter,
    ReporterAnswered,
    ReporterUpdate,
    Consulting,
    ConsultAnswered,
    ReportAdded,
    Note,
    HandoverNote,
    KeptOverHandover,
    ReleasedAtHandover,
    ReleasedIdle,
    MarkedSensitive,
    RevealedDetails,
}

/// <summary>
/// What an action needs beyond its code: who got the case (<see cref="Assignee"/>), the <see cref="Outcome"/>,
/// the consulted <see cref="Team"/>, the open case a filing was <see cref="LinkedTo"/>, the owner an idle release
/// relieved (<see cref="FormerOwner"/>, quiet for <see cref="IdleFor"/>). Rows from before the codes know an
/// assignee's name only: its id is empty.
/// </summary>
public sealed record AuditDetail
{
    public Person? Assignee { get; init; }
    public Outcome? Outcome { get; init; }
    public string? Team { get; init; }
    public int? LinkedTo { get; init; }
    public Person? FormerOwner { get; init; }
    public TimeSpan? IdleFor { get; init; }

    /// <summary>The stored sentence of an <see cref="AuditAction.Other"/> entry.</summary>
    public string? Words { get; init; }
}

/// <summary>One append-only line of a case's history.</summary>
public sealed record AuditEntry(
    int CaseNumber,
    DateTimeOffset At,
    Person Actor,
    AuditAction Action,
    CaseState? From,
    CaseState To,
    string? Text = null,
    AuditDetail? Detail = null
);
