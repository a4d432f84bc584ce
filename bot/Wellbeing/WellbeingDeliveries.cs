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

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
}
