using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>
/// The export's rows as a workbook: a Cases sheet (the CSV's columns, minutes and counts as numbers) written a row
/// at a time with OpenXmlWriter, and a Summary sheet of the period's figures, as the stats card words them. The
/// package is built in a temporary file, because OpenXml's packaging needs a seekable stream, then copied out.
/// </summary>
public sealed class XlsxExport(ExportRows rows, CasePolicy policy, TimeProvider clock) : IInsightContent
{
    public InsightKind Kind => InsightKind.Xlsx;
    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<bool> WriteAsync(InsightLink link, Stream body, CancellationToken cancellationToken)
    {
        if (LinkQuery.Of(link) is not { } query)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var file = new FileStream(
            Path.GetTempFileName(),
            FileMode.Create,
            FileAccess.ReadWrite,
            FileShare.None,
            64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous
        );
        var cases = new List<Case>();
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, LinkQuery.ColumnsFor(link.Details), numbers: false);
                await foreach (var (c, cells) in rows.ReadAsync(query, link.Details, cancellationToken))
                {
                    WriteRow(writer, cells, numbers: true);
                    cases.Add(c);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var summary = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(summary))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                foreach (var line in SummaryLines(query, cases, now))
                {
                    WriteRow(writer, line, numbers: false);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(
                new Sheets(
                    new Sheet
                    {
                        Id = workbook.GetIdOfPart(summary),
                        SheetId = 1,
                        Name = "Summary",
                    },
                    new Sheet
                    {
                        Id = workbook.GetIdOfPart(sheet),
                        SheetId = 2,
                        Name = "Cases",
                    }
                )
            );
        }

        file.Position = 0;
        await file.CopyToAsync(body, cancellationToken);
        return true;
    }

    /// <summary>The figures of the exported cases, worded as on the stats card: each metric, its facts, how it is computed.</summary>
    private IEnumerable<IReadOnlyList<string>> SummaryLines(LinkQuery query, List<Case> cases, DateTimeOffset now)
    {
        var period = new InsightPeriod("Export", query.From, query.To, null);
        var stats = InsightStats.Of(period, query.Filter, cases, null, policy, now);
        yield return ["Cases filed", StatsViews.Span(period, new Cards.TeamClock(policy.Zone))];
        yield return ["Filter", query.Filter.Describe() is { Length: > 0 } f ? f : "none"];
        foreach (var metric in StatsViews.Metrics(stats))
        {
            yield return [];
            yield return [metric.Title];
            foreach (var fact in metric.Facts)
            {
                yield return [fact.Title, fact.Value];
            }

            yield return [metric.HowComputed];
        }
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string> cells, bool numbers)
    {
        writer.WriteStartElement(new Row());
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            if (
                numbers
                && ExportRow.IsNumber(i)
                && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n)
            )
            {
                writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) });
            }
            else
            {
                writer.WriteElement(
                    new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) }
                );
            }
        }

        writer.WriteEndElement();
    }
}
