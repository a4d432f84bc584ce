using System.Globalization;
using System.Linq.Expressions;
using EscalationBot.Cards.Handover;
using EscalationBot.Chat;
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

        var boundary = run
            .Start.ToOffset(schedule.Zone(shiftIndex).GetUtcOffset(run.Start))
            .ToString("HH:mm", CultureInfo.InvariantCulture);
        var late =
            clock.GetUtcNow() - run.Start > LateAfter
                ? $"Posted late: the bot was not running at the {boundary} boundary."
                : null;
        return await PostOnceAsync(
            run,
            HandoverDeliveries.Digest,
            late,
            j => j.PostAsync(shiftIndex, runStartUnix, null, CancellationToken.None),
            context,
            cancellationToken
        );
    }

    /// <summary>
    /// After <c>setup</c> bound <paramref name="binding"/>: the digest of the shift in progress, once, to each bound
    /// conversation it has not reached (none, when its boundary came with nothing bound). A digest already posted
    /// there is not posted again.
    /// </summary>
    public async Task<string> AfterBindingAsync(
        string binding,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        if (!shifts.CurrentValue.PostDigests)
        {
            return "digests are off";
        }

        if (schedule.Current(clock.GetUtcNow()) is not { } run)
        {
            return "no shift in progress";
        }

        var where = binding == Bindings.Leads ? "leads' channel" : "queue";
        var note = $"Posted when the {where} was set up: this shift's digest had not reached it.";
        return await PostOnceAsync(
            run,
            HandoverDeliveries.DigestOnBinding(binding),
            note,
            j => j.AfterBindingAsync(binding, null, CancellationToken.None),
            context,
            cancellationToken
        );
    }

    /// <summary>
    /// The digest of <paramref name="run"/>, posted under a delivery record of <paramref name="kind"/>; held by
    /// another instance, <paramref name="again"/> looks again when its lease ends.
    /// </summary>
    private async Task<string> PostOnceAsync(
        ShiftRun run,
        string kind,
        string? note,
        Expression<Func<HandoverJob, Task>> again,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            return $"{earlier.State} (recorded by a retry)";
        }

        var (shiftIndex, runStartUnix) = (run.Index, run.Start.ToUnixTimeSeconds());
        var now = clock.GetUtcNow();
        var reminder = new Deliverable(0, kind, shiftIndex, runStartUnix, run.Start);
        var claimed = await claims.ClaimAsync(reminder, context, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            if (claimed.AlreadyDone)
            {
                return "posted already";
            }

            // Look again once the other instance's lease has run out, in case it died holding it.
            jobs.Schedule<HandoverJob>(again, claims.LookAgainAt(claimed));
            return "another instance is posting it";
        }

        var data = new Dictionary<string, string>
        {
            [HandoverCard.ShiftKey] = shiftIndex.ToString(CultureInfo.InvariantCulture),
            [HandoverCard.StartKey] = runStartUnix.ToString(CultureInfo.InvariantCulture),
        };
        var view = await digests.AtBoundaryAsync(run, note, [], data, cancellationToken);

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
