using System.Security.Cryptography;
using System.Text;
using EscalationBot.Deliveries;

namespace EscalationBot.Wellbeing;

/// <summary>
/// What the wellbeing jobs send once, as delivery records (case 0's). The names are stored: never change one.
/// </summary>
public static class WellbeingDeliveries
{
    public const string WeeklySummary = "WellbeingWeek";

    /// <summary>
    /// The weekly summary to one lead: the lead in the kind (a hash: any channel's id may hold any character, and
    /// the kind is part of a row key), the moment it is due, unix seconds, as the round.
    /// </summary>
    public static Deliverable Summary(string leadId, DateTimeOffset due) =>
        new(0, $"{WeeklySummary}-{Hash(leadId)}", 0, due.ToUnixTimeSeconds(), due);

    /// <summary>
    /// The nudge at <paramref name="limit"/> to one person, once per shift run: the limit and the person in the kind,
    /// the shift's index as the step and the run's start, unix seconds, as the round.
    /// </summary>
    public static Deliverable Nudge(
        ExposureLimit limit,
        string personId,
        int shiftIndex,
        long runStartUnix,
        DateTimeOffset due
    ) => new(0, $"Wellbeing{limit}-{Hash(personId)}", shiftIndex, runStartUnix, due);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
}
