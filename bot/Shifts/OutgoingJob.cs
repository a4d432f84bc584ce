using EscalationBot.Deliveries;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

/// <summary>
/// The outgoing owners' part of a handover, for one run of a shift: <see cref="ShiftsOptions.AskOwnersBefore"/> its
/// end, each owner gets their cases with a choice for each; <see cref="ShiftsOptions.ChooseUntilAfterBoundary"/>
/// after it, the cases nobody chose for go back to the queue (unless <see cref="ShiftsOptions.Unchosen"/> says keep).
/// Each happens once per run, through the same delivery records as the SLA reminders: this class makes sure of
/// when and how often, <see cref="OutgoingHandover"/> does the asking and the releasing.
/// </summary>
public sealed class OutgoingJob(
    ShiftSchedule schedule,
    OutgoingOwners outgoing,
    OutgoingHandover handover,
    DeliveryClaims claims,
    IBackgroundJobClient jobs,
    IOptionsMonitor<ShiftsOptions> shifts,
    TimeProvider clock
)
{
    /// <summary>
    /// Plans the ask and the release for a run: at its start, and again at every instance's start for the runs in
    /// progress or just ended (harmless: the delivery records let each happen once).
    /// </summary>
    public static void Plan(IBackgroundJobClient jobs, ShiftRun run, ShiftsOptions options, DateTimeOffset now)
    {
        var (index, start) = (run.Index, run.Start.ToUnixTimeSeconds());
        var ask = run.End - options.AskOwnersBefore;
        if (options.AskOwnersBefore > TimeSpan.Zero && now < run.End)
        {
            jobs.Schedule<OutgoingJob>(
                j => j.AskAsync(index, start, null, CancellationToken.None),
                ask > now ? ask : now
            );
        }

        var release = run.End + options.ChooseUntilAfterBoundary;
        if (options.Unchosen == UnchosenCases.Release)
        {
            jobs.Schedule<OutgoingJob>(
                j => j.ReleaseUnchosenAsync(index, start, null, CancellationToken.None),
                release > now ? release : now
            );
        }
    }

    /// <summary>
    /// Each outgoing owner hears, in their 1:1 chat, which cases they hold and what they can do with each: once per
    /// run, one job per owner so that a failed send is retried for that owner alone.
    /// </summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public async Task<string> AskAsync(
        int shiftIndex,
        long runStartUnix,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        if (schedule.RunAt(shiftIndex, DateTimeOffset.FromUnixTimeSeconds(runStartUnix)) is not { } run)
        {
            return "no such run";
        }

        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            return $"{earlier.State} (recorded by a retry)";
        }

        var ask = new Deliverable(
            0,
            HandoverDeliveries.Ask,
            shiftIndex,
            runStartUnix,
            run.End - shifts.CurrentValue.AskOwnersBefore
        );
        var claimed = await claims.ClaimAsync(ask, context, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            return claimed.AlreadyDone
                ? "asked already"
                : AgainAfterLease(claimed, j => j.AskAsync(shiftIndex, runStartUnix, null, CancellationToken.None));
        }

        var owners = (await outgoing.HeldAsync(run, cancellationToken)).Select(c => c.Owner!.Id).Distinct().ToList();
        foreach (var ownerId in owners)
        {
            jobs.Enqueue<OutgoingJob>(j => j.AskOwnerAsync(shiftIndex, runStartUnix, ownerId, CancellationToken.None));
        }

        await claims.CompleteAsync(
            context,
            claim,
            owners.Count > 0 ? "sent" : "nobody to ask",
            string.Join(",", owners),
            cancellationToken
        );
        return $"asking {owners.Count} owner(s)";
    }

    /// <summary>One outgoing owner's reminder: their card in their 1:1 chat, or a line in the queue if they have none.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public async Task<string> AskOwnerAsync(
        int shiftIndex,
        long runStartUnix,
        string ownerId,
        CancellationToken cancellationToken
    )
    {
        if (schedule.RunAt(shiftIndex, DateTimeOffset.FromUnixTimeSeconds(runStartUnix)) is not { } run)
        {
            return "no such run";
        }

        return await handover.AskOwnerAsync(run, ownerId, cancellationToken);
    }

    /// <summary>After the choices close, the cases the outgoing shift still holds with no choice go back to the queue.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public async Task<string> ReleaseUnchosenAsync(
        int shiftIndex,
        long runStartUnix,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            return $"{earlier.State} (recorded by a retry)";
        }

        if (shifts.CurrentValue.Unchosen != UnchosenCases.Release)
        {
            return "unchosen cases stay with their owners";
        }

        if (schedule.RunAt(shiftIndex, DateTimeOffset.FromUnixTimeSeconds(runStartUnix)) is not { } run)
        {
            return "no such run";
        }

        var now = clock.GetUtcNow();
        if (outgoing.IsOpen(run, now))
        {
            jobs.Schedule<OutgoingJob>(
                j => j.ReleaseUnchosenAsync(shiftIndex, runStartUnix, null, CancellationToken.None),
                outgoing.ClosesAt(run).AddSeconds(1)
            );
            return "choices still open";
        }

        var release = new Deliverable(0, HandoverDeliveries.Release, shiftIndex, runStartUnix, outgoing.ClosesAt(run));
        var claimed = await claims.ClaimAsync(release, context, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            return claimed.AlreadyDone
                ? "released already"
                : AgainAfterLease(
                    claimed,
                    j => j.ReleaseUnchosenAsync(shiftIndex, runStartUnix, null, CancellationToken.None)
                );
        }

        var released = await handover.ReleaseUnchosenAsync(run, cancellationToken);
        await claims.CompleteAsync(context, claim, "sent", string.Join(",", released), cancellationToken);
        return $"released {released.Count}";
    }

    /// <summary>Another instance holds the claim: look again once its lease has run out, in case it died holding it.</summary>
    private string AgainAfterLease(ClaimResult held, System.Linq.Expressions.Expression<Func<OutgoingJob, Task>> job)
    {
        jobs.Schedule<OutgoingJob>(job, claims.LookAgainAt(held));
        return "another instance holds it; looking again after its lease";
    }
}
