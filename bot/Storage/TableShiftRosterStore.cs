using System.Globalization;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Shifts;

namespace EscalationBot.Storage;

/// <summary>
/// The live roster in the conversations table: PartitionKey <c>onshift</c>, RowKey
/// <c>{run start, unix seconds, 15 digits}|{shift index, 3 digits}|{escaped user id}</c>, one row per person per
/// run, so the runs of the last days are one range read of a few dozen rows.
/// </summary>
public sealed class TableShiftRosterStore(TableClient table) : IShiftRosterStore
{
    private const string Partition = "onshift";

    public async Task SaveAsync(OnShift entry, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(
                Partition,
                $"{From(entry.RunStart)}|{entry.ShiftIndex.ToString("D3", CultureInfo.InvariantCulture)}|{Uri.EscapeDataString(entry.Person.Id)}"
            )
            {
                ["ShiftIndex"] = entry.ShiftIndex,
                ["RunStart"] = entry.RunStart,
                ["UserId"] = entry.Person.Id,
                ["Name"] = entry.Person.Name,
                ["StartedAt"] = entry.StartedAt,
                ["EndedAt"] = entry.EndedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken
        );

    public async Task<IReadOnlyList<OnShift>> ListAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and RowKey ge {From(from)} and RowKey lt {From(to)}"
        );
        var entries = new List<OnShift>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(
                new OnShift(
                    e.GetInt32("ShiftIndex") ?? 0,
                    e.GetDateTimeOffset("RunStart") ?? DateTimeOffset.MinValue,
                    new Person(e.GetString("UserId") ?? "", e.GetString("Name") ?? ""),
                    e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
                    e.GetDateTimeOffset("EndedAt")
                )
            );
        }

        return entries;
    }

    private static string From(DateTimeOffset at) =>
        Math.Max(0, at.ToUnixTimeSeconds()).ToString("D15", CultureInfo.InvariantCulture);
}
