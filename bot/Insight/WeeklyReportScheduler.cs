using EscalationBot.Cases;
using Hangfire;
using Microsoft.Extensions.Options;

namespace EscalationBot.Insight;

/// <summary>
/// At start: the weekly report's recurring job (its cron in the team's zone), and the catch-up for the reports of
/// the last <see cref="WeeklyReportOptions.CatchUpWeeks"/> weeks that were due while no instance ran; the delivery
/// records turn those already posted into nothing. It needs nothing of the chat: a hosted service is built at start,
/// before the bot's own settings are checked.
/// </summary>
public sealed class WeeklyReportScheduler(
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    WeeklyReports reports,
    IOptions<WeeklyReportOptions> options,
    CasePolicy policy,
    TimeProvider clock
) : IHostedService
{
    public const string JobId = "insight-weekly-report";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            recurring.RemoveIfExists(JobId);
            return Task.CompletedTask;
        }

        recurring.AddOrUpdate<WeeklyReportJob>(
            JobId,
            j => j.RunAsync(null, CancellationToken.None),
            options.Value.Cron,
            new RecurringJobOptions { TimeZone = policy.Zone }
        );

        var now = clock.GetUtcNow();
        var week = reports.LastWeek(now);
        for (var i = 0; i < options.Value.CatchUpWeeks; i++, week = reports.WeekFrom(week.Previous!.From))
        {
            if (reports.DueAt(week) <= now)
            {
                var start = week.From.ToUnixTimeSeconds();
                jobs.Enqueue<WeeklyReportJob>(j => j.PostAsync(start, null, CancellationToken.None));
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
