using Azure;
using EscalationBot.Deliveries;

namespace EscalationBot.Tests.Jobs;

/// <summary>The real store, whose first few outcome writes fail as in a storage blip.</summary>
public sealed class FlakyDeliveryStore(IDeliveryStore inner, int failures) : IDeliveryStore
{
    private int failed;

    public Task<bool> CompleteAsync(
        DeliveryClaim claim,
        string state,
        string? sentTo,
        DateTimeOffset at,
        CancellationToken cancellationToken
    ) =>
        Interlocked.Increment(ref failed) <= failures
            ? throw new RequestFailedException(503, "Table Storage is not answering (test)")
            : inner.CompleteAsync(claim, state, sentTo, at, cancellationToken);

    public Task<ClaimResult> TryClaimAsync(
        Deliverable deliverable,
        string claimant,
        DateTimeOffset now,
        TimeSpan lease,
        CancellationToken cancellationToken
    ) => inner.TryClaimAsync(deliverable, claimant, now, lease, cancellationToken);

    public Task<IReadOnlyList<Delivery>> DeliveriesAsync(int number, CancellationToken cancellationToken) =>
        inner.DeliveriesAsync(number, cancellationToken);
}
