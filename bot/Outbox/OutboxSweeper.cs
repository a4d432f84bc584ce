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
    ILogger<OutboxSweeper> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
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

    /// <summary>Returns how many cases were given a send.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = (await outbox.PendingAsync(null, cancellationToken))
            .Where(r => r.IsDue(now))
            .Select(r => r.Number)
            .Distinct()
            .ToList();
        foreach (var number in due)
        {
            signal.Wake(number);
        }

        return due.Count;
    }
}
