using System.Globalization;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// The duplicate check reads one row per link or account by its key, never a range; rows of the first format (one per
/// key and case) are still found until they are moved, and moved once; a row crowded with closed cases is pruned.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeyIndexTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    [Fact]
    public async Task The_check_reads_each_keys_row_and_each_candidates_open_row_by_key()
    {
        var c = await FileAsync();
        var keys = DuplicateCheck.Keys(c.Report);
        var store = CountedStore();
        await store.IndexKeysAsync(CancellationToken.None);

        Counted.Reset();
        var found = await store.FindOpenByKeysAsync(keys, CancellationToken.None);

        Assert.Equal([c.Number], found.Select(f => f.Number));
        Assert.Equal(keys.Count + 1, Counted.RoundTrips); // point reads: no range, whatever the size of the table
        Assert.Equal(keys.Count + 1, Counted.Entities);
    }

    [Fact]
    public async Task Rows_of_the_first_format_are_found_until_moved_then_moved_once_into_the_keys_rows()
    {
        var c = await FileAsync();
        var keys = DuplicateCheck.Keys(c.Report);
        await WriteFirstFormatAsync(c.Number, keys);

        var store = new TableCaseStore(Table); // a new instance, after the upgrade, before its backfill
        Assert.Equal([c.Number], (await store.FindOpenByKeysAsync(keys, CancellationToken.None)).Select(f => f.Number));

        Assert.Equal(keys.Count, await store.IndexKeysAsync(CancellationToken.None));
        Assert.Equal(0, await new TableCaseStore(Table).IndexKeysAsync(CancellationToken.None));

        var rows = await KeyRowsAsync();
        Assert.Equal(
            keys.Select(CaseKeys.KeyIndex).Append(CaseKeys.KeysIndexed).Order(),
            rows.Select(r => r.RowKey).Order()
        );
        Assert.All(
            rows.Where(r => r.RowKey != CaseKeys.KeysIndexed),
            r => Assert.True(r.GetBoolean(CaseKeys.KeyProperty(c.Number)))
        );
        Assert.Equal([c.Number], (await store.FindOpenByKeysAsync(keys, CancellationToken.None)).Select(f => f.Number));
    }

    [Fact]
    public async Task A_keys_row_with_more_than_a_hundred_cases_keeps_only_the_open_ones_after_a_check()
    {
        var c = await FileAsync();
        var key = DuplicateCheck.Keys(c.Report).First();
        var closed = new TableEntity(CaseKeys.Partition, CaseKeys.KeyIndex(key));
        foreach (var number in Enumerable.Range(1_000, TableCaseStore.PruneAbove))
        {
            closed[CaseKeys.KeyProperty(number)] = false;
        }

        await Table.UpsertEntityAsync(closed, TableUpdateMode.Merge);

        var found = await Cases.FindOpenByKeysAsync(new HashSet<string> { key }, CancellationToken.None);

        Assert.Equal([c.Number], found.Select(f => f.Number));
        var row = (await Table.GetEntityAsync<TableEntity>(CaseKeys.Partition, CaseKeys.KeyIndex(key))).Value;
        Assert.Equal([CaseKeys.KeyProperty(c.Number)], row.Keys.Where(k => k.StartsWith('N')));
    }

    /// <summary>The case's key rows as the version before wrote them: one per key and case, none in the key's row.</summary>
    private async Task WriteFirstFormatAsync(int number, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            await Table.DeleteEntityAsync(CaseKeys.Partition, CaseKeys.KeyIndex(key));
            var rowKey = CaseKeys.KeyFrom(key) + number.ToString("D10", CultureInfo.InvariantCulture);
            await Table.AddEntityAsync(
                new TableEntity(CaseKeys.Partition, rowKey) { ["Number"] = number, ["Open"] = true }
            );
        }
    }

    private async Task<List<TableEntity>> KeyRowsAsync()
    {
        var rows = new List<TableEntity>();
        var from = CaseKeys.KeyPrefix;
        await foreach (
            var row in Table.QueryAsync<TableEntity>(
                $"PartitionKey eq '{CaseKeys.Partition}' and RowKey ge '{from}' and RowKey lt '{CaseKeys.End(from)}'"
            )
        )
        {
            rows.Add(row);
        }

        return rows;
    }
}
