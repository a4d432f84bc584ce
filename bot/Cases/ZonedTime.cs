namespace EscalationBot.Cases;

public static class ZonedTime
{
    /// <summary>
    /// The instant a wall clock in <paramref name="zone"/> shows <paramref name="time"/> on <paramref name="day"/>.
    /// A time the clocks skip (spring forward, assumed to be by an hour, as in every zone that still changes) is
    /// read an hour later; a repeated one (fall back) is read in standard time, its second occurrence, as
    /// <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> decides.
    /// </summary>
    public static DateTimeOffset At(TimeZoneInfo zone, DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The local date in <paramref name="zone"/> at <paramref name="at"/>.</summary>
    public static DateOnly DateIn(TimeZoneInfo zone, DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
