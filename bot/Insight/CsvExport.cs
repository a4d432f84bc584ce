using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>
/// The cases of a period as CSV (RFC 4180, UTF-8 with a BOM so that Excel reads it as UTF-8), streamed row by row
/// from the filing index: memory stays flat whatever the number of rows. Cells that a spreadsheet would run as a
/// formula (= + - @) are escaped with a leading apostrophe.
/// </summary>
public sealed class CsvExport(ExportRows rows) : IInsightContent
{
    public InsightKind Kind => InsightKind.Csv;
    public string ContentType => "text/csv; charset=utf-8";

    public async Task<bool> WriteAsync(InsightLink link, Stream body, CancellationToken cancellationToken)
    {
        if (LinkQuery.Of(link) is not { } query)
        {
            return false;
        }

        await using var text = new StreamWriter(body, new UTF8Encoding(true), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(
            text,
            new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                NewLine = "\r\n",
                InjectionOptions = InjectionOptions.Escape,
            }
        );
        foreach (var column in LinkQuery.ColumnsFor(link.Details))
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        await foreach (var (_, cells) in rows.ReadAsync(query, link.Details, cancellationToken))
        {
            foreach (var cell in cells)
            {
                csv.WriteField(cell);
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        return true;
    }
}

/// <summary>The export's rows, a page of the filing index at a time: each case, and its cells.</summary>
public sealed class ExportRows(ICaseStore store, CasePolicy policy, TimeProvider clock)
{
    public async IAsyncEnumerable<(Case Case, IReadOnlyList<string> Cells)> ReadAsync(
        LinkQuery query,
        bool details,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        await foreach (var c in store.ListFiledAsync(query.From, query.To, query.Filter, details, cancellationToken))
        {
            yield return (c, ExportRow.Cells(CaseMeasure.Of(c, policy, now), policy.Zone, details));
        }
    }
}

/// <summary>What a link to an export or a chart asks for: its period and filter, read back from the signed link.</summary>
public sealed record LinkQuery(DateTimeOffset From, DateTimeOffset To, CaseFilter Filter)
{
    public static LinkQuery? Of(InsightLink link) =>
        link is { From: { } from, To: { } to } && CaseFilter.Parse(link.Filter).Unknown is null
            ? new LinkQuery(from, to, CaseFilter.Parse(link.Filter).Filter)
            : null;

    public static IReadOnlyList<string> ColumnsFor(bool details) =>
        details ? [.. ExportRow.Columns, .. ExportRow.DetailColumns] : ExportRow.Columns;
}
