namespace EscalationBot.Insight;

/// <summary>
/// Renders a tiny chart once after start: the first render loads Skia's native library and its fonts (hundreds of
/// milliseconds), which would otherwise fall on the first user to ask for stats.
/// </summary>
public sealed class StatsChartWarmUp(StatsChart chart, ILogger<StatsChartWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            chart.Areas([new LabelledCount("Warm-up", 1)]);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            logger.LogError(e, "Charts cannot be drawn: Skia did not load");
        }
    }
}
