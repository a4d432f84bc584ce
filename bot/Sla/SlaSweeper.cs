using Hangfire;
using Microsoft.Extensions.Options;

namespace EscalationBot.Sla;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(int RowsRead, int Scheduled);

/// <summary>
/// Rebuilds the schedule from Table Storage, the source of truth: at start and then every
/// <see cref="SlaOptions.SweepInterval"/>, it reads the due-time index up to one interval ahead (not the cases)
/// and gives each row a Hangfire job due at its moment; rows already past due (missed while no instance ran, or
/// lost with an in-memory job store) run at once. Each instance sweeps; the delivery records make the extra jobs
/// harmless.
/// </summary>
public sealed class SlaSweeper(
    IReminderStore reminders,
    IBackgroundJobClient jobs,
    SweepSignal signal,
    IOptionsMonitor<SlaOptions> sla,
    TimeProvider clock,
    ILogger<SlaSweeper> logger
) : BackgroundService
{
    /// <summary>Rows this instance has given a job, and when: not planned twice unless the job seems lost.</summary>
    private readonly Dictionary<string, DateTimeOffset> planned = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await SweepAsync(stoppingToken);
                logger.LogDebug(
                    "SLA sweep read {Rows} due rows and scheduled {Scheduled}",
                    result.RowsRead,
                    result.Scheduled
                );
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "SLA sweep failed; the next one is in {Interval}", sla.CurrentValue.SweepInterval);
            }

            try
            {
                await signal.WaitAsync(sla.CurrentValue.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var options = sla.CurrentValue;
            var now = clock.GetUtcNow();
            var rows = await reminders.DueByAsync(now + options.SweepInterval + SlaChaser.Tolerance, cancellationToken);
            var scheduled = 0;
            foreach (var row in rows)
            {
                var r = row.Reminder;
                // Replan only once the job's retries and its lease are surely over: see SlaChaser's retry delays.
                var lost =
                    r.DueAt < now
                    && planned.TryGetValue(row.RowKey, out var at)
                    && now - at > SlaChaser.RetryWindow + options.DeliveryLease + options.SweepInterval;
                if (planned.ContainsKey(row.RowKey) && !lost)
                {
                    continue;
                }

                planned[row.RowKey] = now;
                var key = row.RowKey;
                if (r.DueAt <= now)
                {
                    jobs.Enqueue<SlaChaser>(j =>
                        j.RemindAsync(r.Number, r.Chase, r.Step, r.Round, r.DueAt, key, null, CancellationToken.None)
                    );
                }
                else
                {
                    jobs.Schedule<SlaChaser>(
                        j =>
                            j.RemindAsync(
                                r.Number,
                                r.Chase,
                                r.Step,
                                r.Round,
                                r.DueAt,
                                key,
                                null,
                                CancellationToken.None
                            ),
                        SlaChaser.RunAt(r.DueAt)
                    );
                }

                scheduled++;
            }

            // Forget rows that are gone: they were delivered or dropped.
            var present = rows.Select(r => r.RowKey).ToHashSet();
            foreach (var gone in planned.Keys.Where(k => !present.Contains(k)).ToList())
            {
                planned.Remove(gone);
            }

            return new SweepResult(rows.Count, scheduled);
        }
        finally
        {
            gate.Release();
        }
    }
}
