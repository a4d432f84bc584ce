using EscalationBot.Shifts;

namespace EscalationBot.Tests.Shifts;

/// <summary>Shift maths: runs across midnight, across daylight-saving changes, and on holidays.</summary>
public sealed class ShiftScheduleTests
{
    private static readonly TimeSpan Sgt = TimeSpan.FromHours(8);

    private static DateTimeOffset Sg(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, Sgt);

    private static readonly ShiftSchedule Default = new(new ShiftsOptions());

    [Fact]
    public void The_default_rota_covers_every_hour_in_three_shifts_the_night_one_across_midnight()
    {
        var night = Default.Current(Sg(11, 25, 2))!;
        Assert.Equal(("Night", Sg(11, 24, 23), Sg(11, 25, 7)), (night.Name, night.Start, night.End));
        Assert.Equal("Morning", Default.Current(Sg(11, 25, 7))!.Name);
        Assert.Equal("Evening", Default.Current(Sg(11, 25, 22, 59))!.Name);

        var next = Default.Next(Sg(11, 25, 22, 59))!;
        Assert.Equal(("Night", Sg(11, 25, 23)), (next.Name, next.Start));
        Assert.Equal(("Evening", Sg(11, 25, 15)), (Default.Outgoing(next)!.Name, Default.Outgoing(next)!.Start));

        // A day of boundaries: 07:00, 15:00, 23:00 local, weekends included.
        var saturday = Default.StartingBetween(Sg(11, 28, 0), Sg(11, 29, 0));
        Assert.Equal([Sg(11, 28, 7), Sg(11, 28, 15), Sg(11, 28, 23)], saturday.Select(r => r.Start));
    }

    [Fact]
    public void A_holiday_takes_out_that_days_run_of_a_shift_and_the_previous_run_hands_over_to_the_next()
    {
        var options = new ShiftsOptions
        {
            Definitions =
            [
                new()
                {
                    Name = "Day",
                    Start = new(9, 0),
                    End = new(21, 0),
                    Days =
                    [
                        DayOfWeek.Monday,
                        DayOfWeek.Tuesday,
                        DayOfWeek.Wednesday,
                        DayOfWeek.Thursday,
                        DayOfWeek.Friday,
                    ],
                    Holidays = [new DateOnly(2026, 12, 25)],
                },
                new()
                {
                    Name = "Night",
                    Start = new(21, 0),
                    End = new(9, 0),
                },
            ],
        };
        var schedule = new ShiftSchedule(options);

        // Christmas is a Friday: the night shift of the 24th runs into the weekend without a day shift in between.
        var christmas = schedule.StartingBetween(Sg(12, 25, 0), Sg(12, 26, 0));
        Assert.Equal([("Night", Sg(12, 25, 21))], christmas.Select(r => (r.Name, r.Start)));
        Assert.Null(schedule.Current(Sg(12, 25, 12))); // nobody is rostered between 09:00 and 21:00 that day
        Assert.Null(schedule.RunAt(0, Sg(12, 25, 9)));
        Assert.Equal(Sg(12, 24, 21), schedule.Outgoing(christmas[0])!.Start);
        Assert.Equal("0 9 * * 1,2,3,4,5", schedule.Cron(0));
        Assert.Equal("0 21 * * *", schedule.Cron(1));
    }

    [Fact]
    public void Shifts_keep_their_local_times_across_a_daylight_saving_change()
    {
        var options = new ShiftsOptions
        {
            TimeZone = "Europe/London",
            Definitions =
            [
                new()
                {
                    Name = "Day",
                    Start = new(7, 0),
                    End = new(19, 0),
                },
                new()
                {
                    Name = "Night",
                    Start = new(19, 0),
                    End = new(7, 0),
                },
            ],
        };
        var schedule = new ShiftSchedule(options);

        // Clocks go forward at 01:00 UTC on Sunday 28 March 2027: the night shift from Saturday is an hour shorter.
        var saturdayNight = schedule.RunAt(1, new DateTimeOffset(2027, 3, 27, 19, 0, 0, TimeSpan.Zero))!;
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 6, 0, 0, TimeSpan.Zero), saturdayNight.End.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(11), saturdayNight.End - saturdayNight.Start);
        // Sunday's day shift starts at 07:00 BST, which is 06:00 UTC, as the night shift ends.
        var sunday = schedule.Next(saturdayNight.Start)!;
        Assert.Equal(
            ("Day", new DateTimeOffset(2027, 3, 28, 6, 0, 0, TimeSpan.Zero)),
            (sunday.Name, sunday.Start.ToUniversalTime())
        );

        // And back in October: 31 Oct 2027, that night is an hour longer.
        var autumnNight = schedule.RunAt(1, new DateTimeOffset(2027, 10, 30, 19, 0, 0, TimeSpan.FromHours(1)))!;
        Assert.Equal(TimeSpan.FromHours(13), autumnNight.End - autumnNight.Start);
    }

    [Fact]
    public void The_configuration_is_checked()
    {
        Assert.Empty(new ShiftsOptions().Problems());
        var bad = new ShiftsOptions
        {
            TimeZone = "Mars/Olympus",
            Definitions =
            [
                new()
                {
                    Name = "A",
                    Start = new(7, 0),
                    End = new(7, 0),
                },
                new()
                {
                    Name = "a",
                    Start = new(8, 0),
                    End = new(9, 0),
                },
            ],
            DigestItems = 0,
        };
        var problems = bad.Problems().ToList();
        Assert.Contains(
            "Shifts:Definitions:0: Start and End must differ (End before Start crosses midnight).",
            problems
        );
        Assert.Contains("Shifts:Definitions must have distinct names.", problems);
        Assert.Contains("Shifts:DigestItems must be between 1 and 25.", problems);
        Assert.Contains(
            "Shifts:Definitions:1:TimeZone (or Shifts:TimeZone) must be a time zone id such as Asia/Singapore.",
            problems
        );
    }
}
