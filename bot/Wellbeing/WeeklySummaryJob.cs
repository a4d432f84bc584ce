using Hangfire;
using Hangfire.Server;

namespace EscalationBot.Wellbeing;

/// <summary>
/// The weekly wellbeing summary's Hangfire entries: the recurring job (<see cref="RunAsync"/>), and one week's
/// summary, which the catch-up at start and a look again after another instance's lease enqueue. Arguments are
/// times only; the work is <see cref="WeeklySummarySender"/>'s.
/// </summary>
public sealed class WeeklySummaryJob(WeeklySummarySender sender, SummaryWeeks weeks, TimeProvider clock)
{
    /// <summary>The recurring job's entry: the summary of the week that ends now.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public Task<string> RunAsync(PerformContext? context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return sender.SendAsync(weeks.LastDue(now).To.ToUnixTimeSeconds(), now, context, cancellationToken);
    }

    /// <summary>The summary due at <paramref name="dueUnix"/>, to each lead who has not had it.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public Task<string> SendAsync(long dueUnix, PerformContext? context, CancellationToken cancellationToken) =>
        sender.SendAsync(dueUnix, clock.GetUtcNow(), context, cancellationToken);
}
