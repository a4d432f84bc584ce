using EscalationBot.Cases;

namespace EscalationBot.Shifts;

/// <summary>One run of a shift: the shift's place in the configuration, and when this run starts and ends.</summary>
public sealed record ShiftRun(int Index, string Name, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Covers(DateTimeOffset at) => Start <= at && at < End;
}

/// <summary>
/// When each configured shift runs. Times are local to each shift's time zone, so a 07:00 start stays at 07:00
/// across a daylight-saving change (and that night's shift is an hour shorter or longer). A shift that crosses
/// midnight belongs to the day it starts, as do its days and holidays.
/// </summary>
public sealed class ShiftSchedule
{
    private readonly IReadOnlyList<(ShiftDefinition Definition, TimeZoneInfo Zone)> shifts;

    public ShiftSchedule(ShiftsOptions options)
    {
        shifts = options
            .Rota.Select(d =>
                (
                    d,
                    TimeZoneInfo.FindSystemTimeZoneById(
                        string.IsNullOrWhiteSpace(d.TimeZone) ? options.TimeZone : d.TimeZone
                    )
                )
            )
            .ToList();
    }

    public int Count => shifts.Count;

    public ShiftDefinition Definition(int index) => shifts[index].Definition;

    public TimeZoneInfo Zone(int index) => shifts[index].Zone;

    /// <summary>Every run that starts in [<paramref name="from"/>, <paramref name="to"/>), in order of start.</summary>
    public IReadOnlyList<ShiftRun> StartingBetween(DateTimeOffset from, DateTimeOffset to) =>
        Runs(from.AddDays(-2), to.AddDays(1)).Where(r => r.Start >= from && r.Start < to).ToList();

    /// <summary>The run in progress at <paramref name="at"/>; if shifts overlap, the one that started last.</summary>
    public ShiftRun? Current(DateTimeOffset at) =>
        Runs(at.AddDays(-2), at.AddDays(1)).Where(r => r.Covers(at)).MaxBy(r => r.Start);

    /// <summary>The first run that starts after <paramref name="at"/> (within a fortnight).</summary>
    public ShiftRun? Next(DateTimeOffset at) =>
        Runs(at.AddDays(-1), at.AddDays(15)).Where(r => r.Start > at).MinBy(r => r.Start);

    /// <summary>The run handing over to <paramref name="incoming"/>: the last one to start before it.</summary>
    public ShiftRun? Outgoing(ShiftRun incoming) =>
        Runs(incoming.Start.AddDays(-15), incoming.Start).Where(r => r.Start < incoming.Start).MaxBy(r => r.Start);

    /// <summary>The run of shift <paramref name="index"/> that starts exactly at <paramref name="start"/>, if there is one.</summary>
    public ShiftRun? RunAt(int index, DateTimeOffset start) =>
        index < 0 || index >= shifts.Count
            ? null
            : Runs(start.AddDays(-2), start.AddDays(2)).FirstOrDefault(r => r.Index == index && r.Start == start);

    /// <summary>
    /// A Hangfire cron for the shift's start, read in its own time zone. Holidays are not in the cron: the job
    /// checks them (<see cref="RunAt"/> finds no run on a holiday).
    /// </summary>
    public string Cron(int index)
    {
        var d = shifts[index].Definition;
        var distinct = d.Days.Distinct().Order().ToList();
        var days = distinct.Count is 0 or 7 ? "*" : string.Join(",", distinct.Select(x => (int)x));
        return $"{d.Start.Minute} {d.Start.Hour} * * {days}";
    }

    private IEnumerable<ShiftRun> Runs(DateTimeOffset from, DateTimeOffset to)
    {
        for (var i = 0; i < shifts.Count; i++)
        {
            var (d, zone) = shifts[i];
            var first = ZonedTime.DateIn(zone, from);
            var last = ZonedTime.DateIn(zone, to);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                if ((d.Days.Count > 0 && !d.Days.Contains(day.DayOfWeek)) || d.Holidays.Contains(day))
                {
                    continue;
                }

                var start = ZonedTime.At(zone, day, d.Start);
                var end = d.End > d.Start ? ZonedTime.At(zone, day, d.End) : ZonedTime.At(zone, day.AddDays(1), d.End);
                yield return new ShiftRun(i, d.Name, start, end);
            }
        }
    }
}
