using EscalationBot.Cases;
using EscalationBot.Insight;

namespace EscalationBot.Tests.Insight;

/// <summary>The weekly report's sentences, written from the figures of <see cref="InsightStatsTests.FiveCases"/>.</summary>
public sealed class WeeklyNarrativeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    private static InsightStats Stats(PriorFigures? prior)
    {
        var (period, _, _) = InsightPeriod.Parse("2026-11-30..2026-11-30", Now, TimeZoneInfo.Utc);
        return InsightStats.Of(period!, CaseFilter.None, InsightStatsTests.FiveCases(), prior, CasePolicy.Default, Now);
    }

    private static PriorFigures Prior(int filed, double mttaMinutes) =>
        new(
            filed,
            new Spread(filed, TimeSpan.FromMinutes(mttaMinutes), TimeSpan.FromMinutes(mttaMinutes)),
            new Spread(0, null, null),
            new Dictionary<string, int> { ["hate speech from Example News"] = filed }
        );

    [Fact]
    public void Volume_mtta_and_sev1_breaches_are_told_from_the_numbers()
    {
        var sentences = WeeklyNarrative.Sentences(Stats(Prior(filed: 4, mttaMinutes: 21)), TimeZoneInfo.Utc);

        Assert.Equal(
            [
                "Volume rose 25% on last week (5 against 4), driven by hate speech from Civic Watch (+1).",
                "MTTA held at 20 min.",
                "1 Sev1 case missed first response, filed between 11:00 and 12:00.",
            ],
            sentences
        );
    }

    [Fact]
    public void A_fall_names_what_fell_most_and_a_moved_mtta_says_from_what()
    {
        var sentences = WeeklyNarrative.Sentences(Stats(Prior(filed: 10, mttaMinutes: 40)), TimeZoneInfo.Utc);

        Assert.Equal(
            "Volume fell 50% on last week (5 against 10), driven by hate speech from Example News (-6).",
            sentences[0]
        );
        Assert.Equal("MTTA fell to 20 min from 40 min.", sentences[1]);
    }

    [Fact]
    public void The_notable_cases_are_the_breached_reopened_and_those_needing_a_policy_decision()
    {
        var (shown, more) = WeeklyNarrative.Notable(Stats(null));

        Assert.Equal(
            [
                ("ESC-2", "missed first response, missed resolution"),
                ("ESC-3", "missed first response"),
                ("ESC-4", "reopened"),
            ],
            shown.Select(n => (n.Id, n.Why))
        );
        Assert.Equal(0, more);
    }
}
