using Hangfire;
using Hangfire.Server;

namespace EscalationBot.Insight;

/// <summary>
/// The weekly report's Hangfire entries: the recurring job (<see cref="RunAsync"/>), and one week's report, which
/// the catch-up at start and a look again after another instance's lease enqueue. Hangfire stores jobs by type,
/// method and arguments (ids and times only), so this class keeps those and hands the work to
/// <see cref="WeeklyReportPoster"/>.
/// </summary>
public sealed class WeeklyReportJob(WeeklyReportPoster poster, WeeklyReports reports, TimeProvider clock)
{
    /// <summary>The recurring job's entry: the report of the week that has just ended.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public Task<string> RunAsync(PerformContext? context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return poster.PostAsync(reports.LastWeek(now).From.ToUnixTimeSeconds(), now, context, cancellationToken);
    }

    /// <summary>The report of the week from <paramref name="weekStartUnix"/>, unless it was posted already.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public Task<string> PostAsync(long weekStartUnix, PerformContext? context, CancellationToken cancellationToken) =>
        poster.PostAsync(weekStartUnix, clock.GetUtcNow(), context, cancellationToken);
}
