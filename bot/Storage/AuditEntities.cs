using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

/// <summary>A case's audit rows (<c>audit|n|version</c>, in the case's partition): to and from table entities.</summary>
internal static class AuditEntities
{
    /// <summary>
    /// An audit row: the action's <c>Code</c> and its detail in columns of their own. Rows written before the codes
    /// hold the sentence in <c>Action</c> instead, read into a code (<see cref="AuditSentences"/>).
    /// </summary>
    public static TableEntity ToEntity(AuditEntry a, int version) =>
        new(CaseKeys.Partition, CaseKeys.Audit(a.CaseNumber, version))
        {
            ["Number"] = a.CaseNumber,
            ["At"] = a.At,
            ["ActorId"] = a.Actor.Id,
            ["ActorName"] = a.Actor.Name,
            ["Code"] = a.Action.ToString(),
            ["AssigneeId"] = a.Detail?.Assignee?.Id,
            ["AssigneeName"] = a.Detail?.Assignee?.Name,
            ["Outcome"] = a.Detail?.Outcome?.ToString(),
            ["Team"] = a.Detail?.Team,
            ["LinkedTo"] = a.Detail?.LinkedTo,
            ["FormerOwnerId"] = a.Detail?.FormerOwner?.Id,
            ["FormerOwnerName"] = a.Detail?.FormerOwner?.Name,
            ["IdleFor"] = a.Detail?.IdleFor?.Ticks,
            ["Words"] = a.Detail?.Words,
            ["FromState"] = a.From?.ToString(),
            ["ToState"] = a.To.ToString(),
            ["Text"] = a.Text,
        };

    public static AuditEntry ToAudit(TableEntity e)
    {
        var from = e.GetString("FromState");
        var (action, detail) = e.GetString("Code") is { } code
            ? (Enum.Parse<AuditAction>(code), ToAuditDetail(e))
            : AuditSentences.Read(e.GetString("Action") ?? "");
        return new AuditEntry(
            e.GetInt32("Number") ?? 0,
            e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
            new Person(e.GetString("ActorId") ?? "", e.GetString("ActorName") ?? ""),
            action,
            from is null ? null : Enum.Parse<CaseState>(from),
            Enum.Parse<CaseState>(e.GetString("ToState")),
            e.GetString("Text"),
            detail
        );
    }

    private static AuditDetail? ToAuditDetail(TableEntity e)
    {
        var detail = new AuditDetail
        {
            Assignee = ToPerson(e, "Assignee"),
            Outcome = e.GetString("Outcome") is { } outcome ? Enum.Parse<Outcome>(outcome) : null,
            Team = e.GetString("Team"),
            LinkedTo = e.GetInt32("LinkedTo"),
            FormerOwner = ToPerson(e, "FormerOwner"),
            IdleFor = e.GetInt64("IdleFor") is { } ticks ? TimeSpan.FromTicks(ticks) : null,
            Words = e.GetString("Words"),
        };
        return detail == new AuditDetail() ? null : detail;
    }

    private static Person? ToPerson(TableEntity e, string prefix) =>
        e.GetString(prefix + "Name") is { } name ? new Person(e.GetString(prefix + "Id") ?? "", name) : null;
}
