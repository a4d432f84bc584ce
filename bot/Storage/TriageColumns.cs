using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

/// <summary>
/// A case row's last triage (<see cref="LastTriage"/>): its checklist answers as the <see cref="Risk"/> flags' number
/// (absent: none given), the severities it found and left, who and when. Rows from before it have none.
/// </summary>
internal static class TriageColumns
{
    public static void Write(TableEntity entity, LastTriage? triage)
    {
        entity["TriageRisks"] = triage?.Risks is { } risks ? (int)risks : null;
        entity["TriageFrom"] = triage?.From.ToString();
        entity["TriageTo"] = triage?.To.ToString();
        entity["TriageById"] = triage?.By.Id;
        entity["TriageByName"] = triage?.By.Name;
        entity["TriageAt"] = triage?.At;
    }

    public static LastTriage? Read(TableEntity e) =>
        e.GetString("TriageTo") is { } to && e.GetDateTimeOffset("TriageAt") is { } at
            ? new LastTriage(
                e.GetInt32("TriageRisks") is { } risks ? (Risk)risks : null,
                Enum.TryParse<Severity>(e.GetString("TriageFrom"), out var from) ? from : Enum.Parse<Severity>(to),
                Enum.Parse<Severity>(to),
                new Person(e.GetString("TriageById") ?? "", e.GetString("TriageByName") ?? ""),
                at
            )
            : null;
}
