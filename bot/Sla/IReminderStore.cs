using EscalationBot.Cases;

namespace EscalationBot.Sla;

/// <summary>A row of the due-time index: this reminder falls due at <see cref="Reminder.DueAt"/>.</summary>
public sealed record DueReminder(Reminder Reminder, string RowKey);

/// <summary>
/// The SLA's source of truth besides the cases: the due-time index, written with each case change in the same batch.
/// Each reminder is then sent once through its delivery record (<see cref="Deliveries.IDeliveryStore"/>).
/// </summary>
public interface IReminderStore
{
    /// <summary>Index rows due at or before <paramref name="until"/>, soonest first: missed ones and the next ones.</summary>
    Task<IReadOnlyList<DueReminder>> DueByAsync(DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Writes (or rewrites) the index row of a reminder.</summary>
    Task IndexAsync(Reminder reminder, CancellationToken cancellationToken);

    /// <summary>Removes an index row once its reminder is sent or no longer applies; gone already is fine.</summary>
    Task ForgetAsync(string rowKey, CancellationToken cancellationToken);
}
