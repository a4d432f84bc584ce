using System.Globalization;
using EscalationBot.Cases;

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
/// <item>RowKey <c>filed|000001764000000|0000000012</c>: a copy of the case kept current by every change, keyed by
/// when it was filed, so the cases of a period are one range read (stats, exports); <c>filed|ready</c>: every case
/// has one.</item>
/// <item>RowKey <c>export|000001764000000|guid</c>: an export with details (descriptions, links, accounts): who made it,
/// and the period and filter it covered.</item>
/// <item>RowKey <c>stat|hash</c>: a closed period's comparison figures (the ▲/▼ of stats), with when they were worked
/// out, so that repeated stats read only their own period; one small row per period and filter compared.</item>
/// <item>RowKey <c>exposure|hash|000001764000000|0000000012|000004|Took</c>: a person's exposure to a sensitive case (the
/// hash of their id; took, revealed, let go), added in the batch of the change that made it, so a person's shift is
/// one range read.</item>
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
    public const string FiledPrefix = "filed|";
    public const string ExportPrefix = "export|";
    public const string FiguresPrefix = "stat|";
    public const string ExposurePrefix = "exposure|";

    /// <summary>Written once every case filed before the filing index existed has its row.</summary>
    public const string FiledReady = FiledPrefix + "ready";

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

    /// <summary>A case's row in the filing index: its filing time never changes, so neither does the key.</summary>
    public static string Filed(DateTimeOffset filedAt, int number) => $"{FiledFrom(filedAt)}|{Number(number)}";

    public static string FiledFrom(DateTimeOffset at) =>
        FiledPrefix + Math.Max(0, at.ToUnixTimeSeconds()).ToString("D15", CultureInfo.InvariantCulture);

    /// <summary>A person's exposure to sensitive cases, in time order: their id is hashed (any channel's id may hold any character).</summary>
    public static string ExposureFrom(string personId, DateTimeOffset at) =>
        $"{ExposurePrefix}{Hash(personId)}|{Math.Max(0, at.ToUnixTimeSeconds()).ToString("D15", CultureInfo.InvariantCulture)}";

    /// <summary>One exposure event, unique to the change that made it.</summary>
    public static string Exposure(ExposureEvent e, int version) =>
        $"{ExposureFrom(e.PersonId, e.At)}|{Number(e.CaseNumber)}|{version.ToString(CultureInfo.InvariantCulture)}|{e.Kind}";

    /// <summary>Figures kept for comparison: a query's key may hold anything, so the row stores a hash.</summary>
    public static string Figures(string key) => FiguresPrefix + Hash(key);

    /// <summary>An export with details on the audit record: when, and a unique tail, since two may share a second.</summary>
    public static string Export(DateTimeOffset at) =>
        $"{ExportPrefix}{Math.Max(0, at.ToUnixTimeSeconds()).ToString("D15", CultureInfo.InvariantCulture)}|{Guid.NewGuid():N}";

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
