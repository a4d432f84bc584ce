using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

public sealed partial class TableCaseStore
{
    public async Task<IReadOnlyList<ExposureEvent>> ExposureAsync(
        string personId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        var low = CaseKeys.ExposureFrom(personId, from);
        var high = CaseKeys.ExposureFrom(personId, to.AddSeconds(1));
        var events = new List<ExposureEvent>();
        await foreach (
            var row in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter(
                    $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {low} and RowKey lt {high}"
                ),
                cancellationToken: cancellationToken
            )
        )
        {
            events.Add(
                new(
                    personId,
                    Enum.Parse<ExposureKind>(row.GetString("Kind")),
                    row.GetInt32("Number") ?? 0,
                    row.GetDateTimeOffset("At") ?? default
                )
            );
        }

        return events;
    }

    /// <summary>The exposure rows of a change (<see cref="Exposure.Of"/>), for its batch.</summary>
    private static IEnumerable<TableTransactionAction> ExposureRows(
        Case before,
        Case after,
        AuditEntry audit,
        int version
    ) =>
        Exposure
            .Of(before, after, audit)
            .Select(e => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(CaseKeys.Partition, CaseKeys.Exposure(e, version))
                {
                    ["Kind"] = e.Kind.ToString(),
                    ["Number"] = e.CaseNumber,
                    ["At"] = e.At,
                }
            ));
}
