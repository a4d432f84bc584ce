namespace EscalationBot.Cases;

/// <summary>What the reporter hears about their case.</summary>
public enum ReporterNotice
{
    Claimed,
    Resolved,
    Reopened,
    Question,

    /// <summary>Triage changed the case's severity, and with it the targets.</summary>
    SeverityChanged,
}

/// <summary>What a case's owner hears about a change someone else made to it (<see cref="ReleasedIdle"/>: its former owner).</summary>
public enum OwnerNews
{
    ReporterUpdate,
    ReportAdded,
    ConsultAnswer,
    HandedToYou,
    ReleasedIdle,
}

/// <summary>Someone to tell about a committed change. Codes and ids only: the text is rendered when it is sent.</summary>
public abstract record Notice
{
    public sealed record ToReporter(ReporterNotice What) : Notice;

    /// <summary>To <paramref name="OwnerId"/>, the owner when the change was made (the new one, for a hand-over).</summary>
    public sealed record ToOwner(OwnerNews What, string OwnerId) : Notice;
}

/// <summary>
/// The incoming activity a change answers (<see cref="Key"/>: channel, conversation and activity id), recorded in
/// the change's own batch, so that a replay of the same activity finds it and changes nothing. <see cref="Reply"/>
/// is the first answer's text, given again to a replay; <see cref="Number"/> is the case it changed or filed.
/// </summary>
public sealed record TurnRecord(string Key, string? Reply, int Number = 0);

/// <summary>
/// What a change brings with it, written in the same batch as the change: outbox rows for the queue card
/// (<see cref="RefreshQueueCard"/>: post it, or edit it in place) and for <see cref="Notices"/>, and the record of
/// the activity that made it.
/// </summary>
public sealed record CaseEffects(IReadOnlyList<Notice> Notices, TurnRecord? Turn = null, bool RefreshQueueCard = true)
{
    /// <summary>Refresh the queue card, tell nobody else.</summary>
    public static readonly CaseEffects Default = new([]);

    /// <summary>Nothing to send: a change no one sees (details revealed to one viewer, the queue card's own id).</summary>
    public static readonly CaseEffects None = new([], null, false);
}

/// <summary>How a conditional write ended.</summary>
public enum Commit
{
    Done,

    /// <summary>Someone else changed the case first: read it again and judge again.</summary>
    Conflict,

    /// <summary>The activity was recorded already: this is a replay, and nothing was written.</summary>
    Replayed,
}

/// <summary>A new case, or (<see cref="Replayed"/>) the record of the identical submit that filed it first.</summary>
public sealed record Filing(Case? Case, TurnRecord? Replayed);
