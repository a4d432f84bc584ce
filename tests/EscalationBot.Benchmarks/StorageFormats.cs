using System.Reflection;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Sla;
using EscalationBot.Storage;

namespace EscalationBot.Benchmarks;

/// <summary>
/// The bot's own row keys and entity formats (<c>CaseKeys</c> and <c>CaseEntities</c> in bot/Storage/CaseEntities.cs),
/// so that the seeded table is exactly what the bot writes. They are internal to the bot and visible only to its
/// tests; reaching them by reflection keeps one copy of the formats rather than a second one here that could drift.
/// </summary>
internal static class StorageFormats
{
    private static readonly Assembly Bot = typeof(TableCaseStore).Assembly;
    private static readonly Type Keys = Bot.GetType("EscalationBot.Storage.CaseKeys", throwOnError: true)!;
    private static readonly Type Entities = Bot.GetType("EscalationBot.Storage.CaseEntities", throwOnError: true)!;

    public static readonly string Partition = Constant("Partition");
    public static readonly string CasePrefix = Constant("CasePrefix");

    public static readonly Func<int, string> CaseKey = Bind<Func<int, string>>(Keys, "Case");
    public static readonly Func<int, string> OpenKey = Bind<Func<int, string>>(Keys, "Open");
    public static readonly Func<Reminder, string> DueKey = Bind<Func<Reminder, string>>(Keys, "Due");
    public static readonly Func<string, string> DeliveryKey = Bind<Func<string, string>>(Keys, "Delivery");
    public static readonly Func<string, int, string> DuplicateKey = Bind<Func<string, int, string>>(Keys, "Key");
    public static readonly Func<string, string> End = Bind<Func<string, string>>(Keys, "End");

    public static readonly Func<Case, string, int, TableEntity> CaseEntity = Bind<Func<Case, string, int, TableEntity>>(Entities, "ToEntity");
    public static readonly Func<AuditEntry, int, TableEntity> AuditEntity = Bind<Func<AuditEntry, int, TableEntity>>(Entities, "ToEntity");
    public static readonly Func<Reminder, string, TableEntity> ReminderEntity = Bind<Func<Reminder, string, TableEntity>>(Entities, "ToEntity");

    /// <summary>A delivery record as <see cref="TableReminderStore.CompleteAsync"/> leaves it once the reminder went out.</summary>
    public static TableEntity SentRecord(Reminder r, string sentTo)
    {
        var record = ReminderEntity(r, DeliveryKey(r.Key));
        record["State"] = "sent";
        record["Claimant"] = "seed";
        record["SentAt"] = r.DueAt.AddSeconds(1);
        record["SentTo"] = sentTo;
        return record;
    }

    private static string Constant(string name) =>
        (string)(Keys.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
            ?? throw new MissingFieldException(Keys.FullName, name));

    private static T Bind<T>(Type type, string name) where T : Delegate
    {
        var parameters = typeof(T).GetMethod("Invoke")!.GetParameters().Select(p => p.ParameterType).ToArray();
        var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, parameters)
            ?? throw new MissingMethodException(type.FullName, name);
        return method.CreateDelegate<T>();
    }
}
