using EscalationBot.Cards;
using EscalationBot.Deliveries;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

/// <summary>
/// The chase of a digest nobody has taken over (the work behind <see cref="HandoverJob.CheckAcknowledgedAsync"/>):
/// once <see cref="ShiftsOptions.AcknowledgeWithin"/> has passed, the leads get the digest again with a nudge, once.
/// </summary>
public sealed class HandoverNudges(
    ShiftSchedule schedule,
    IHandoverStore handovers,
    HandoverPosts posts,
    DeliveryClaims claims,
    IBackgroundJobClient jobs,
    IOptionsMonitor<ShiftsOptions> shifts,
    TimeProvider clock
)
{
    /// <summary>If nobody on the incoming shift has taken the work over, the leads hear about it, once.</summary>
    public async Task<string> CheckAcknowledgedAsync(
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

        var start = DateTimeOffset.FromUnixTimeSeconds(runStartUnix);
        var digest = await handovers.GetAsync(shiftIndex, start, cancellationToken);
        if (digest is null || digest.Acknowledged)
        {
            return digest is null ? "no digest" : "acknowledged";
        }

        var now = clock.GetUtcNow();
        var due = digest.PostedAt + shifts.CurrentValue.AcknowledgeWithin;
        if (now < due)
        {
            jobs.Schedule<HandoverJob>(
                j => j.CheckAcknowledgedAsync(shiftIndex, runStartUnix, null, CancellationToken.None),
                due
            );
            return "not due yet";
        }

        var nudge = new Deliverable(
            0,
            HandoverDeliveries.Nudge,
            shiftIndex,
            runStartUnix,
            digest.PostedAt + shifts.CurrentValue.AcknowledgeWithin
        );
        var claimed = await claims.ClaimAsync(nudge, context, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            if (!claimed.AlreadyDone)
            {
                jobs.Schedule<HandoverJob>(
                    j => j.CheckAcknowledgedAsync(shiftIndex, runStartUnix, null, CancellationToken.None),
                    claims.LookAgainAt(claimed)
                );
            }

            return "nudged already";
        }

        var name = schedule.Definition(shiftIndex).Name;
        var text =
            $"Nobody on the {name} shift has taken over its handover yet "
            + $"({Durations.Format(now - digest.PostedAt)} since it was posted). Please check who is on shift.";
        var leads = await posts.LeadsAsync(cancellationToken);
        if (leads is null)
        {
            await claims.CompleteAsync(context, claim, "undeliverable", null, cancellationToken);
            return "undeliverable";
        }

        var posted = await posts.PostAgainAsync(digest, leads, HandoverJob.NudgePost, text, cancellationToken);
        await claims.CompleteAsync(context, claim, "sent", leads.Name, cancellationToken);
        await posts.AddPostAsync(shiftIndex, start, posted, cancellationToken);
        return "nudged";
    }
}
