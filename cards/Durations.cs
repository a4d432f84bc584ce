namespace EscalationBot.Cards;

/// <summary>Short, human durations for cards and replies: "45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
public static class Durations
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
