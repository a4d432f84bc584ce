namespace EscalationBot.Cases;

/// <summary>
/// The sentences audit rows held before they held codes ("claimed", "reassigned to Sky", "resolved: No violation"),
/// read back into codes: rows written then stay readable. These sentences are frozen; the words shown today are
/// rendered elsewhere and may change freely.
/// </summary>
public static class AuditSentences
{
    private static readonly Dictionary<string, AuditAction> Fixed = new(StringComparer.Ordinal)
    {
        ["filed"] = AuditAction.Filed,
        ["posted to queue"] = AuditAction.PostedToQueue,
        ["claimed"] = AuditAction.Claimed,
        ["released to the queue"] = AuditAction.Released,
        ["reopened"] = AuditAction.Reopened,
        ["triaged"] = AuditAction.Triaged,
        ["asked the reporter"] = AuditAction.AskedReporter,
        ["reporter answered"] = AuditAction.ReporterAnswered,
        ["update from the reporter"] = AuditAction.ReporterUpdate,
        ["report added"] = AuditAction.ReportAdded,
        ["note"] = AuditAction.Note,
        ["handover note"] = AuditAction.HandoverNote,
        ["kept over the handover"] = AuditAction.KeptOverHandover,
        ["released at the handover"] = AuditAction.ReleasedAtHandover,
        ["released: no activity"] = AuditAction.ReleasedIdle,
        ["marked sensitive"] = AuditAction.MarkedSensitive,
        ["revealed details"] = AuditAction.RevealedDetails,
    };

    private const string LinkedPrefix = "filed (linked to ";
    private const string ReassignedPrefix = "reassigned to ";
    private const string ResolvedPrefix = "resolved: ";
    private const string ConsultingPrefix = "consulting ";
    private const string AnswerPrefix = "answer from ";

    /// <summary>The code and detail a stored sentence stands for; a sentence no code matches is kept as it is.</summary>
    public static (AuditAction Action, AuditDetail? Detail) Read(string sentence)
    {
        if (Fixed.TryGetValue(sentence, out var action))
        {
            return (action, null);
        }

        if (
            After(sentence, LinkedPrefix) is { } linked
            && linked.EndsWith(')')
            && CaseId.TryParse(linked[..^1], out var number)
        )
        {
            return (AuditAction.Filed, new AuditDetail { LinkedTo = number });
        }

        if (After(sentence, ReassignedPrefix) is { } name)
        {
            return (AuditAction.Reassigned, new AuditDetail { Assignee = new Person("", name) });
        }

        if (
            After(sentence, ResolvedPrefix) is { } label
            && Enum.GetValues<Outcome>().Where(o => Labels.Of(o) == label).Cast<Outcome?>().FirstOrDefault()
                is { } outcome
        )
        {
            return (AuditAction.Resolved, new AuditDetail { Outcome = outcome });
        }

        if (After(sentence, ConsultingPrefix) is { } team)
        {
            return (AuditAction.Consulting, new AuditDetail { Team = team });
        }

        return After(sentence, AnswerPrefix) is { } from
            ? (AuditAction.ConsultAnswered, new AuditDetail { Team = from })
            : (AuditAction.Other, new AuditDetail { Words = sentence });
    }

    private static string? After(string sentence, string prefix) =>
        sentence.StartsWith(prefix, StringComparison.Ordinal) && sentence.Length > prefix.Length
            ? sentence[prefix.Length..]
            : null;
}
