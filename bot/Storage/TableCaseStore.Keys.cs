using Azure;
using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

/// <summary>
/// The duplicate check's index: one row per link or account (<see cref="CaseKeys.KeyIndex"/>), with a property per
/// case that named it, true while the case is open. Every change merges its own property without an ETag, so changes
/// to different cases never conflict, and the check reads one row per key by its key. Rows of the first format (one
/// per key and case, read by range) are moved into it after the first start (<see cref="IndexKeysAsync"/>); until this
/// instance knows they were, the check reads those ranges too.
/// </summary>
public sealed partial class TableCaseStore
{
    /// <summary>
    /// Properties a key row may hold before the check drops its closed cases from it. Table Storage allows 252, and
    /// every case that adds one is an intake that reads the row first, or a report added to a case.
    /// </summary>
    internal const int PruneAbove = 100;

    /// <summary>Actions in one batch: Table Storage takes at most 100.</summary>
    private const int MaxBatch = 100;

    private volatile bool keysIndexed;

    public async Task<IReadOnlyList<Case>> FindOpenByKeysAsync(
        IReadOnlySet<string> keys,
        CancellationToken cancellationToken
    )
    {
        var named = await Task.WhenAll(keys.Select(key => NumbersNamingAsync(key, cancellationToken)));
        var numbers = named.SelectMany(n => n).ToHashSet();
        // The index says which cases were open when last written; their open rows decide.
        var open = await Task.WhenAll(
            numbers.Select(n =>
                table.GetEntityIfExistsAsync<TableEntity>(
                    CaseKeys.Partition,
                    CaseKeys.Open(n),
                    cancellationToken: cancellationToken
                )
            )
        );
        return open.Where(r => r.HasValue).Select(r => CaseEntities.ToCase(r.Value!)).OrderBy(c => c.Number).ToList();
    }

    /// <summary>
    /// Unless <see cref="CaseKeys.KeysIndexed"/> says it was done, gives every key row of the first format a property
    /// in the key's row and deletes it, then writes that marker. Safe beside changes and other instances doing the
    /// same. A case an instance of the old version files after the marker is indexed by its next change. Returns how
    /// many rows it moved.
    /// </summary>
    public async Task<int> IndexKeysAsync(CancellationToken cancellationToken)
    {
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.KeysIndexed,
            select: ["RowKey"],
            cancellationToken: cancellationToken
        );
        if (marker.HasValue)
        {
            keysIndexed = true;
            return 0;
        }

        var old = new List<TableEntity>();
        var range = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {CaseKeys.KeyPrefix} and RowKey lt {CaseKeys.End(CaseKeys.KeyPrefix)}"
        );
        await foreach (
            var row in table.QueryAsync<TableEntity>(
                range,
                select: ["RowKey", "Number", "Open"],
                cancellationToken: cancellationToken
            )
        )
        {
            if (CaseKeys.IsFirstFormatKey(row.RowKey))
            {
                old.Add(row);
            }
        }

        // A case closed meanwhile may be marked open again here: the check reads its open row, which is gone.
        var merged = old.GroupBy(r => CaseKeys.KeyIndexOf(r.RowKey))
            .Select(key =>
            {
                var row = new TableEntity(CaseKeys.Partition, key.Key);
                foreach (var first in key)
                {
                    row[CaseKeys.KeyProperty(first.GetInt32("Number") ?? 0)] = first.GetBoolean("Open") != false;
                }

                return new TableTransactionAction(TableTransactionActionType.UpsertMerge, row);
            });
        foreach (var batch in merged.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }

        foreach (var batch in old.Chunk(MaxBatch))
        {
            await DeleteAllAsync(batch, cancellationToken);
        }

        await table.UpsertEntityAsync(
            new TableEntity(CaseKeys.Partition, CaseKeys.KeysIndexed),
            TableUpdateMode.Replace,
            cancellationToken
        );
        keysIndexed = true;
        return old.Count;
    }

    /// <summary>
    /// The case's property in the row of each link or account it names; merged with every change so links added
    /// later count, and false when the case leaves the open list, so the check reads no closed case.
    /// </summary>
    private static IEnumerable<TableTransactionAction> KeyRows(Case c, bool open = true) =>
        DuplicateCheck
            .Keys(c.Report)
            .Select(key => new TableTransactionAction(
                TableTransactionActionType.UpsertMerge,
                new TableEntity(CaseKeys.Partition, CaseKeys.KeyIndex(key)) { [CaseKeys.KeyProperty(c.Number)] = open }
            ));

    private async Task<IEnumerable<int>> NumbersNamingAsync(string key, CancellationToken cancellationToken)
    {
        var firstFormat = keysIndexed
            ? Task.FromResult(new List<int>())
            : FirstFormatNumbersAsync(key, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.KeyIndex(key),
            cancellationToken: cancellationToken
        );
        var cases = row.HasValue ? CasesIn(row.Value!) : [];
        if (cases.Count > PruneAbove)
        {
            await PruneAsync(row.Value!, cases, cancellationToken);
        }

        return cases.Where(c => c.Open).Select(c => c.Number).Concat(await firstFormat);
    }

    /// <summary>Drops the closed cases from a key row, unless it changed since it was read.</summary>
    private async Task PruneAsync(
        TableEntity row,
        IReadOnlyList<(int Number, bool Open)> cases,
        CancellationToken cancellationToken
    )
    {
        var open = new TableEntity(CaseKeys.Partition, row.RowKey);
        foreach (var (number, _) in cases.Where(c => c.Open))
        {
            open[CaseKeys.KeyProperty(number)] = true;
        }

        try
        {
            await table.UpdateEntityAsync(open, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // A change merged into it meanwhile: the next check prunes it.
        }
    }

    /// <summary>The cases of the first format's rows naming <paramref name="key"/> that were open when last written.</summary>
    private async Task<List<int>> FirstFormatNumbersAsync(string key, CancellationToken cancellationToken)
    {
        var from = CaseKeys.KeyFrom(key);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {from} and RowKey lt {CaseKeys.End(from)}"
        );
        var numbers = new List<int>();
        await foreach (
            var row in table.QueryAsync<TableEntity>(
                filter,
                select: ["Number", "Open"],
                cancellationToken: cancellationToken
            )
        )
        {
            if (row.GetBoolean("Open") != false)
            {
                numbers.Add(row.GetInt32("Number") ?? 0);
            }
        }

        return numbers;
    }

    /// <summary>Deletes rows in one batch; if another instance deleted one already, each on its own.</summary>
    private async Task DeleteAllAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(
                rows.Select(r => new TableTransactionAction(
                    TableTransactionActionType.Delete,
                    new TableEntity(CaseKeys.Partition, r.RowKey),
                    ETag.All
                )),
                cancellationToken
            );
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            foreach (var row in rows)
            {
                try
                {
                    await table.DeleteEntityAsync(CaseKeys.Partition, row.RowKey, ETag.All, cancellationToken);
                }
                catch (RequestFailedException gone) when (gone.Status == 404)
                {
                    // Moved by another instance.
                }
            }
        }
    }

    private static List<(int Number, bool Open)> CasesIn(TableEntity row) =>
        row.Where(p => p.Key.Length > 1 && p.Key[0] == 'N' && p.Value is bool)
            .Select(p => (int.Parse(p.Key.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), (bool)p.Value))
            .ToList();
}
