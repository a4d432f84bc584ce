namespace EscalationBot.Cases;

/// <summary>
/// Which time counts towards a target. <see cref="AllHours"/> is the default: the team works around the clock,
/// weekends and public holidays included. <see cref="BusinessHours"/> counts only working hours in one time zone.
/// </summary>
public abstract class SlaCalendar
{
    public static readonly SlaCalendar AllHours = new AllHoursCalendar();

    /// <summary>The moment at which <paramref name="work"/> of counted time has passed since <paramref name="from"/>.</summary>
    public abstract DateTimeOffset Add(DateTimeOffset from, TimeSpan work);

    /// <summary>How much counted time lies between two moments (zero if <paramref name="to"/> is not later).</summary>
    public abstract TimeSpan Between(DateTimeOffset from, DateTimeOffset to);

    private sealed class AllHoursCalendar : SlaCalendar
    {
        public override DateTimeOffset Add(DateTimeOffset from, TimeSpan work) => from + work;

        public override TimeSpan Between(DateTimeOffset from, DateTimeOffset to) =>
            to > from ? to - from : TimeSpan.Zero;
    }
}

/// <summary>
/// Working hours in a time zone: a daily window on working days, none on public holidays. A window whose end is
/// not after its start crosses midnight and belongs to the day it starts on (22:00–06:00 on a Friday runs into
/// Saturday morning). Local times that a daylight-saving change skips or repeats are resolved by the zone's rules.
/// </summary>
public sealed class BusinessHours : SlaCalendar
{
    private const int MaxDays = 366 * 10;
    private readonly TimeZoneInfo zone;
    private readonly TimeOnly start;
    private readonly TimeOnly end;
    private readonly HashSet<DayOfWeek> days;
    private readonly HashSet<DateOnly> holidays;

    public BusinessHours(
        TimeZoneInfo zone,
        TimeOnly start,
        TimeOnly end,
        IEnumerable<DayOfWeek> days,
        IEnumerable<DateOnly> holidays
    )
    {
        this.zone = zone;
        this.start = start;
        this.end = end;
        this.days = [.. days];
        this.holidays = [.. holidays];
        if (this.days.Count == 0)
        {
            throw new ArgumentException("Business hours need at least one working day.", nameof(days));
        }
    }

    public override DateTimeOffset Add(DateTimeOffset from, TimeSpan work)
    {
        var left = work;
        foreach (var (open, close) in Windows(from))
        {
            var s = from > open ? from : open;
            var available = close - s;
            if (left <= available)
            {
                return s + left;
            }

            left -= available;
        }

        throw new InvalidOperationException("No working time within ten years: check the business hours and holidays.");
    }

    public override TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (open, close) in Windows(from))
        {
            if (open >= to)
            {
                break;
            }

            var s = from > open ? from : open;
            var e = to < close ? to : close;
            total += e - s;
        }

        return total;
    }

    /// <summary>Working windows, in order, from the one that contains or follows <paramref name="from"/>.</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> Windows(DateTimeOffset from)
    {
        // Start a day early: yesterday's window may cross midnight into today.
        var day = ZonedTime.DateIn(zone, from).AddDays(-1);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (!days.Contains(day.DayOfWeek) || holidays.Contains(day))
            {
                continue;
            }

            var open = At(day, start);
            var close = end > start ? At(day, end) : At(day.AddDays(1), end);
            if (close > from && close > open)
            {
                yield return (open, close);
            }
        }
    }

    private DateTimeOffset At(DateOnly day, TimeOnly time) => ZonedTime.At(zone, day, time);
}
