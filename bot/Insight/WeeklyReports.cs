using Cronos;
using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Insight;
using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Insight;

/// <summary>Builds the weekly report of a week: the job posts it, and <c>report week</c> shows it on demand.</summary>
public sealed class WeeklyReports(
    InsightReader reader,
    InsightCharts charts,
    CasePolicy policy,
    IOptions<WeeklyReportOptions> options
)
{
    /// <summary>When the report of the week from <paramref name="week"/> is due: the first report time after it ends.</summary>
    public DateTimeOffset DueAt(InsightPeriod week) =>
        CronExpression.Parse(options.Value.Cron).GetNextOccurrence(week.To, policy.Zone, inclusive: true) ?? week.To;

    /// <summary>The week that ended last before <paramref name="now"/> (Monday to Sunday in the team's zone).</summary>
    public InsightPeriod LastWeek(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, policy.Zone).DateTime);
        return InsightPeriod.WeekOf(InsightPeriod.MondayOf(today).AddDays(-7), policy.Zone);
    }

    public InsightPeriod WeekFrom(DateTimeOffset monday) =>
        InsightPeriod.WeekOf(
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(monday, policy.Zone).DateTime),
            policy.Zone
        );

    /// <summary>The report's card, or why there is none (the filing index still being built).</summary>
    public async Task<(AdaptiveCard? Card, InsightRefusal? Refusal)> BuildAsync(
        InsightPeriod week,
        string? lateNote,
        CancellationToken cancellationToken
    )
    {
        var read = await reader.StatsAsync(week, CaseFilter.None, cancellationToken);
        if (read.Stats is not { } stats)
        {
            return (null, read.Refusal);
        }

        var clock = new TeamClock(policy.Zone);
        var images = charts.For(week, "", InsightLink.TheBot);
        var view = StatsViews.Of(stats, clock, images) with { Title = $"Weekly report · {week.Name}" };
        var (notable, more) = WeeklyNarrative.Notable(stats);
        return (
            WeeklyReportCard.Build(
                new WeeklyReportView(
                    view,
                    WeeklyNarrative.Sentences(stats, policy.Zone),
                    [.. notable.Select(n => (n.Id, n.Labels, n.Why))],
                    more,
                    lateNote
                )
            ),
            null
        );
    }
}
