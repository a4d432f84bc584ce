using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Insight;
using EscalationBot.Cases;
using EscalationBot.Insight;
using EscalationBot.Tests.Insight;

namespace EscalationBot.Tests.Cards;

/// <summary>The insight cards (issue 15), built the way the bot builds them.</summary>
public static class InsightCardSamples
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var facts = CaseReportFacts.Of(
            CaseReportSamples.Resolved(),
            CaseReportSamples.History(),
            CaseReportSamples.Policy,
            CaseReportSamples.T0.AddHours(4)
        );
        var preview = new CaseReportPreview(
            "ESC-12",
            facts.TitleLine,
            facts.Outline(),
            "https://bot.example.com/insight/token/ESC-12-report.docx",
            TimeSpan.FromMinutes(15)
        );
        yield return ("case-report", CaseReportCard.Build(preview));
        yield return ("case-report-sensitive", CaseReportCard.Build(preview with { Sensitive = true }));
        yield return ("case-report-no-link", CaseReportCard.Build(preview with { Url = null }));

        var stats = StatsSample(InsightStatsTests.FiveCases());
        var clock = new TeamClock(TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore"));
        yield return ("stats", StatsCard.Build(StatsViews.Of(stats, clock, [])));
        yield return ("stats-empty", StatsCard.Build(StatsViews.Of(StatsSample([]), clock, [])));
        var (notable, more) = WeeklyNarrative.Notable(stats);
        var weekly = new WeeklyReportView(
            StatsViews.Of(stats, clock, []),
            WeeklyNarrative.Sentences(stats, clock.Zone),
            [.. notable.Select(n => (n.Id, n.Labels, n.Why))],
            more,
            "Posted late: it was due Mon 7 Dec 09:00 (Singapore, UTC+8), when the bot was not running."
        );
        yield return ("weekly-report", WeeklyReportCard.Build(weekly));
        yield return (
            "weekly-report-quiet",
            WeeklyReportCard.Build(weekly with { Notable = [], MoreNotable = 0, LateNote = null })
        );
        yield return (
            "export",
            ExportCard.Build(
                new ExportView(
                    "Export · Week of Mon 30 Nov 2026",
                    "Cases filed Mon 30 Nov to Sun 6 Dec 2026 (Singapore, UTC+8)",
                    "One row per case.",
                    "The links work until Tue 10:15 (Singapore, UTC+8).",
                    "https://bot.example.com/insight/token/escalations-2026-11-30.csv",
                    "https://bot.example.com/insight/token/escalations-2026-11-30.xlsx"
                )
            )
        );
    }

    private static InsightStats StatsSample(IReadOnlyList<Case> cases)
    {
        var now = new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
        var (period, _, _) = InsightPeriod.Parse("week", now, TimeZoneInfo.Utc);
        var prior = InsightStats.PriorOf(cases.Take(2).ToList(), CasePolicy.Default, now);
        return InsightStats.Of(period!, CaseFilter.None, cases, prior, CasePolicy.Default, now);
    }
}
