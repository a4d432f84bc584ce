using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Wellbeing;

/// <summary>The 7 days a weekly summary covers: up to <see cref="To"/>, the moment it is due.</summary>
public sealed record SummaryWeek(DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// When the weekly wellbeing summary is due (<see cref="WellbeingOptions.WeeklySummaryDay"/> at
/// <see cref="WellbeingOptions.WeeklySummaryTime"/>, in the team's zone), and the week each one covers.
/// </summary>
public sealed class SummaryWeeks(IOptionsMonitor<WellbeingOptions> options, CasePolicy policy)
{
    /// <summary>The recurring job's cron, read in <see cref="Zone"/>.</summary>
    public string Cron
    {
        get
        {
            var o = options.CurrentValue;
            return $"{o.WeeklySummaryTime.Minute} {o.WeeklySummaryTime.Hour} * * {(int)o.WeeklySummaryDay}";
        }
    }

    public TimeZoneInfo Zone => policy.Zone;

    /// <summary>The week of the last summary due at or before <paramref name="now"/>.</summary>
    public SummaryWeek LastDue(DateTimeOffset now)
    {
        var o = options.CurrentValue;
        var day = ZonedTime.DateIn(policy.Zone, now);
        while (day.DayOfWeek != o.WeeklySummaryDay || ZonedTime.At(policy.Zone, day, o.WeeklySummaryTime) > now)
        {
            day = day.AddDays(-1);
        }

        return Ending(ZonedTime.At(policy.Zone, day, o.WeeklySummaryTime));
    }

    /// <summary>The week of the summary due at <paramref name="due"/>: the 7 days (in the team's zone) up to it.</summary>
    public SummaryWeek Ending(DateTimeOffset due)
    {
        var local = TimeZoneInfo.ConvertTime(due, policy.Zone);
        var from = ZonedTime.At(
            policy.Zone,
            DateOnly.FromDateTime(local.DateTime).AddDays(-7),
            TimeOnly.FromDateTime(local.DateTime)
        );
        return new SummaryWeek(from, due);
    }
}
