using EscalationBot.Telemetry;
using Microsoft.Extensions.Options;

namespace EscalationBot.Outbox;

/// <summary>
/// At start and then every <see cref="OutboxOptions.SweepInterval"/>, starts sending every case whose outbox has a row
/// due: rows a crashed instance held (once their lease ends), rows whose job was lost with an in-memory job store,
/// and retries falling due. Each instance sweeps; the leases make the extra jobs harmless.
/// </summary>
public sealed class OutboxSweeper(
    IOutboxStore outbox,
    OutboxSignal signal,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider clock,
    BotMetrics metrics,
    ILogger<OutboxSweeper> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken, recentToo: first);
                first = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(
                    e,
                    "Outbox sweep failed; the next one is in {Interval}",
                    options.CurrentValue.SweepInterval
                );
            }

            try
            {
                await Task.Delay(options.CurrentValue.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Returns how many cases were given a send. Rows written within the last interval have a job of their own (the
    /// change's, or the retry a failure scheduled) unless this instance has just started: a burst's rows waiting for
    /// their jobs are not given a second one each.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken, bool recentToo = true)
    {
        var now = clock.GetUtcNow();
        var recent = now - options.CurrentValue.SweepInterval;
        var pending = await outbox.PendingAsync(null, cancellationToken);
        Measure(pending, now);
        var due = pending
            .Where(r => r.IsDue(now) && (recentToo || r.WrittenAt is not { } written || written < recent))
            .Select(r => r.Number)
            .Distinct()
            .ToList();
        foreach (var number in due)
        {
            signal.Wake(number);
        }

        return due.Count;
    }

    /// <summary>The backlog an operator alerts on: rows still to send; those given up on are logged as errors instead.</summary>
    private void Measure(IReadOnlyList<OutboxRow> pending, DateTimeOffset now)
    {
        var waiting = pending.Where(r => !r.Failed).ToList();
        var oldest = waiting.Min(r => r.WrittenAt) is { } written && written < now ? now - written : TimeSpan.Zero;
        metrics.OutboxRead(waiting.Count, oldest);
    }
}
