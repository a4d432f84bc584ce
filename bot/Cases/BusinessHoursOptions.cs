namespace EscalationBot.Cases;

/// <summary>The working hours a business-hours severity counts (bound from Sla:BusinessHours).</summary>
public sealed class BusinessHoursOptions
{
    public string TimeZone { get; set; } = "Asia/Singapore";
    public TimeOnly Start { get; set; } = new(9, 0);
    public TimeOnly End { get; set; } = new(18, 0);

    /// <summary>Empty: Monday to Friday. (Lists start empty: configuration binding adds to a list, it never replaces one.)</summary>
    public List<DayOfWeek> Days { get; set; } = [];
    public List<DateOnly> Holidays { get; set; } = [];

    public BusinessHours Calendar() =>
        new(
            TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
            Start,
            End,
            Days.Count > 0
                ? Days
                : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            Holidays
        );
}
