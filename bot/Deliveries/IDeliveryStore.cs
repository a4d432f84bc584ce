using System.Globalization;

namespace EscalationBot.Deliveries;

/// <summary>
/// Something sent once, named by what must happen once: a case (<see cref="Number"/>, 0 for a shift's), a
/// <see cref="Kind"/> (an SLA reminder's chase, a handover's step: each capability names its own), a
/// <see cref="Step"/> and a <see cref="Round"/>. <see cref="Key"/> names its delivery record; kinds are stored.
/// </summary>
public sealed record Deliverable(int Number, string Kind, int Step, long Round, DateTimeOffset DueAt)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Number:D10}|{Kind}|{Step}|{Round}");
}

/// <summary>A deliverable reserved for one sender until its lease ends; <see cref="ETag"/> guards the next write.</summary>
public sealed record DeliveryClaim(Deliverable Deliverable, string Claimant, string ETag);

/// <summary>
/// The answer to a reservation: <see cref="Claim"/> to go ahead, or why not; when another sender holds it,
/// <see cref="HeldUntil"/> says when its lease ends.
/// </summary>
public sealed record ClaimResult(DeliveryClaim? Claim, bool AlreadyDone, DateTimeOffset? HeldUntil = null)
{
    public static readonly ClaimResult Done = new(null, true);

    public static ClaimResult HeldElsewhere(DateTimeOffset until) => new(null, false, until);
}

/// <summary>What happened to a deliverable: reserved, sent (and where), or dropped because the case moved on.</summary>
public sealed record Delivery(
    string Key,
    int Number,
    string Kind,
    int Step,
    long Round,
    DateTimeOffset DueAt,
    string State,
    DateTimeOffset? SentAt,
    string? SentTo
);

/// <summary>One delivery record per deliverable, written conditionally before anything is sent.</summary>
public interface IDeliveryStore
{
    /// <summary>
    /// Reserves the deliverable for <paramref name="claimant"/>: by creating its delivery record, or by taking over
    /// one whose lease has run out, or (a retry) one the claimant already holds. Otherwise it says whether it was
    /// dealt with already or someone else holds it.
    /// </summary>
    Task<ClaimResult> TryClaimAsync(
        Deliverable deliverable,
        string claimant,
        DateTimeOffset now,
        TimeSpan lease,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Records the outcome: "sent" with where it went, or "dropped" when the case had moved on. False when the claim
    /// was taken over; true again when the same outcome was recorded already (a write whose answer was lost).
    /// </summary>
    Task<bool> CompleteAsync(
        DeliveryClaim claim,
        string state,
        string? sentTo,
        DateTimeOffset at,
        CancellationToken cancellationToken
    );

    /// <summary>The delivery records of case <paramref name="number"/> (0: the shifts').</summary>
    Task<IReadOnlyList<Delivery>> DeliveriesAsync(int number, CancellationToken cancellationToken);
}
