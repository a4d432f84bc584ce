using Hangfire;
using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

/// <summary>
/// At start: one Hangfire recurring job per shift, its cron in the shift's own time zone; then the catch-up for
/// boundaries this instance may have missed (the digest of every run in progress, which the delivery records turn
/// into nothing if it was posted already), for digests nobody acknowledged in time, and for the outgoing owners'
/// reminder and release (<see cref="OutgoingJob"/>) of runs in progress or ended within the hour.
/// </summary>
public sealed class HandoverScheduler(
    ShiftSchedule schedule,
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    IOptions<ShiftsOptions> options,
    TimeProvider clock,
    ILogger<HandoverScheduler> logger
) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.PostDigests)
        {
            for (var i = 0; i < schedule.Count; i++)
            {
                recurring.RemoveIfExists($"handover-{i}");
            }

            return Task.CompletedTask;
        }

        for (var i = 0; i < schedule.Count; i++)
        {
            var index = i;
            recurring.AddOrUpdate<HandoverJob>(
                $"handover-{index}",
                j => j.BoundaryAsync(index, null, CancellationToken.None),
                schedule.Cron(index),
                new RecurringJobOptions { TimeZone = schedule.Zone(index) }
            );
        }

        var now = clock.GetUtcNow();
        foreach (
            var run in schedule.StartingBetween(now.AddDays(-2), now.AddSeconds(1)).Where(r => r.End > now.AddHours(-1))
        )
        {
            // The outgoing owners' reminder and the release of cases nobody chose for, for runs in progress or just ended.
            OutgoingJob.Plan(jobs, run, options.Value, now);
        }

        foreach (var run in schedule.StartingBetween(now.AddDays(-2), now.AddSeconds(1)).Where(r => r.Covers(now)))
        {
            var (index, start) = (run.Index, run.Start.ToUnixTimeSeconds());
            jobs.Enqueue<HandoverJob>(j => j.PostAsync(index, start, null, CancellationToken.None));
            jobs.Enqueue<HandoverJob>(j => j.CheckAcknowledgedAsync(index, start, null, CancellationToken.None));
        }

        logger.LogInformation("Handover digests scheduled for {Count} shift(s)", schedule.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
