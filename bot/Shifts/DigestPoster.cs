using System.Globalization;
using EscalationBot.Cards.Handover;
using EscalationBot.Deliveries;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

/// <summary>
/// The digest at a shift boundary, posted once (the work behind <see cref="HandoverJob.BoundaryAsync"/> and
/// <see cref="HandoverJob.PostAsync"/>): its delivery record claimed, the digest built and posted, and the check
/// that somebody takes it over planned.
/// </summary>
public sealed class DigestPoster(
    ShiftSchedule schedule,
    HandoverDigests digests,
    HandoverPosts posts,
    DeliveryClaims claims,
    IBackgroundJobClient jobs,
    IOptionsMonitor<ShiftsOptions> shifts,
    TimeProvider clock
)
{
    /// <summary>A digest posted more than this after its boundary says that it is late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    /// <summary>The run of this shift that has just started: its outgoing owners' jobs planned, its digest posted.
    /// </summary>
    public async Task<string> BoundaryAsync(
        int shiftIndex,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        var run = schedule
            .StartingBetween(now.AddHours(-1), now.AddSeconds(1))
            .Where(r => r.Index == shiftIndex)
            .MaxBy(r => r.Start);
        if (run is null)
        {
            return "no run of this shift starts now (a holiday)";
        }

        OutgoingJob.Plan(jobs, run, shifts.CurrentValue, now);
        return await PostAsync(shiftIndex, run.Start.ToUnixTimeSeconds(), context, cancellationToken);
    }

    /// <summary>Posts the digest of one run, unless it was posted already.</summary>
    public async Task<string> PostAsync(
        int shiftIndex,
        long runStartUnix,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        var run = schedule.RunAt(shiftIndex, DateTimeOffset.FromUnixTimeSeconds(runStartUnix));
        if (run is null)
        {
            return "no such run";
        }

        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            return $"{earlier.State} (recorded by a retry)";
        }

        var now = clock.GetUtcNow();
        var reminder = new Deliverable(0, HandoverDeliveries.Digest, shiftIndex, runStartUnix, run.Start);
        var claimed = await claims.ClaimAsync(reminder, context, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            if (claimed.AlreadyDone)
            {
                return "posted already";
            }

            // Look again once the other instance's lease has run out, in case it died holding it.
            jobs.Schedule<HandoverJob>(
                j => j.PostAsync(shiftIndex, runStartUnix, null, CancellationToken.None),
                claims.LookAgainAt(claimed)
            );
            return "another instance is posting it";
        }

        var boundary = run
            .Start.ToOffset(schedule.Zone(shiftIndex).GetUtcOffset(run.Start))
            .ToString("HH:mm", CultureInfo.InvariantCulture);
        var late =
            now - run.Start > LateAfter ? $"Posted late: the bot was not running at the {boundary} boundary." : null;
        var data = new Dictionary<string, string>
        {
            [HandoverCard.ShiftKey] = shiftIndex.ToString(CultureInfo.InvariantCulture),
            [HandoverCard.StartKey] = runStartUnix.ToString(CultureInfo.InvariantCulture),
        };
        var view = await digests.AtBoundaryAsync(run, late, [], data, cancellationToken);

        var messages = await posts.PostDigestAsync(shiftIndex, run, view, now, context, cancellationToken);
        if (messages.Count == 0)
        {
            await claims.CompleteAsync(context, claim, "undeliverable", null, cancellationToken);
            return "undeliverable";
        }

        // Planned before the record: a retry that finds the post recorded stops at once, and a second check is
        // harmless.
        jobs.Schedule<HandoverJob>(
            j => j.CheckAcknowledgedAsync(shiftIndex, runStartUnix, null, CancellationToken.None),
            shifts.CurrentValue.AcknowledgeWithin
        );
        var postedTo = string.Join(",", messages.Select(m => m.Binding));
        await claims.CompleteAsync(context, claim, "sent", postedTo, cancellationToken);
        return $"posted to {postedTo}";
    }
}
