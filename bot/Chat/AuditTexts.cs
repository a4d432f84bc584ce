using EscalationBot.Cards;
using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>The words a case's history shows, rendered from each entry's code and detail: the one place they are written.</summary>
public static class AuditTexts
{
    /// <summary>What happened: "claimed", "reassigned to Sky", "resolved: No violation".</summary>
    public static string Action(AuditEntry a) =>
        a.Action switch
        {
            AuditAction.Filed => a.Detail?.LinkedTo is { } linked
                ? $"filed (linked to {CaseId.Format(linked)})"
                : "filed",
            AuditAction.PostedToQueue => "posted to queue",
            AuditAction.Claimed => "claimed",
            AuditAction.Released => "released to the queue",
            AuditAction.Reassigned => $"reassigned to {a.Detail?.Assignee?.Name}",
            AuditAction.Resolved => a.Detail?.Outcome is { } outcome ? $"resolved: {Labels.Of(outcome)}" : "resolved",
            AuditAction.Reopened => "reopened",
            AuditAction.Triaged => "triaged",
            AuditAction.AskedReporter => "asked the reporter",
            AuditAction.ReporterAnswered => "reporter answered",
            AuditAction.ReporterUpdate => "update from the reporter",
            AuditAction.Consulting => $"consulting {a.Detail?.Team}",
            AuditAction.ConsultAnswered => $"answer from {a.Detail?.Team ?? "the team"}",
            AuditAction.ReportAdded => "report added",
            AuditAction.Note => "note",
            AuditAction.HandoverNote => "handover note",
            AuditAction.KeptOverHandover => "kept over the handover",
            AuditAction.ReleasedAtHandover => "released at the handover",
            AuditAction.ReleasedIdle => "released: no activity",
            AuditAction.MarkedSensitive => "marked sensitive",
            AuditAction.RevealedDetails => "revealed details",
            _ => a.Detail?.Words ?? a.Action.ToString(),
        };

    /// <summary>
    /// What was written with it, or what the bot says about its own change: an idle release names the owner and
    /// how long the case was quiet (rows from before the codes carry that sentence as their text).
    /// </summary>
    public static string? Text(AuditEntry a) =>
        a.Text
        ?? (a.Action, a.Detail) switch
        {
            (AuditAction.ReleasedIdle, { FormerOwner: { } owner, IdleFor: { } idle }) =>
                $"No activity from {owner.Name} for {Durations.Format(idle)}; back in the queue.",
            _ => null,
        };
}
