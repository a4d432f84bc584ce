using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

/// <summary>Which time counts towards a target: around the clock, or business hours with weekends, holidays, midnight and DST.</summary>
public sealed class SlaCalendarTests
{
    private static readonly TimeZoneInfo Singapore = TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore");
    private static readonly TimeSpan Sgt = TimeSpan.FromHours(8);
    private static readonly DayOfWeek[] Weekdays =
    [
        DayOfWeek.Monday,
        DayOfWeek.Tuesday,
        DayOfWeek.Wednesday,
        DayOfWeek.Thursday,
        DayOfWeek.Friday,
    ];

    /// <summary>09:00–18:00 Singapore, Monday to Friday, Christmas off.</summary>
    private static readonly BusinessHours Office = new(
        Singapore,
        new(9, 0),
        new(18, 0),
        Weekdays,
        [new DateOnly(2026, 12, 25)]
    );

    /// <summary>A night desk: 22:00–06:00, Monday to Friday nights (Friday's runs into Saturday morning).</summary>
    private static readonly BusinessHours Nights = new(Singapore, new(22, 0), new(6, 0), Weekdays, []);

    private static DateTimeOffset Sg(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, Sgt);

    [Fact]
    public void Around_the_clock_every_hour_counts_weekends_and_holidays_included()
    {
        var saturday = Sg(12, 26, 23, 30);
        Assert.Equal(saturday.AddHours(4), SlaCalendar.AllHours.Add(saturday, TimeSpan.FromHours(4)));
        Assert.Equal(TimeSpan.FromHours(4), SlaCalendar.AllHours.Between(saturday, saturday.AddHours(4)));
        Assert.Equal(TimeSpan.Zero, SlaCalendar.AllHours.Between(saturday, saturday.AddHours(-1)));
    }

    [Fact]
    public void Business_hours_skip_the_night_and_the_weekend()
    {
        // Friday 27 Nov 17:00 + 4 h: one hour on Friday, three on Monday morning.
        Assert.Equal(Sg(11, 30, 12), Office.Add(Sg(11, 27, 17), TimeSpan.FromHours(4)));
        // Filed on Saturday night: the clock starts on Monday at nine.
        Assert.Equal(Sg(11, 30, 9, 15), Office.Add(Sg(11, 28, 22), TimeSpan.FromMinutes(15)));
        // Filed before opening: counts from nine.
        Assert.Equal(Sg(11, 24, 10), Office.Add(Sg(11, 24, 3), TimeSpan.FromHours(1)));
        // Exactly at closing time: the next working minute is tomorrow's.
        Assert.Equal(Sg(11, 25, 9, 30), Office.Add(Sg(11, 24, 18), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Business_hours_skip_public_holidays()
    {
        // Thursday 24 Dec 17:00 + 2 h: an hour on Thursday; Friday is Christmas; the rest on Monday 28th.
        Assert.Equal(Sg(12, 28, 10), Office.Add(Sg(12, 24, 17), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), Office.Between(Sg(12, 24, 17), Sg(12, 28, 10)));
        Assert.Equal(TimeSpan.Zero, Office.Between(Sg(12, 25, 9), Sg(12, 25, 18)));
    }

    [Fact]
    public void Hours_that_cross_midnight_belong_to_the_day_they_start()
    {
        // Monday 23:00 + 8 h: seven hours to 06:00 Tuesday, then an hour from Tuesday 22:00.
        Assert.Equal(Sg(11, 24, 23), Nights.Add(Sg(11, 23, 23), TimeSpan.FromHours(8)));
        // Saturday 02:00 is still inside Friday night's window.
        Assert.Equal(Sg(11, 28, 3), Nights.Add(Sg(11, 28, 2), TimeSpan.FromHours(1)));
        // Saturday at 07:00: no window until Monday night (Sunday night is not a working night).
        Assert.Equal(Sg(11, 30, 22, 30), Nights.Add(Sg(11, 28, 7), TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromHours(8), Nights.Between(Sg(11, 27, 12), Sg(11, 28, 12)));
    }

    [Fact]
    public void Daylight_saving_changes_shift_the_windows_with_the_local_clock()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var office = new BusinessHours(london, new(9, 0), new(18, 0), Weekdays, []);
        // Friday 26 Mar 2027 17:00 GMT + 2 h: one hour Friday, then Monday 29 Mar after the clocks went forward
        // (BST, UTC+1): 10:00 local is 09:00 UTC.
        var friday = new DateTimeOffset(2027, 3, 26, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            new DateTimeOffset(2027, 3, 29, 9, 0, 0, TimeSpan.Zero),
            office.Add(friday, TimeSpan.FromHours(2)).ToUniversalTime()
        );

        // A night window across the spring-forward night is an hour shorter: 22:00 GMT to 06:00 BST is 7 hours.
        var nights = new BusinessHours(london, new(22, 0), new(6, 0), [DayOfWeek.Saturday], []);
        var saturday = new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(7), nights.Between(saturday, saturday.AddDays(1)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 90)]
    [InlineData(17, 600)]
    [InlineData(40, 4320)]
    public void Between_undoes_Add(int startHourOffset, int workMinutes)
    {
        var from = Sg(11, 20, 0).AddHours(startHourOffset).AddMinutes(7);
        var work = TimeSpan.FromMinutes(workMinutes);
        foreach (var calendar in new SlaCalendar[] { Office, Nights, SlaCalendar.AllHours })
        {
            Assert.Equal(work, calendar.Between(from, calendar.Add(from, work)));
        }
    }

    [Fact]
    public void Business_hours_need_a_working_day() =>
        Assert.Throws<ArgumentException>(() => new BusinessHours(Singapore, new(9, 0), new(18, 0), [], []));
}
