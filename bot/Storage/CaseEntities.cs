using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Deliveries;

namespace EscalationBot.Storage;

/// <summary>
/// Key rules for the Cases table. Everything lives in one partition, so that a case, its row in the
/// open-cases index, its audit entries and the number counter change together in one atomic batch:
/// <list type="bullet">
/// <item>RowKey <c>counter</c>: the last number handed out.</item>
/// <item>RowKey <c>case|0000000012</c>: case ESC-12 (a point read by id).</item>
/// <item>RowKey <c>open|0000000012</c>: a copy of the case while it is open; a range read gives the open
/// cases oldest first without touching closed ones.</item>
/// <item>RowKey <c>key|hash</c>: the cases that name this link or account (the hash of its normalized form), for the
/// duplicate check: property <c>N12</c> true while ESC-12 is open. Rows of the first format, <c>key|hash|0000000012</c>
/// (one per key and case), are moved into it after a start; <c>key|indexed</c> says that was done once.</item>
/// <item>RowKey <c>due|000001764000000|0000000012|Resolution|80|0</c>: the due-time index, one row per reminder the
/// case will need (unix seconds first, so a range read gives what is due by a moment). Added in the batch of the
/// change that makes the reminder due; removed once it is delivered or the sweep finds it no longer applies.</item>
/// <item>RowKey <c>done|000001764000000|0000000012</c>: a copy of the case as it was resolved at that moment, so a
/// shift's resolutions are one range read.</item>
/// <item>RowKey <c>sent|0000000012|Resolution|80|0</c>: the delivery record of that reminder, written before it is sent.</item>
/// <item>RowKey <c>audit|0000000012|000003</c>: its history, keyed by the case version each change made, so in
/// exactly the order the changes committed.</item>
/// <item>RowKey <c>out|0000000012|000003|Reporter</c> and <c>out|0000000012|000003|Owner</c>: the outbox, a notice
/// version 3 of ESC-12 must send, added in that change's batch; <c>out|0000000012|queue</c>: its queue card must be
/// posted or edited, merged by every change that alters it. Removed once sent.</item>
/// <item>RowKey <c>sum|0000000312</c>: what the digest shows of open cases 312 × 64 to 312 × 64 + 63, one property
/// each, merged by every change (<see cref="CaseSummaries"/>); <c>sum|ready</c>: every open case has one.</item>
/// <item>RowKey <c>turn|hash</c>: an incoming activity that changed a case (the hash of its channel, conversation and
/// activity id), added in that change's batch, with the answer it got: a replay finds it and changes nothing.</item>
/// </list>
/// One partition serves about 2,000 operations a second, far above an escalation team's volume; the price
/// of going past it would be a second partition per team, not a different design.
/// </summary>
internal static class CaseKeys
{
    public const string Partition = "cases";
    public const string Counter = "counter";
    public const string CasePrefix = "case|";
    public const string OpenPrefix = "open|";
    public const string AuditPrefix = "audit|";
    public const string KeyPrefix = "key|";
    public const string DuePrefix = "due|";
    public const string DeliveryPrefix = "sent|";
    public const string DonePrefix = "done|";
    public const string OutboxPrefix = "out|";
    public const string TurnPrefix = "turn|";
    public const string SummaryPrefix = "sum|";

    /// <summary>Row keys may not hold / \\ # ?, and links hold all of them: the key row stores a hash.</summary>
    public static string KeyIndex(string normalized) => KeyPrefix + Hash(normalized);

    /// <summary>The range of the first format's rows of a key, one per case (<c>key|hash|0000000012</c>).</summary>
    public static string KeyFrom(string normalized) => KeyIndex(normalized) + "|";

    public static bool IsFirstFormatKey(string rowKey) => rowKey.Count(c => c == '|') == 2;

    /// <summary>The key row a first-format row moves into.</summary>
    public static string KeyIndexOf(string firstFormatRowKey) =>
        firstFormatRowKey[..firstFormatRowKey.LastIndexOf('|')];

    public const string KeysIndexed = KeyPrefix + "indexed";

    /// <summary>A case's property in a key row.</summary>
    public static string KeyProperty(int number) => "N" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>An activity key holds whatever the channel put in its ids, '/' and '#' among them: the row stores a hash.</summary>
    public static string Turn(string activityKey) => TurnPrefix + Hash(activityKey);

    public static string OutboxFrom(int number) => $"{OutboxPrefix}{Number(number)}|";

    public static string OutboxQueue(int number) => OutboxFrom(number) + "queue";

    public static string OutboxNotice(int number, int version, string stream) =>
        $"{OutboxFrom(number)}{version.ToString("D6", CultureInfo.InvariantCulture)}|{stream}";

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[
            ..32
        ];

    public static string Due(Reminder reminder) => $"{DueFrom(reminder.DueAt)}|{reminder.Key}";

    /// <summary>The due-index key prefix of a moment; seconds are enough for reminders.</summary>
    public static string DueFrom(DateTimeOffset at) =>
        DuePrefix + Math.Max(0, at.ToUnixTimeSeconds()).ToString("D15", CultureInfo.InvariantCulture);

    /// <summary>A copy of a case as it was resolved, keyed by when: the handover digest reads a shift's resolutions by range.</summary>
    public static string Done(DateTimeOffset resolvedAt, int number) => $"{DoneFrom(resolvedAt)}|{Number(number)}";

    public static string DoneFrom(DateTimeOffset at) =>
        DonePrefix + Math.Max(0, at.ToUnixTimeSeconds()).ToString("D15", CultureInfo.InvariantCulture);

    public static string Delivery(string reminderKey) => DeliveryPrefix + reminderKey;

    public static string DeliveryFrom(int number) => $"{DeliveryPrefix}{Number(number)}|";

    public static string Case(int number) => CasePrefix + Number(number);

    public static string Open(int number) => OpenPrefix + Number(number);

    public static string AuditFrom(int number) => $"{AuditPrefix}{Number(number)}|";

    public static string Audit(int number, int version) =>
        $"{AuditFrom(number)}{version.ToString("D6", CultureInfo.InvariantCulture)}";

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>.</summary>
    public static string End(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static string Number(int number) => number.ToString("D10", CultureInfo.InvariantCulture);
}

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
