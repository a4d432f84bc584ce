using EscalationBot.Cases;
using EscalationBot.Insight;

namespace EscalationBot.Tests.Insight;

/// <summary>The figures of a day of five cases, each worked out by hand below.</summary>
public sealed class InsightStatsTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Day.AddHours(16);
    private static readonly SlaTargets Sev1 = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4));
    private static readonly SlaTargets Sev2 = new(TimeSpan.FromHours(1), TimeSpan.FromDays(1));
    private static readonly SlaTargets Sev3 = new(TimeSpan.FromHours(4), TimeSpan.FromDays(3));

    internal static Case Filed(
        int number,
        Severity severity,
        SlaTargets targets,
        double hour,
        string partner = "Example News"
    ) =>
        new(
            number,
            CaseState.New,
            new CaseReport(Platform.Facebook, partner, "", [], PolicyArea.HateSpeech, severity, null, ""),
            new Person("pm-1", "Pat"),
            "",
            Day.AddHours(hour),
            targets
        );

    private static Case Resolved(Case c, double hour) =>
        c with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "", Day.AddHours(hour)),
        };

    /// <summary>
    /// 1: Sev1 filed 10:00, claimed 10:10 (10 min, met), waited 30 min on the reporter, resolved 12:00 (MTTR 90 min, met).
    /// 2: Sev1 filed 11:00, claimed 11:40 (40 min, missed), open past its 15:00 resolution target (missed).
    /// 3: Sev2 filed 12:00, unclaimed past its 13:00 first response (missed); resolution due tomorrow (not counted).
    /// 4: Sev2 filed 13:00, claimed 13:20 (20 min, met), resolved 14:00, reopened 14:30, resolved 15:30 (MTTR 60 min, met).
    /// 5: Sev3 filed 15:50, unclaimed, first response due 19:50 (not counted either way).
    /// </summary>
    internal static IReadOnlyList<Case> FiveCases() =>
        [
            Resolved(Filed(1, Severity.Sev1, Sev1, 10) with { ClaimedAt = Day.AddHours(10 + 10 / 60.0) }, 12) with
            {
                PausedFor = TimeSpan.FromMinutes(30),
            },
            Filed(2, Severity.Sev1, Sev1, 11) with
            {
                State = CaseState.Claimed,
                ClaimedAt = Day.AddHours(11 + 40 / 60.0),
            },
            Filed(3, Severity.Sev2, Sev2, 12),
            Resolved(Filed(4, Severity.Sev2, Sev2, 13) with { ClaimedAt = Day.AddHours(13 + 20 / 60.0) }, 15.5) with
            {
                ResolutionClockFrom = Day.AddHours(14.5),
                ReopenCount = 1,
            },
            Filed(5, Severity.Sev3, Sev3, 15 + 50 / 60.0, partner: "Civic Watch"),
        ];

    private static InsightStats Stats()
    {
        var (period, _, _) = InsightPeriod.Parse("2026-11-30..2026-11-30", Now, TimeZoneInfo.Utc);
        return InsightStats.Of(period!, CaseFilter.None, FiveCases(), null, CasePolicy.Default, Now);
    }

    [Fact]
    public void Volumes_count_what_became_of_the_cases_filed_in_the_period()
    {
        Assert.Equal(new Volumes(Filed: 5, Claimed: 3, Resolved: 2, Reopened: 1, StillOpen: 3), Stats().Volumes);
    }

    [Fact]
    public void The_backlog_is_the_still_open_by_age_with_the_oldest()
    {
        var backlog = Stats().Backlog;
        Assert.Equal(2, backlog.Oldest?.Number);
        Assert.Equal(
            (3, 0, 0, 0),
            (backlog.UnderADay, backlog.OneToThreeDays, backlog.ThreeToSevenDays, backlog.OverAWeek)
        );
    }

    [Fact]
    public void Mtta_is_filed_to_first_claim_with_median_and_p90_interpolated()
    {
        // 10, 20, 40 min: the median is 20; p90 is at rank 0.9 × 2 = 1.8, so 20 + 0.8 × (40 − 20) = 36.
        var mtta = Stats().Mtta;
        Assert.Equal(3, mtta.Count);
        Assert.Equal(20, mtta.Median!.Value.TotalMinutes, 6);
        Assert.Equal(36, mtta.P90!.Value.TotalMinutes, 6);
    }

    [Fact]
    public void Mttr_excludes_time_waiting_on_the_reporter_and_runs_from_the_reopening()
    {
        // Case 1: 120 min less 30 waiting = 90; case 4: 14:30 to 15:30 = 60. Median 75; p90 = 60 + 0.9 × 30 = 87.
        var mttr = Stats().Mttr;
        Assert.Equal(2, mttr.Count);
        Assert.Equal(75, mttr.Median!.Value.TotalMinutes, 6);
        Assert.Equal(87, mttr.P90!.Value.TotalMinutes, 6);
    }

    [Fact]
    public void Targets_count_met_and_missed_per_severity_leaving_out_those_that_can_still_be_met()
    {
        var stats = Stats();
        var bySeverity = stats.Targets.ToDictionary(t => t.Severity);
        Assert.Equal(new TargetTally(1, 1), bySeverity[Severity.Sev1].FirstResponse);
        Assert.Equal(new TargetTally(1, 1), bySeverity[Severity.Sev1].Resolution);
        Assert.Equal(new TargetTally(1, 1), bySeverity[Severity.Sev2].FirstResponse);
        Assert.Equal(new TargetTally(1, 0), bySeverity[Severity.Sev2].Resolution);
        Assert.Equal(new TargetTally(0, 0), bySeverity[Severity.Sev3].FirstResponse);
        Assert.Equal(3, stats.Breaches);
    }

    [Fact]
    public void Breakdowns_and_days_count_the_filed_cases()
    {
        var stats = Stats();
        Assert.Equal(
            [new LabelledCount("Example News", 4), new LabelledCount("Civic Watch", 1)],
            stats.Breakdowns["Partner"]
        );
        var day = Assert.Single(stats.Days);
        Assert.Equal(
            (2, 2, 1, 0),
            (
                day.FiledBySeverity[Severity.Sev1],
                day.FiledBySeverity[Severity.Sev2],
                day.FiledBySeverity[Severity.Sev3],
                day.FiledBySeverity[Severity.Sev4]
            )
        );
        // Met: cases 1 and 4, both targets each; missed: case 2 both, case 3 first response. 4 of 7.
        Assert.Equal(4 / 7.0, day.TargetsMetShare!.Value, 6);
    }

    [Fact]
    public void A_breakdown_shows_the_top_five_then_other()
    {
        var cases = Enumerable.Range(1, 8).Select(n => Filed(n, Severity.Sev3, Sev3, 1, partner: $"P{n % 7}")).ToList();
        var top = InsightStats.TopOf(cases, c => c.Report.Partner);
        Assert.Equal(6, top.Count);
        Assert.Equal(new LabelledCount("P1", 2), top[0]);
        Assert.Equal(new LabelledCount("Other", 2), top[^1]);
    }
}
