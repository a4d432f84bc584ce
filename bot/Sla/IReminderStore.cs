namespace EscalationBot.Sla;

/// <summary>A row of the due-time index: this reminder falls due at <see cref="Reminder.DueAt"/>.</summary>
public sealed record DueReminder(Reminder Reminder, string RowKey);

/// <summary>A reminder reserved for one sender until its lease ends; <see cref="ETag"/> guards the next write.</summary>
public sealed record DeliveryClaim(Reminder Reminder, string Claimant, string ETag);

/// <summary>
/// The answer to a reservation: <see cref="Claim"/> to go ahead, or why not; when another sender holds it,
/// <see cref="HeldUntil"/> says when its lease ends.
/// </summary>
public sealed record ClaimResult(DeliveryClaim? Claim, bool AlreadyDone, DateTimeOffset? HeldUntil = null)
{
    public static readonly ClaimResult Done = new(null, true);

    public static ClaimResult HeldElsewhere(DateTimeOffset until) => new(null, false, until);
}

/// <summary>What happened to a reminder: reserved, sent (and where), or dropped because the case moved on.</summary>
public sealed record Delivery(string Key, int Number, Chase Chase, int Step, long Round, DateTimeOffset DueAt, string State, DateTimeOffset? SentAt, string? SentTo);

/// <summary>
/// The SLA's source of truth besides the cases: the due-time index (written with each case change, in the same
/// batch) and one delivery record per reminder, written conditionally before anything is sent.
/// </summary>
public interface IReminderStore
{
    /// <summary>Index rows due at or before <paramref name="until"/>, soonest first: missed ones and the next ones.</summary>
    Task<IReadOnlyList<DueReminder>> DueByAsync(DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Writes (or rewrites) the index row of a reminder.</summary>
    Task IndexAsync(Reminder reminder, CancellationToken cancellationToken);

    /// <summary>Removes an index row once its reminder is sent or no longer applies; gone already is fine.</summary>
    Task ForgetAsync(string rowKey, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves the reminder for <paramref name="claimant"/>: by creating its delivery record, or by taking over one
    /// whose lease has run out, or (a retry) one the claimant already holds. Otherwise it says whether the reminder
    /// was dealt with already or someone else holds it.
    /// </summary>
    Task<ClaimResult> TryClaimAsync(Reminder reminder, string claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcome: "sent" with where it went, or "dropped" when the case had moved on. False when the claim
    /// was taken over; true again when the same outcome was recorded already (a write whose answer was lost).
    /// </summary>
    Task<bool> CompleteAsync(DeliveryClaim claim, string state, string? sentTo, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<Delivery>> DeliveriesAsync(int number, CancellationToken cancellationToken);
}
