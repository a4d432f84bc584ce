namespace EscalationBot.Cases;

/// <summary>
/// Short, human durations for the rules' own sentences ("45 s", "12 min", "3 h 5 min", "2 d 4 h"): the same text as
/// the card project's <c>Durations.Format</c>, which the case rules may not use.
/// </summary>
internal static class CaseDurations
{
    public static string Format(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : "";
        span = span.Duration();
        var text = span switch
        {
            { TotalMinutes: < 1 } => $"{(int)span.TotalSeconds} s",
            { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
            { TotalDays: < 1 } => span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min",
            _ => span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h",
        };
        return sign + text;
    }
}
