using Hangfire;
using Microsoft.Extensions.Options;

namespace EscalationBot.Wellbeing;

/// <summary>
/// At start: the weekly wellbeing summary's recurring job (its cron in the team's zone), and the last week's
/// summary in case it came due while no instance ran; the delivery records turn one already sent into nothing.
/// </summary>
public sealed class WeeklySummaryScheduler(
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    SummaryWeeks weeks,
    IOptions<WellbeingOptions> options,
    TimeProvider clock
) : IHostedService
{
    public const string JobId = "wellbeing-weekly-summary";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WeeklySummary)
        {
            recurring.RemoveIfExists(JobId);
            return Task.CompletedTask;
        }

        recurring.AddOrUpdate<WeeklySummaryJob>(
            JobId,
            j => j.RunAsync(null, CancellationToken.None),
            weeks.Cron,
            new RecurringJobOptions { TimeZone = weeks.Zone }
        );
        var due = weeks.LastDue(clock.GetUtcNow()).To.ToUnixTimeSeconds();
        jobs.Enqueue<WeeklySummaryJob>(j => j.SendAsync(due, null, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
