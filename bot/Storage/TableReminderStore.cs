using Azure;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Sla;

namespace EscalationBot.Storage;

/// <summary>Due-time index rows, in the cases' table and partition (key rules in <see cref="CaseKeys"/>).</summary>
public sealed class TableReminderStore(TableClient table) : IReminderStore
{
    public async Task<IReadOnlyList<DueReminder>> DueByAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var end = CaseKeys.End(CaseKeys.DueFrom(until));
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {CaseKeys.DuePrefix} and RowKey lt {end}"
        );
        var due = new List<DueReminder>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            due.Add(new DueReminder(CaseEntities.ToReminder(row), row.RowKey));
        }

        return due;
    }

    public async Task IndexAsync(Reminder reminder, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            CaseEntities.ToEntity(reminder, CaseKeys.Due(reminder)),
            TableUpdateMode.Replace,
            cancellationToken
        );

    public async Task ForgetAsync(string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(CaseKeys.Partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another sender or sweep removed it first.
        }
    }
}
