using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Outages;
using EscalationBot.Wellbeing;
using Microsoft.Extensions.Options;

namespace EscalationBot.Storage;

/// <summary>
/// Once a day, on every instance, removes what is kept only for a while: the records of activities older than
/// <see cref="BotOptions.ReplayWindow"/> (a retry comes within seconds, and the records would otherwise grow with every
/// change ever made), and exposure to sensitive cases older than <see cref="WellbeingOptions.KeepFor"/>.
/// </summary>
public sealed class RecordPruner(
    ICaseStore store,
    IOptionsMonitor<BotOptions> options,
    IOptionsMonitor<WellbeingOptions> wellbeing,
    TimeProvider clock,
    ILogger<RecordPruner> logger
) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ForgetAsync(
                    "activity records",
                    options.CurrentValue.ReplayWindow,
                    store.ForgetTurnsAsync,
                    stoppingToken
                );
                await ForgetAsync(
                    "exposure rows",
                    wellbeing.CurrentValue.KeepFor,
                    store.ForgetExposureAsync,
                    stoppingToken
                );
            }
            catch (Exception e) when (StorageFailure.IsOutage(e))
            {
                logger.LogWarning(
                    e,
                    "Could not remove old activity records or exposure rows; trying again in {Every}",
                    Every
                );
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

    private async Task ForgetAsync(
        string what,
        TimeSpan keep,
        Func<DateTimeOffset, CancellationToken, Task<int>> forget,
        CancellationToken cancellationToken
    )
    {
        var forgotten = await forget(clock.GetUtcNow() - keep, cancellationToken);
        logger.LogInformation("Removed {Count} {What} older than {Keep}", forgotten, what, keep);
    }
}
