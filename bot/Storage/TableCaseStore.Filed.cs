using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

/// <summary>
/// The filing index (<c>filed|</c> rows): the cases of a period in one range read, for stats and exports. And the
/// backfill that gives every case filed before the index existed its row.
/// </summary>
public sealed partial class TableCaseStore
{
    public async Task<bool> IsFiledIndexReadyAsync(CancellationToken cancellationToken) =>
        (
            await table.GetEntityIfExistsAsync<TableEntity>(
                CaseKeys.Partition,
                CaseKeys.FiledReady,
                select: ["PartitionKey"],
                cancellationToken: cancellationToken
            )
        ).HasValue;

    public async IAsyncEnumerable<Case> ListFiledAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CaseFilter filter,
        bool details,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var where = CaseColumns.RangeWhere(CaseKeys.FiledFrom(from), CaseKeys.FiledFrom(to), filter);
        var rows = table.QueryAsync<TableEntity>(
            where,
            select: details ? null : CaseColumns.Insight,
            cancellationToken: cancellationToken
        );
        await foreach (var row in rows)
        {
            yield return details ? CaseEntities.ToCase(row) : CaseEntities.ToPartialCase(row);
        }
    }

    public async Task<(string Json, DateTimeOffset At)?> GetFiguresAsync(
        string key,
        CancellationToken cancellationToken
    )
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.Figures(key),
            cancellationToken: cancellationToken
        );
        return row.HasValue && row.Value!.GetString("Json") is { } json && row.Value.GetDateTimeOffset("At") is { } at
            ? (json, at)
            : null;
    }

    public async Task PutFiguresAsync(
        string key,
        string json,
        DateTimeOffset at,
        CancellationToken cancellationToken
    ) =>
        await table.UpsertEntityAsync(
            new TableEntity(CaseKeys.Partition, CaseKeys.Figures(key)) { ["Json"] = json, ["At"] = at },
            TableUpdateMode.Replace,
            cancellationToken
        );

    public async Task RecordExportAsync(ExportAudit export, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(
            new TableEntity(CaseKeys.Partition, CaseKeys.Export(export.At))
            {
                ["ById"] = export.By.Id,
                ["ByName"] = export.By.Name,
                ["At"] = export.At,
                ["From"] = export.From,
                ["To"] = export.To,
                ["Filter"] = export.Filter,
            },
            cancellationToken
        );

    /// <summary>A table where no case was ever filed needs no backfill: its index is complete from the first filing.</summary>
    private async Task MarkFiledIndexReadyIfEmptyAsync(CancellationToken cancellationToken)
    {
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.Counter,
            select: ["PartitionKey"],
            cancellationToken: cancellationToken
        );
        if (!counter.HasValue)
        {
            await table.UpsertEntityAsync(
                new TableEntity(CaseKeys.Partition, CaseKeys.FiledReady),
                TableUpdateMode.Replace,
                cancellationToken
            );
        }
    }

    /// <summary>
    /// Gives every case without one its filing-index row, a copy of its case row, with how often it was reopened and
    /// consulted counted from its history (cases filed before those counters existed), then writes
    /// <see cref="CaseKeys.FiledReady"/>. Once that row exists it does nothing. Safe beside changes and other
    /// instances: a row is only added, or replaced on its ETag when older than the case, so a change that wrote its
    /// newer copy wins. Returns how many rows it wrote.
    /// </summary>
    public async Task<int> IndexFiledAsync(CancellationToken cancellationToken)
    {
        if (await IsFiledIndexReadyAsync(cancellationToken))
        {
            return 0;
        }

        var written = 0;
        var cases = table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter(
                $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {CaseKeys.CasePrefix} and RowKey lt {CaseKeys.End(CaseKeys.CasePrefix)}"
            ),
            cancellationToken: cancellationToken
        );
        await foreach (var row in cases)
        {
            written += await IndexFiledAsync(row, cancellationToken) ? 1 : 0;
        }

        await table.UpsertEntityAsync(
            new TableEntity(CaseKeys.Partition, CaseKeys.FiledReady),
            TableUpdateMode.Replace,
            cancellationToken
        );
        return written;
    }

    private async Task<bool> IndexFiledAsync(TableEntity caseRow, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var version = caseRow.GetInt32("Version") ?? 0;
            var c = CaseEntities.ToCase(caseRow);
            var key = CaseKeys.Filed(c.FiledAt, c.Number);
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(
                CaseKeys.Partition,
                key,
                select: ["Version"],
                cancellationToken: cancellationToken
            );
            if (existing.HasValue && (existing.Value!.GetInt32("Version") ?? 0) >= version)
            {
                return false;
            }

            try
            {
                var counted = await CountedAsync(caseRow, c, cancellationToken);
                var row = CaseEntities.ToEntity(counted, key, version);
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(
                        row,
                        existing.Value!.ETag,
                        TableUpdateMode.Replace,
                        cancellationToken
                    );
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken);
                }

                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < BackfillAttempts)
            {
                // A change wrote the row since: read the case again; its copy is probably newer than ours now.
                caseRow = (
                    await table.GetEntityAsync<TableEntity>(
                        CaseKeys.Partition,
                        caseRow.RowKey,
                        cancellationToken: cancellationToken
                    )
                ).Value;
            }
        }
    }

    /// <summary>
    /// A case stored before the counters existed, with them counted from its history (one range read per case, once)
    /// and merged into its case row on its ETag, so that its next change copies them on. Throws a 412 if it changed.
    /// </summary>
    private async Task<Case> CountedAsync(TableEntity caseRow, Case c, CancellationToken cancellationToken)
    {
        if (caseRow.ContainsKey("ReopenCount"))
        {
            return c;
        }

        var history = await HistoryAsync(c.Number, cancellationToken);
        var counted = c with
        {
            ReopenCount = history.Count(e => e.Action == AuditAction.Reopened),
            ConsultCount = history.Count(e => e.Action == AuditAction.Consulting),
        };
        var counters = new TableEntity(CaseKeys.Partition, caseRow.RowKey)
        {
            ["ReopenCount"] = counted.ReopenCount,
            ["ConsultCount"] = counted.ConsultCount,
        };
        await table.UpdateEntityAsync(counters, caseRow.ETag, TableUpdateMode.Merge, cancellationToken);
        return counted;
    }
}
