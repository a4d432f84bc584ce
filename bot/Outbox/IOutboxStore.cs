namespace EscalationBot.Outbox;

/// <summary>Who an outbox row is for. Each stream of a case is sent in the order its changes committed.</summary>
public enum OutboxStream
{
    Queue,
    Reporter,
    Owner,
}

/// <summary>
/// Something a committed change must send (see <see cref="Cases.CaseEffects"/>): ids and codes only, rendered from
/// the case when sent. <see cref="Version"/> is the case version whose change wrote it (0 for the queue card, which
/// always shows the case as it is). A sender holds it until <see cref="LeaseUntil"/>; after a failure it waits
/// until <see cref="NextAttemptAt"/>. <see cref="PostedMessageId"/>: a queue card posted whose id could not be stored
/// on the case yet; the next attempt stores it instead of posting a second card. <see cref="WrittenAt"/>: when it was
/// last written, by the store's clock.
/// </summary>
public sealed record OutboxRow(
    string Key,
    int Number,
    int Version,
    OutboxStream Stream,
    string? What,
    string? RecipientId,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LeaseUntil,
    string? Claimant,
    bool Failed,
    string? PostedMessageId,
    string ETag,
    DateTimeOffset? WrittenAt = null
)
{
    /// <summary>Nobody holds it and it is not waiting out a failure.</summary>
    public bool IsDue(DateTimeOffset now) =>
        !Failed && (NextAttemptAt is null || NextAttemptAt <= now) && (LeaseUntil is null || LeaseUntil <= now);
}

/// <summary>The outbox rows, written by the case store in the batch of each change; this side sends and clears them.</summary>
public interface IOutboxStore
{
    /// <summary>Rows not yet sent: one case's (in key order: each stream oldest first), or all (<paramref name="number"/> null).</summary>
    Task<IReadOnlyList<OutboxRow>> PendingAsync(int? number, CancellationToken cancellationToken);

    /// <summary>The case's queue-card row, if one is pending: the queue stream's only row, read by its key.</summary>
    Task<OutboxRow?> QueueCardAsync(int number, CancellationToken cancellationToken);

    /// <summary>Reserves the row for <paramref name="claimant"/>; null if it changed since it was read (someone else has it).</summary>
    Task<OutboxRow?> TryLeaseAsync(
        OutboxRow row,
        string claimant,
        DateTimeOffset until,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// The row was sent: removes it, unless a later change asked for it again meanwhile (a queue card), in which case
    /// it is released for the next send and this returns false.
    /// </summary>
    Task<bool> CompleteAsync(OutboxRow leased, CancellationToken cancellationToken);

    /// <summary>
    /// The send failed: the row waits until <paramref name="next"/>, released, keeping <paramref name="posted"/> (a
    /// queue card that went out); or it is given up on (<paramref name="fail"/>).
    /// </summary>
    Task DeferAsync(
        OutboxRow leased,
        DateTimeOffset next,
        bool fail,
        string? posted,
        CancellationToken cancellationToken
    );

    /// <summary>Asks for these cases' queue cards to be posted or refreshed (a queue bound after they were filed).</summary>
    Task RequestQueueCardsAsync(
        IReadOnlyCollection<int> numbers,
        DateTimeOffset at,
        CancellationToken cancellationToken
    );
}
