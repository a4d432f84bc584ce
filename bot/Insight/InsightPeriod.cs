using System.Globalization;
using System.Text.RegularExpressions;

namespace EscalationBot.Insight;

/// <summary>
/// A period of the team's calendar, [<see cref="From"/>, <see cref="To"/>), in its home zone: whole local days, weeks
/// from Monday. <see cref="Previous"/> is the one the figures are compared with: the calendar month before a month,
/// else the same length just before.
/// </summary>
public sealed partial record InsightPeriod(string Name, DateTimeOffset From, DateTimeOffset To, InsightPeriod? Previous)
{
    /// <summary>The words a period may be, for help and for refusals.</summary>
    public const string Words = "today, week, month, 7d, 30d, or a range such as 2026-11-01..2026-11-30";

    /// <summary>The longest range accepted: a year of cases is an export, not a card.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public TimeSpan Length => To - From;

    /// <summary>
    /// Reads the first word of <paramref name="text"/> as a period, if it is one, else takes the week; returns the
    /// rest (the filter words), or the error: a malformed or backwards range, or one longer than <see cref="Longest"/>.
    /// </summary>
    public static (InsightPeriod? Period, string Filters, string? Error) Parse(
        string? text,
        DateTimeOffset now,
        TimeZoneInfo zone
    )
    {
        var words = (text ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var first = words.Length > 0 ? words[0].ToLowerInvariant() : "";
        var rest = words.Length > 1 ? words[1] : "";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var named = first switch
        {
            "today" => Days("Today", today, today, zone),
            "week" => Week(today, zone),
            "month" => Month(today, zone),
            "7d" => Rolling(7, now),
            "30d" => Rolling(30, now),
            _ => null,
        };
        if (named is not null)
        {
            return (named, rest, null);
        }

        if (Range().Match(first) is { Success: true } range)
        {
            if (!Date(range.Groups[1].Value, out var start) || !Date(range.Groups[2].Value, out var end))
            {
                return (null, rest, $"“{words[0]}” is not a range of real dates (yyyy-mm-dd..yyyy-mm-dd).");
            }

            if (end < start || end.DayNumber - start.DayNumber + 1 > Longest.TotalDays)
            {
                return (null, rest, $"“{words[0]}” must run forwards and span at most {Longest.TotalDays} days.");
            }

            return (Days($"{Day(start)} to {Day(end)}", start, end, zone), rest, null);
        }

        return (Week(today, zone), (text ?? "").Trim(), null);
    }

    private static InsightPeriod Week(DateOnly today, TimeZoneInfo zone) => WeekOf(MondayOf(today), zone);

    /// <summary>The week from <paramref name="monday"/>, compared with the week before.</summary>
    public static InsightPeriod WeekOf(DateOnly monday, TimeZoneInfo zone) =>
        Days($"Week of {Day(monday)}", monday, monday.AddDays(6), zone);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static InsightPeriod Month(DateOnly today, TimeZoneInfo zone)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        var before = first.AddMonths(-1);
        var previous = new InsightPeriod(MonthName(before), Midnight(before, zone), Midnight(first, zone), null);
        return new InsightPeriod(MonthName(first), previous.To, Midnight(first.AddMonths(1), zone), previous);
    }

    /// <summary>The local days <paramref name="first"/> to <paramref name="last"/>, and as many days just before.</summary>
    private static InsightPeriod Days(string name, DateOnly first, DateOnly last, TimeZoneInfo zone)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        var previous = new InsightPeriod(
            "the period before",
            Midnight(first.AddDays(-days), zone),
            Midnight(first, zone),
            null
        );
        return new InsightPeriod(name, previous.To, Midnight(last.AddDays(1), zone), previous);
    }

    /// <summary>The last <paramref name="days"/> days to now, to the second.</summary>
    private static InsightPeriod Rolling(int days, DateTimeOffset now)
    {
        var to = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + 1);
        var from = to.AddDays(-days);
        return new InsightPeriod(
            $"Last {days} days",
            from,
            to,
            new("the period before", from.AddDays(-days), from, null)
        );
    }

    /// <summary>Local midnight at the start of <paramref name="day"/>; in a zone that skips midnight, the first moment after.</summary>
    public static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static bool Date(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static string MonthName(DateOnly day) => day.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Range();
}
