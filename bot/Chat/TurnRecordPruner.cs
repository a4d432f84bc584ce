using EscalationBot.Cases;
using EscalationBot.Outages;
using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>
/// Once a day, on every instance, removes the records of activities older than <see cref="BotOptions.ReplayWindow"/>:
/// a retry comes within seconds, and the records would otherwise grow with every change ever made.
/// </summary>
public sealed class TurnRecordPruner(
    ICaseStore store,
    IOptionsMonitor<BotOptions> options,
    TimeProvider clock,
    ILogger<TurnRecordPruner> logger
) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var forgotten = await store.ForgetTurnsAsync(
                    clock.GetUtcNow() - options.CurrentValue.ReplayWindow,
                    stoppingToken
                );
                logger.LogInformation(
                    "Removed {Count} activity records older than {Window}",
                    forgotten,
                    options.CurrentValue.ReplayWindow
                );
            }
            catch (Exception e) when (StorageFailure.IsOutage(e))
            {
                logger.LogWarning(e, "Could not remove old activity records; trying again in {Every}", Every);
            }

            try
            {
                await Task.Delay(Every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
