using EscalationBot.Cards;

namespace EscalationBot.Tests.Cards;

public sealed class TeamClockTests
{
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);

    private static TeamClock In(string zone) => new(TimeZoneInfo.FindSystemTimeZoneById(zone));

    [Theory]
    [InlineData("Asia/Singapore", "Tue 15:00 (Singapore, UTC+8)")]
    [InlineData("Asia/Kolkata", "Tue 12:30 (Kolkata, UTC+5:30)")]
    [InlineData("America/New_York", "Tue 02:00 (New York, UTC-5)")]
    [InlineData("Etc/UTC", "Tue 07:00 (UTC)")]
    public void A_time_is_on_a_24_hour_clock_with_its_zone_named(string zone, string expected) =>
        Assert.Equal(expected, In(zone).Time(Tuesday));

    [Fact]
    public void A_span_names_the_day_once_when_both_ends_are_on_it_and_the_zone_once()
    {
        var singapore = In("Asia/Singapore");
        Assert.Equal("Tue 15:00 to 23:00 (Singapore, UTC+8)", singapore.Span(Tuesday, Tuesday.AddHours(8)));
        Assert.Equal(
            "Tue 23:00 to Wed 07:00 (Singapore, UTC+8)",
            singapore.Span(Tuesday.AddHours(8), Tuesday.AddHours(16))
        );
    }

    [Fact]
    public void A_span_across_a_clock_change_names_the_zone_at_each_end()
    {
        var night = new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.Zero); // 23:00 EST, before the spring forward
        Assert.Equal(
            "Sat 23:00 (New York, UTC-5) to Sun 07:00 (New York, UTC-4)",
            In("America/New_York").Span(night, night.AddHours(7))
        );
    }
}
