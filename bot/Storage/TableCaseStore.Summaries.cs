using System.Globalization;
using Azure;
using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

/// <summary>
/// The open cases as the digest shows them, from the summary rows (<see cref="CaseSummaries"/>): one page, where the
/// open index takes a page per 1,000 cases. And the backfill that gives every open case its summary.
/// </summary>
public sealed partial class TableCaseStore
{
    /// <summary>Conditional writes of one summary row that lost to a change, before the backfill gives up on it.</summary>
    private const int BackfillAttempts = 20;

    /// <summary>
    /// The open cases the filter keeps, oldest first, partial, from the summary rows; null while some open case may
    /// have none (no <see cref="CaseSummaries.Ready"/> row yet).
    /// </summary>
    internal async Task<IReadOnlyList<Case>?> ListOpenFromSummariesAsync(
        CaseFilter filter,
        CancellationToken cancellationToken
    )
    {
        var cases = new List<Case>();
        var ready = false;
        await foreach (var row in table.QueryAsync<TableEntity>(SummaryRange, cancellationToken: cancellationToken))
        {
            if (row.RowKey == CaseSummaries.Ready)
            {
                ready = true;
                continue;
            }

            cases.AddRange(CaseSummaries.Open(row).Select(s => s.Case).Where(filter.Matches));
        }

        return ready ? cases.OrderBy(c => c.Number).ToList() : null;
    }

    /// <summary>
    /// Gives every open case a summary it lacks, or replaces one older than its open row, and empties those of cases
    /// no longer open: summaries written before they existed, or by an instance that did not write them yet. Then
    /// writes <see cref="CaseSummaries.Ready"/>. Safe beside changes and other instances doing the same: a row is read
    /// before the open index and written only on its ETag, so a change that wrote a summary since wins and the row is
    /// done again. Returns how many summary rows it wrote.
    /// </summary>
    public async Task<int> SummariseAsync(CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(SummaryRange, cancellationToken: cancellationToken))
        {
            rows[row.RowKey] = row;
        }

        var open = await OpenRowsAsync(CaseKeys.OpenPrefix, CaseKeys.End(CaseKeys.OpenPrefix), cancellationToken);
        var byRow = open.ToLookup(e => CaseSummaries.Row(CaseSummaries.Bucket(e.GetInt32("Number") ?? 0)));
        var written = 0;
        foreach (var key in rows.Keys.Where(k => k != CaseSummaries.Ready).Union(byRow.Select(g => g.Key)).Order())
        {
            var (row, rowOpen) = (rows.GetValueOrDefault(key), byRow[key].ToList());
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    written += await ReconcileAsync(key, row, rowOpen, cancellationToken) ? 1 : 0;
                    break;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < BackfillAttempts)
                {
                    // A change merged a summary into this row since it was read: read it again, then its cases.
                    var bucket = int.Parse(key.AsSpan(CaseKeys.SummaryPrefix.Length), CultureInfo.InvariantCulture);
                    var fresh = await table.GetEntityIfExistsAsync<TableEntity>(
                        CaseKeys.Partition,
                        key,
                        cancellationToken: cancellationToken
                    );
                    row = fresh.HasValue ? fresh.Value : null;
                    rowOpen = await OpenRowsAsync(
                        CaseKeys.Open(bucket * CaseSummaries.PerRow),
                        CaseKeys.Open((bucket + 1) * CaseSummaries.PerRow),
                        cancellationToken
                    );
                }
            }
        }

        await table.UpsertEntityAsync(
            new TableEntity(CaseKeys.Partition, CaseSummaries.Ready),
            TableUpdateMode.Replace,
            cancellationToken
        );
        return written;
    }

    /// <summary>
    /// One summary row made to match <paramref name="open"/>, the open-index rows of its cases read after it; throws
    /// a 404, 409 or 412 if it changed since <paramref name="row"/> was read. Whether it wrote anything.
    /// </summary>
    private async Task<bool> ReconcileAsync(
        string key,
        TableEntity? row,
        IReadOnlyList<TableEntity> open,
        CancellationToken cancellationToken
    )
    {
        var have = row is null ? [] : CaseSummaries.Open(row).ToDictionary(s => s.Case.Number, s => s.Version);
        var changes = new Dictionary<string, object>();
        foreach (var e in open)
        {
            var number = e.GetInt32("Number") ?? 0;
            if (!have.TryGetValue(number, out var version) || version < (e.GetInt32("Version") ?? 0))
            {
                changes[CaseSummaries.Property(number)] = CaseSummaries.Json(e);
            }
        }

        var stillOpen = open.Select(e => e.GetInt32("Number") ?? 0).ToHashSet();
        foreach (var closed in have.Keys.Where(n => !stillOpen.Contains(n)))
        {
            changes[CaseSummaries.Property(closed)] = "";
        }

        if (row is not null && open.Count == 0)
        {
            // None of its cases is open: the row goes, so that the digest reads only rows that hold open cases.
            // A case reopened since merges it back; one reopened before moved the ETag, and this delete fails.
            await table.DeleteEntityAsync(row, row.ETag, cancellationToken);
            return true;
        }

        if (changes.Count == 0)
        {
            return false;
        }

        var entity = new TableEntity(changes) { PartitionKey = CaseKeys.Partition, RowKey = key };
        if (row is null)
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        else
        {
            await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Merge, cancellationToken);
        }

        return true;
    }

    /// <summary>The open-index rows from <paramref name="from"/> to before <paramref name="to"/>, with what a summary holds.</summary>
    private async Task<List<TableEntity>> OpenRowsAsync(string from, string to, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var where = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {from} and RowKey lt {to}"
        );
        await foreach (
            var row in table.QueryAsync<TableEntity>(
                where,
                select: CaseSummaries.Columns,
                cancellationToken: cancellationToken
            )
        )
        {
            rows.Add(row);
        }

        return rows;
    }

    private static string SummaryRange =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {CaseKeys.SummaryPrefix} and RowKey lt {CaseKeys.End(CaseKeys.SummaryPrefix)}"
        );
}
