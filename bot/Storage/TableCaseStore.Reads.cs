using Azure;
using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

/// <summary>The reads: a case, its audit rows and history, the key-range lists; turn records, read and pruned.</summary>
public sealed partial class TableCaseStore
{
    public async Task<StoredCase?> GetAsync(int number, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.Case(number),
            cancellationToken: cancellationToken
        );
        return response.HasValue
            ? new StoredCase(
                CaseEntities.ToCase(response.Value!),
                response.Value!.ETag.ToString(),
                response.Value!.GetInt32("Version") ?? 1
            )
            : null;
    }

    public async Task<TurnRecord?> GetTurnAsync(string key, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.Turn(key),
            cancellationToken: cancellationToken
        );
        return row.HasValue ? CaseEntities.ToTurn(key, row.Value!) : null;
    }

    public async Task<bool> TryRecordTurnAsync(TurnRecord turn, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(CaseEntities.ToEntity(turn, turn.Number, at), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public Task<int> ForgetTurnsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        ForgetOlderAsync(CaseKeys.TurnPrefix, before, cancellationToken);

    public Task<int> ForgetExposureAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        ForgetOlderAsync(CaseKeys.ExposurePrefix, before, cancellationToken);

    /// <summary>Removes the rows under <paramref name="prefix"/> whose <c>At</c> is before <paramref name="before"/>.</summary>
    private async Task<int> ForgetOlderAsync(string prefix, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {prefix} and RowKey lt {CaseKeys.End(prefix)} and At lt {before}"
        );
        var forgotten = 0;
        await foreach (
            var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken)
        )
        {
            try
            {
                await table.DeleteEntityAsync(CaseKeys.Partition, row.RowKey, ETag.All, cancellationToken);
                forgotten++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Another instance removed it first.
            }
        }

        return forgotten;
    }

    public async Task<AuditEntry?> GetAuditAsync(int number, int version, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.Audit(number, version),
            cancellationToken: cancellationToken
        );
        return row.HasValue ? AuditEntities.ToAudit(row.Value!) : null;
    }

    public async Task<IReadOnlyList<Case>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {CaseKeys.OpenPrefix} and RowKey lt {CaseKeys.End(CaseKeys.OpenPrefix)}"
        );
        var cases = new List<Case>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            cases.Add(CaseEntities.ToCase(entity));
        }

        return cases;
    }

    public Task<IReadOnlyList<AuditEntry>> HistoryAsync(int number, CancellationToken cancellationToken)
    {
        var from = CaseKeys.AuditFrom(number);
        return AuditRangeAsync(from, CaseKeys.End(from), cancellationToken);
    }

    public async Task<RecentHistory> RecentHistoryAsync(
        int number,
        int version,
        int count,
        CancellationToken cancellationToken
    )
    {
        // Version n wrote audit row n, so the newest rows are one key range.
        return await recent.GetAsync(
            number,
            version,
            count,
            first =>
                AuditRangeAsync(
                    CaseKeys.Audit(number, first),
                    CaseKeys.Audit(number, version + 1),
                    CancellationToken.None
                ),
            cancellationToken
        );
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditRangeAsync(
        string from,
        string to,
        CancellationToken cancellationToken
    )
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {from} and RowKey lt {to}"
        );
        var entries = new List<AuditEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(AuditEntities.ToAudit(entity));
        }

        return entries;
    }
}
