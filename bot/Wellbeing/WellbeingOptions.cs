using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Wellbeing;

/// <summary>
/// Exposure to sensitive cases (README, "Wellbeing"): the limits that bring a private nudge, the length of a break,
/// how long the record of exposure is kept, and when leads get the week's summary.
/// </summary>
public sealed class WellbeingOptions
{
    public const string Section = "Wellbeing";

    /// <summary>Whether people are nudged privately at the limits below (the check runs every minute).</summary>
    public bool Nudges { get; set; } = true;

    /// <summary>Sensitive cases taken in one shift run at which a person is nudged, and asked before claiming another.</summary>
    [Range(1, 100)]
    public int SensitivePerShift { get; set; } = 6;

    /// <summary>Minutes of holding an open sensitive case without a break at which a person is nudged.</summary>
    [Range(10, 24 * 60)]
    public int ContinuousMinutes { get; set; } = 120;

    /// <summary>Minutes a break lasts when the nudge's button or a bare <c>break</c> starts it.</summary>
    [Range(1, 8 * 60)]
    public int BreakMinutes { get; set; } = 15;

    /// <summary>Exposure rows older than this are removed once a day: long enough for a quarter's look back.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Whether each lead gets the team's week of exposure in their 1:1 chat (<see cref="WeeklySummaryJob"/>).</summary>
    public bool WeeklySummary { get; set; } = true;

    /// <summary>The day of the week the summary is sent, in the team's zone (<c>Team:TimeZone</c>).</summary>
    public DayOfWeek WeeklySummaryDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The local time it is sent on that day; it covers the 7 days up to then.</summary>
    public TimeOnly WeeklySummaryTime { get; set; } = new(9, 0);

    public TimeSpan Continuous => TimeSpan.FromMinutes(ContinuousMinutes);
}
