using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Deliveries;

namespace EscalationBot.Storage;

internal static class CaseEntities
{
    public static TableEntity ToEntity(Case c, string rowKey, int version)
    {
        if (c.IsPartial)
        {
            // Written, it would wipe the columns a list did not read: its description, links, summaries.
            throw new InvalidOperationException($"{c.Id} was read for a list, with only some columns: never written.");
        }

        var r = c.Report;
        var entity = new TableEntity(CaseKeys.Partition, rowKey)
        {
            ["Number"] = c.Number,
            ["Version"] = version,
            ["State"] = c.State.ToString(),
            ["Platform"] = r.Platform.ToString(),
            ["Partner"] = r.Partner,
            ["Account"] = r.Account,
            ["ContentUrls"] = JsonSerializer.Serialize(r.ContentUrls),
            ["PolicyArea"] = r.PolicyArea.ToString(),
            ["Severity"] = r.Severity.ToString(),
            ["PartnerDeadline"] = r.PartnerDeadline,
            ["Description"] = r.Description,
            ["ReporterId"] = c.Reporter.Id,
            ["ReporterName"] = c.Reporter.Name,
            ["ReporterAddress"] = c.ReporterAddress,
            ["FiledAt"] = c.FiledAt,
            ["FirstResponseTargetSeconds"] = (long)c.Targets.FirstResponse.TotalSeconds,
            ["ResolutionTargetSeconds"] = (long)c.Targets.Resolution.TotalSeconds,
            ["OwnerId"] = c.Owner?.Id,
            ["OwnerName"] = c.Owner?.Name,
            ["ClaimedAt"] = c.ClaimedAt,
            ["Outcome"] = c.Resolution?.Outcome.ToString(),
            ["ResolutionSummary"] = c.Resolution?.Summary,
            ["ResolvedAt"] = c.Resolution?.At,
            ["QueueMessageId"] = c.QueueMessageId,
            ["QueueConversationId"] = c.QueueConversationId,
            ["MarkedSensitive"] = c.MarkedSensitive,
            ["LinkedTo"] = c.LinkedTo,
            ["PausedSince"] = c.PausedSince,
            ["PausedForTicks"] = c.PausedFor.Ticks,
            ["BusinessHours"] = c.Targets.BusinessHours,
            ["ResolutionClockFrom"] = c.ResolutionClockFrom,
            ["TargetsRound"] = c.TargetsRound,
            ["LastActivityAt"] = c.LastActivityAt,
            ["KeptAcross"] = c.KeptAcross,
            ["HandoverNote"] = c.HandoverNote?.Text,
            ["HandoverNoteById"] = c.HandoverNote?.By.Id,
            ["HandoverNoteByName"] = c.HandoverNote?.By.Name,
            ["HandoverNoteAt"] = c.HandoverNote?.At,
            ["ConsultTeam"] = c.Consult?.Team,
            ["ConsultQuestion"] = c.Consult?.Question,
            ["ConsultAskedById"] = c.Consult?.AskedBy.Id,
            ["ConsultAskedByName"] = c.Consult?.AskedBy.Name,
            ["ConsultSince"] = c.Consult?.Since,
            ["ReopenCount"] = c.ReopenCount,
            ["ConsultCount"] = c.ConsultCount,
        };
        TriageColumns.Write(entity, c.LastTriage);
        return entity;
    }

    public static Case ToCase(TableEntity e)
    {
        var report = new CaseReport(
            Enum.Parse<Platform>(e.GetString("Platform")),
            e.GetString("Partner") ?? "",
            e.GetString("Account") ?? "",
            JsonSerializer.Deserialize<List<string>>(e.GetString("ContentUrls") ?? "[]") ?? [],
            Enum.Parse<PolicyArea>(e.GetString("PolicyArea")),
            Enum.Parse<Severity>(e.GetString("Severity")),
            e.GetDateTimeOffset("PartnerDeadline"),
            e.GetString("Description") ?? ""
        );

        var ownerId = e.GetString("OwnerId");
        var outcome = e.GetString("Outcome");
        return new Case(
            e.GetInt32("Number") ?? 0,
            Enum.Parse<CaseState>(e.GetString("State")),
            report,
            new Person(e.GetString("ReporterId") ?? "", e.GetString("ReporterName") ?? ""),
            e.GetString("ReporterAddress") ?? "",
            e.GetDateTimeOffset("FiledAt") ?? DateTimeOffset.MinValue,
            new SlaTargets(
                TimeSpan.FromSeconds(e.GetInt64("FirstResponseTargetSeconds") ?? 0),
                TimeSpan.FromSeconds(e.GetInt64("ResolutionTargetSeconds") ?? 0),
                e.GetBoolean("BusinessHours") ?? false
            )
        )
        {
            Owner = ownerId is null ? null : new Person(ownerId, e.GetString("OwnerName") ?? ""),
            ClaimedAt = e.GetDateTimeOffset("ClaimedAt"),
            Resolution = outcome is null
                ? null
                : new Resolution(
                    Enum.Parse<Outcome>(outcome),
                    e.GetString("ResolutionSummary") ?? "",
                    e.GetDateTimeOffset("ResolvedAt") ?? DateTimeOffset.MinValue
                ),
            QueueMessageId = e.GetString("QueueMessageId"),
            QueueConversationId = e.GetString("QueueConversationId"),
            MarkedSensitive = e.GetBoolean("MarkedSensitive") ?? false,
            LinkedTo = e.GetInt32("LinkedTo"),
            PausedSince = e.GetDateTimeOffset("PausedSince"),
            PausedFor = TimeSpan.FromTicks(e.GetInt64("PausedForTicks") ?? 0),
            ResolutionClockFrom = e.GetDateTimeOffset("ResolutionClockFrom"),
            TargetsRound = e.GetInt32("TargetsRound") ?? 0,
            LastActivityAt = e.GetDateTimeOffset("LastActivityAt"),
            KeptAcross = e.GetDateTimeOffset("KeptAcross"),
            HandoverNote = e.GetString("HandoverNote") is { } note
                ? new HandoverNote(
                    note,
                    new Person(e.GetString("HandoverNoteById") ?? "", e.GetString("HandoverNoteByName") ?? ""),
                    e.GetDateTimeOffset("HandoverNoteAt") ?? DateTimeOffset.MinValue
                )
                : null,
            Consult = e.GetString("ConsultTeam") is { } team
                ? new Consult(
                    team,
                    e.GetString("ConsultQuestion") ?? "",
                    new Person(e.GetString("ConsultAskedById") ?? "", e.GetString("ConsultAskedByName") ?? ""),
                    e.GetDateTimeOffset("ConsultSince") ?? DateTimeOffset.MinValue
                )
                : null,
            LastTriage = TriageColumns.Read(e),
            ReopenCount = e.GetInt32("ReopenCount") ?? 0,
            ConsultCount = e.GetInt32("ConsultCount") ?? 0,
        };
    }

    /// <summary>A row read with only some columns (<see cref="CaseColumns"/>): the rest come back empty.</summary>
    public static Case ToPartialCase(TableEntity e) => ToCase(e) with { IsPartial = true };

    public static TableEntity ToEntity(Reminder r, string rowKey) =>
        new(CaseKeys.Partition, rowKey)
        {
            ["Number"] = r.Number,
            ["Chase"] = r.Chase.ToString(),
            ["Step"] = r.Step,
            ["Round"] = r.Round,
            ["DueAt"] = r.DueAt,
        };

    public static Reminder ToReminder(TableEntity e) =>
        new(
            e.GetInt32("Number") ?? 0,
            Enum.Parse<Chase>(e.GetString("Chase")),
            e.GetInt32("Step") ?? 0,
            e.GetInt64("Round") ?? 0,
            e.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue
        );

    /// <summary>A delivery record's columns are a reminder's: its kind is stored where the chase is.</summary>
    public static TableEntity ToEntity(Deliverable d, string rowKey) =>
        new(CaseKeys.Partition, rowKey)
        {
            ["Number"] = d.Number,
            ["Chase"] = d.Kind,
            ["Step"] = d.Step,
            ["Round"] = d.Round,
            ["DueAt"] = d.DueAt,
        };

    public static Deliverable ToDeliverable(TableEntity e) =>
        new(
            e.GetInt32("Number") ?? 0,
            e.GetString("Chase") ?? "",
            e.GetInt32("Step") ?? 0,
            e.GetInt64("Round") ?? 0,
            e.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue
        );

    /// <summary>A turn's recorded answer is shown again to a replay; beyond this it is cut (it is never case text).</summary>
    public const int MaxTurnReply = 4000;

    public static TableEntity ToEntity(TurnRecord turn, int number, DateTimeOffset at) =>
        new(CaseKeys.Partition, CaseKeys.Turn(turn.Key))
        {
            ["Number"] = number,
            ["Reply"] = turn.Reply is { Length: > MaxTurnReply } reply ? reply[..MaxTurnReply] : turn.Reply,
            ["At"] = at,
        };

    public static TurnRecord ToTurn(string key, TableEntity e) =>
        new(key, e.GetString("Reply"), e.GetInt32("Number") ?? 0);
}
