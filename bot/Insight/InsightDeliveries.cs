namespace EscalationBot.Insight;

/// <summary>
/// What the insight jobs send once, as the kinds of their delivery records (case 0's; the week's start, unix
/// seconds, as the round). The names are stored: never change one.
/// </summary>
public static class InsightDeliveries
{
    public const string WeeklyReport = "WeeklyReport";
}
