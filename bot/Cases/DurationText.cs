namespace EscalationBot.Cases;

/// <summary>
/// Short, human durations for the rules' own texts: "45 s", "12 min", "3 h 5 min", "2 d 4 h". The same words as
/// the cards' <c>Durations.Format</c> (a test holds the two to each other): the case rules use no card type.
/// </summary>
public static class DurationText
{
    public static string Format(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : "";
        span = span.Duration();
        var text = span switch
        {
            { TotalMinutes: < 1 } => $"{(int)span.TotalSeconds} s",
            { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
            { TotalDays: < 1 } => span.Minutes == 0
                ? $"{(int)span.TotalHours} h"
                : $"{(int)span.TotalHours} h {span.Minutes} min",
            _ => span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h",
        };
        return sign + text;
    }
}
