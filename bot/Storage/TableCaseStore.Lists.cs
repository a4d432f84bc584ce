using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

/// <summary>
/// The lists: the queue's page, the digest's open cases and resolutions, the unposted cases. Each reads only the
/// columns it shows (<see cref="CaseColumns"/>), filtered by the storage; the cases it returns are partial.
/// </summary>
public sealed partial class TableCaseStore
{
    public async Task<OpenPage> PageOpenAsync(CaseFilter filter, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var where = CaseColumns.OpenWhere(filter);
        var cases = new List<Case>(size);
        string? token = null;

        // Table Storage may return a short page, even an empty one, with a continuation token (a page ends at a
        // partition server's boundary or after five seconds): read on, asking only for what is still missing.
        do
        {
            var left = size - cases.Count;
            var pages = table.QueryAsync<TableEntity>(where, left, CaseColumns.QueueLine, cancellationToken);
            await foreach (var page in pages.AsPages(token, left))
            {
                cases.AddRange(page.Values.Select(CaseEntities.ToPartialCase));
                token = page.ContinuationToken;
                break;
            }
        } while (cases.Count < size && token is not null);

        return new OpenPage(cases, More: token is not null);
    }

    /// <summary>From the summary rows once every open case has one (<see cref="CaseSummaries"/>), else the columns.</summary>
    public async Task<IReadOnlyList<Case>> ListOpenForDigestAsync(
        CaseFilter filter,
        CancellationToken cancellationToken
    ) =>
        await ListOpenFromSummariesAsync(filter, cancellationToken)
        ?? await ListOpenFromColumnsAsync(filter, cancellationToken);

    /// <summary>The open index, only the columns the digest shows: a page per 1,000 open cases.</summary>
    internal Task<IReadOnlyList<Case>> ListOpenFromColumnsAsync(
        CaseFilter filter,
        CancellationToken cancellationToken
    ) => ListPartialAsync(CaseColumns.OpenWhere(filter), CaseColumns.Digest, cancellationToken);

    public Task<IReadOnlyList<Case>> ListResolvedForDigestAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    ) =>
        ListPartialAsync(
            TableClient.CreateQueryFilter(
                $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {CaseKeys.DoneFrom(from)} and RowKey lt {CaseKeys.End(CaseKeys.DoneFrom(to) + "|")}"
            ),
            CaseColumns.Digest,
            cancellationToken
        );

    public async Task<IReadOnlyList<int>> ListUnpostedAsync(CancellationToken cancellationToken)
    {
        var numbers = new List<int>();
        var rows = table.QueryAsync<TableEntity>(
            CaseColumns.OpenWhere(CaseFilter.None),
            select: CaseColumns.Posting,
            cancellationToken: cancellationToken
        );
        await foreach (var row in rows)
        {
            if (row.GetString("QueueMessageId") is null)
            {
                numbers.Add(row.GetInt32("Number") ?? 0);
            }
        }

        return numbers;
    }

    private async Task<IReadOnlyList<Case>> ListPartialAsync(
        string where,
        IReadOnlyList<string> columns,
        CancellationToken cancellationToken
    )
    {
        var cases = new List<Case>();
        await foreach (
            var row in table.QueryAsync<TableEntity>(where, select: columns, cancellationToken: cancellationToken)
        )
        {
            cases.Add(CaseEntities.ToPartialCase(row));
        }

        return cases;
    }
}
