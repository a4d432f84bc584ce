using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Sla;
using EscalationBot.Storage;

namespace EscalationBot.Benchmarks;

/// <summary>
/// The bot's own row keys and entity formats (<see cref="CaseKeys"/> and <see cref="CaseEntities"/>, internal to the
/// bot and visible to this program), so that the seeded table is exactly what the bot writes: one copy of the
/// formats, checked by the compiler, rather than a second one here that could drift.
/// </summary>
internal static class StorageFormats
{
    public const string Partition = CaseKeys.Partition;
    public const string CasePrefix = CaseKeys.CasePrefix;

    public static string CaseKey(int number) => CaseKeys.Case(number);

    public static string OpenKey(int number) => CaseKeys.Open(number);

    public static string DueKey(Reminder reminder) => CaseKeys.Due(reminder);

    /// <summary>A case's property in the duplicate check's row of one link or account, as a change merges it.</summary>
    public static TableEntity DuplicateKey(string normalized, int number) =>
        new(CaseKeys.Partition, CaseKeys.KeyIndex(normalized)) { [CaseKeys.KeyProperty(number)] = true };

    /// <summary>The row that says the key rows are all in the current format (no backfill to do at start).</summary>
    public static TableEntity KeysIndexed => new(CaseKeys.Partition, CaseKeys.KeysIndexed);

    public static string DoneKey(DateTimeOffset resolvedAt, int number) => CaseKeys.Done(resolvedAt, number);

    /// <summary>A case's row in the filing index: a full copy of the case, keyed by when it was filed.</summary>
    public static string FiledKey(DateTimeOffset filedAt, int number) => CaseKeys.Filed(filedAt, number);

    /// <summary>The first filing-index key at or after a moment, as a period's read starts.</summary>
    public static string FiledFrom(DateTimeOffset at) => CaseKeys.FiledFrom(at);

    /// <summary>The row that says every case has its filing-index row (no backfill to do at start).</summary>
    public static TableEntity FiledReady => new(CaseKeys.Partition, CaseKeys.FiledReady);

    public static string End(string prefix) => CaseKeys.End(prefix);

    public static TableEntity CaseEntity(Case c, string rowKey, int version) =>
        CaseEntities.ToEntity(c, rowKey, version);

    public static TableEntity AuditEntity(AuditEntry entry, int version) => AuditEntities.ToEntity(entry, version);

    public static TableEntity ReminderEntity(Reminder reminder, string rowKey) =>
        CaseEntities.ToEntity(reminder, rowKey);

    /// <summary>A delivery record as <see cref="TableReminderStore.CompleteAsync"/> leaves it once the reminder went out.</summary>
    public static TableEntity SentRecord(Reminder r, string sentTo)
    {
        var record = ReminderEntity(r, CaseKeys.Delivery(r.Key));
        record["State"] = "sent";
        record["Claimant"] = "seed";
        record["SentAt"] = r.DueAt.AddSeconds(1);
        record["SentTo"] = sentTo;
        return record;
    }
}
