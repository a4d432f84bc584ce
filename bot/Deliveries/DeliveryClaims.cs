using EscalationBot.Jobs;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace EscalationBot.Deliveries;

/// <summary>What a send did, kept with its Hangfire job until the delivery record has it.</summary>
public sealed record SentOutcome(DeliveryClaim Claim, string State, string? SentTo, DateTimeOffset At);

/// <summary>
/// The delivery records as every job that sends something once uses them (SLA reminders, handover digests, the
/// outgoing owners' ask and release): reserve, send, record. The claimant is this instance plus the job. Recording
/// is what a storage blip can break after the send went out, so the outcome is first kept with the job itself, in
/// Hangfire's store, where its retries (the same job) find it: a retry records the send instead of repeating it.
/// </summary>
public sealed class DeliveryClaims(
    IDeliveryStore store,
    InstanceId instance,
    IOptionsMonitor<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<DeliveryClaims> logger
)
{
    /// <summary>The job parameter that holds a send's outcome until it is recorded.</summary>
    public const string OutcomeParameter = "DeliveryOutcome";

    /// <summary>A record write that fails is tried again after these pauses, within the job, well inside a lease.</summary>
    public static readonly IReadOnlyList<TimeSpan> WriteRetryDelays =
    [
        TimeSpan.FromMilliseconds(200),
        TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(3),
    ];

    /// <summary>Clocks of two instances, and the store's rounding, may differ by this much.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    public Task<ClaimResult> ClaimAsync(
        Deliverable deliverable,
        PerformContext? context,
        CancellationToken cancellationToken
    ) =>
        store.TryClaimAsync(
            deliverable,
            instance.Claimant(context),
            clock.GetUtcNow(),
            options.CurrentValue.DeliveryLease,
            cancellationToken
        );

    /// <summary>
    /// When a job that found its delivery held by another sender looks again: just after that sender's lease, in
    /// case it died holding it (if it finished, the job finds the record done and stops).
    /// </summary>
    public DateTimeOffset LookAgainAt(ClaimResult held) =>
        (held.HeldUntil ?? clock.GetUtcNow() + options.CurrentValue.DeliveryLease) + Tolerance;

    /// <summary>
    /// Records what the send did: kept with the job first, then written to the delivery record, the write tried
    /// again a few times. False when the lease ran out and another sender took the delivery over.
    /// </summary>
    public async Task<bool> CompleteAsync(
        PerformContext? context,
        DeliveryClaim claim,
        string state,
        string? sentTo,
        CancellationToken cancellationToken
    )
    {
        var outcome = new SentOutcome(claim, state, sentTo, clock.GetUtcNow());
        context?.SetJobParameter(OutcomeParameter, outcome);
        return await RecordAsync(outcome, cancellationToken);
    }

    /// <summary>
    /// For a job (re)starting: the outcome of a send an earlier attempt of this same job made, now recorded; null
    /// when no attempt got as far as sending. A job calls this before anything else and stops when it answers.
    /// </summary>
    public async Task<SentOutcome?> FinishEarlierAttemptAsync(
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        // An outcome kept in another shape (before a deploy) reads with no deliverable: nothing to record then.
        if (
            context?.GetJobParameter<SentOutcome>(OutcomeParameter, allowStale: false)
            is not { Claim.Deliverable: not null } earlier
        )
        {
            return null;
        }

        await RecordAsync(earlier, cancellationToken);
        return earlier;
    }

    /// <summary>A write that records what was sent, tried again after <see cref="WriteRetryDelays"/> if it fails.</summary>
    public async Task<T> RetryWriteAsync<T>(Func<Task<T>> write, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (attempt < WriteRetryDelays.Count && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(
                    e,
                    "Recording {What} failed; trying again in {Delay}",
                    what,
                    WriteRetryDelays[attempt]
                );
                // Real time, not the bot's clock: this waits for the storage service, not for a business moment.
                await Task.Delay(WriteRetryDelays[attempt], cancellationToken);
            }
        }
    }

    public Task RetryWriteAsync(Func<Task> write, string what, CancellationToken cancellationToken) =>
        RetryWriteAsync(
            async () =>
            {
                await write();
                return true;
            },
            what,
            cancellationToken
        );

    private async Task<bool> RecordAsync(SentOutcome outcome, CancellationToken cancellationToken)
    {
        var key = outcome.Claim.Deliverable.Key;
        var recorded = await RetryWriteAsync(
            () => store.CompleteAsync(outcome.Claim, outcome.State, outcome.SentTo, outcome.At, cancellationToken),
            "delivery " + key,
            cancellationToken
        );
        if (!recorded)
        {
            logger.LogWarning(
                "Delivery {Key} was taken over while it was being sent: its lease ({Lease}) is too short",
                key,
                options.CurrentValue.DeliveryLease
            );
        }

        return recorded;
    }
}
