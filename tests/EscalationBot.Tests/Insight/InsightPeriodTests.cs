using EscalationBot.Insight;

namespace EscalationBot.Tests.Insight;

/// <summary>Periods in the team's zone (Singapore, UTC+8, no daylight saving), weeks from Monday.</summary>
public sealed class InsightPeriodTests
{
    private static readonly TimeZoneInfo Singapore = TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore");

    // Tue 1 Dec 2026, 01:30 in Singapore: still Mon 30 Nov in UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 17, 30, 0, TimeSpan.Zero);

    private static DateTimeOffset Sgt(int month, int day) => new(2026, month, day, 0, 0, 0, TimeSpan.FromHours(8));

    private static InsightPeriod Parse(string text) => InsightPeriod.Parse(text, Now, Singapore).Period!;

    [Fact]
    public void The_week_is_the_default_and_starts_on_monday_at_local_midnight()
    {
        var (period, filters, error) = InsightPeriod.Parse("sev1 facebook", Now, Singapore);
        Assert.Null(error);
        Assert.Equal("sev1 facebook", filters);
        Assert.Equal((Sgt(11, 30), Sgt(12, 7)), (period!.From, period.To));
        Assert.Equal((Sgt(11, 23), Sgt(11, 30)), (period.Previous!.From, period.Previous.To));
    }

    [Fact]
    public void Today_and_month_are_local_calendar_days()
    {
        Assert.Equal((Sgt(12, 1), Sgt(12, 2)), (Parse("today").From, Parse("today").To));
        var month = Parse("month");
        Assert.Equal(
            (Sgt(12, 1), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))),
            (month.From, month.To)
        );
        Assert.Equal((Sgt(11, 1), Sgt(12, 1)), (month.Previous!.From, month.Previous.To));
    }

    [Fact]
    public void Rolling_periods_end_now_and_compare_with_as_long_before()
    {
        var week = Parse("7d");
        Assert.Equal(Now.AddSeconds(1), week.To);
        Assert.Equal(TimeSpan.FromDays(7), week.Length);
        Assert.Equal(week.From, week.Previous!.To);
        Assert.Equal(TimeSpan.FromDays(30), Parse("30d").Length);
    }

    [Fact]
    public void A_range_includes_both_days_and_its_filters_follow()
    {
        var (period, filters, _) = InsightPeriod.Parse("2026-11-01..2026-11-30 sev2", Now, Singapore);
        Assert.Equal((Sgt(11, 1), Sgt(12, 1)), (period!.From, period.To));
        Assert.Equal((Sgt(10, 2), Sgt(11, 1)), (period.Previous!.From, period.Previous.To));
        Assert.Equal("sev2", filters);
    }

    [Theory]
    [InlineData("2026-11-31..2026-12-02")]
    [InlineData("2026-12-02..2026-11-01")]
    [InlineData("2024-01-01..2026-01-01")]
    public void A_range_that_is_not_real_backwards_or_too_long_is_refused(string text)
    {
        var (period, _, error) = InsightPeriod.Parse(text, Now, Singapore);
        Assert.Null(period);
        Assert.Contains(text, error);
    }
}
