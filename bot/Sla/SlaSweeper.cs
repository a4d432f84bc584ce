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
        var nextSweep = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextSweep)
                {
                    nextSweep = clock.GetUtcNow() + sla.CurrentValue.SweepInterval;
                    signal.TakeWritten(); // committed before this read, so the read sees them
                    var result = await SweepAsync(stoppingToken);
                    logger.LogDebug(
                        "SLA sweep read {Rows} due rows and scheduled {Scheduled}",
                        result.RowsRead,
                        result.Scheduled
                    );
                }
                else
                {
                    await PlanAsync(signal.TakeWritten(), stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "SLA sweep failed; the next one is in {Interval}", sla.CurrentValue.SweepInterval);
            }

            try
            {
                await signal.WaitAsync(nextSweep, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Gives rows a change has just written, due within a sweep's look ahead, their jobs without reading the index
    /// (<see cref="SweepSignal"/>).
    /// </summary>
    public async Task<int> PlanAsync(IReadOnlyList<DueReminder> rows, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (now, options) = (clock.GetUtcNow(), sla.CurrentValue);
            // As far ahead as a sweep looks: a later sweep plans the rest.
            var horizon = now + options.SweepInterval + SlaChaser.Tolerance;
            return rows.Count(row => row.Reminder.DueAt <= horizon && Plan(row, now, options));
        }
        finally
        {
            gate.Release();
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
            var scheduled = rows.Count(row => Plan(row, now, options));

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

    /// <summary>Gives one due-time row a Hangfire job, unless this instance gave it one already and it is not lost.</summary>
    private bool Plan(DueReminder row, DateTimeOffset now, SlaOptions options)
    {
        var r = row.Reminder;
        // Replan only once the job's retries and its lease are surely over: see SlaChaser's retry delays.
        var lost =
            r.DueAt < now
            && planned.TryGetValue(row.RowKey, out var at)
            && now - at > SlaChaser.RetryWindow + options.DeliveryLease + options.SweepInterval;
        if (planned.ContainsKey(row.RowKey) && !lost)
        {
            return false;
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
                j => j.RemindAsync(r.Number, r.Chase, r.Step, r.Round, r.DueAt, key, null, CancellationToken.None),
                SlaChaser.RunAt(r.DueAt)
            );
        }

        return true;
    }
}
