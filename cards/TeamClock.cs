using System.Globalization;

namespace EscalationBot.Cards;

/// <summary>
/// Times as the team reads them: in its home zone, on a 24-hour clock, with the zone named ("Tue 07:00 (Singapore,
/// UTC+8)"). Not the Adaptive Card DATE and TIME functions, which show each viewer's own zone without naming it:
/// beside a time written in the team's zone, they made one card read in two clocks.
/// </summary>
public sealed record TeamClock(TimeZoneInfo Zone)
{
    /// <summary>Coordinated Universal Time, named so: for views built without a team's zone (tests, samples).</summary>
    public static readonly TeamClock Utc = new(TimeZoneInfo.Utc);

    /// <summary>"Tue 1 Dec 07:00 (Singapore, UTC+8)": a time that may be days away, as a case card shows it.</summary>
    public string Moment(DateTimeOffset at) =>
        $"{TimeZoneInfo.ConvertTime(at, Zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)} ({ZoneName(at)})";

    /// <summary>"Tue 07:00 (Singapore, UTC+8)".</summary>
    public string Time(DateTimeOffset at) => $"{Local(at)} ({ZoneName(at)})";

    /// <summary>"Mon 23:00 to Tue 07:00 (Singapore, UTC+8)"; the day once when both ends are on it.</summary>
    public string Span(DateTimeOffset from, DateTimeOffset to)
    {
        if (ZoneName(from) != ZoneName(to))
        {
            return $"{Time(from)} to {Time(to)}";
        }

        var end = Local(to);
        return $"{Local(from)} to {(Day(from) == Day(to) ? end[4..] : end)} ({ZoneName(to)})";
    }

    /// <summary>"Singapore, UTC+8"; a zone with no place in its id (Etc/UTC, Etc/GMT-8) is named by its offset alone.</summary>
    public string ZoneName(DateTimeOffset at)
    {
        var offset = Zone.GetUtcOffset(at);
        var utc =
            offset == TimeSpan.Zero ? "UTC"
            : offset.Minutes == 0 ? $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours)}"
            : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():h\\:mm}";
        var id = Zone.Id;
        var place =
            id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal)
                ? id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ')
                : null;
        return place is null ? utc : $"{place}, {utc}";
    }

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture);

    private DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);
}
