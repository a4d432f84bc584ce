using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EscalationBot.Insight;
using EscalationBot.Storage;
using EscalationBot.Testing;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Features.Insight;

/// <summary>
/// "export" end to end: the card's signed links serve the period's cases as CSV and as a workbook; details only for
/// leads, and on the audit record; nobody else's export.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExportCommandTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private async Task FileTwoAsync()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        var formula = Activities.IntakeForm("Sev2");
        formula["partner"] = "=HYPERLINK(\"http://x\")";
        foreach (var form in new[] { Activities.IntakeForm("Sev1"), formula })
        {
            await Host.SendAsync(
                Activities.Invoke(People.Reporter, "submitIntake", form, Activities.Personal(People.Reporter))
            );
        }

        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", Activities.QueueChannel));
    }

    private async Task<ConnectorCall> AskAsync(TestUser who, string text, string conversation)
    {
        var before = Connector.Calls.Count;
        await Host.SendAsync(Activities.Message(who, text, conversation));
        return Connector.Calls.Skip(before).Last(c => c.ConversationId == conversation);
    }

    private async Task<HttpResponseMessage> FetchAsync(ConnectorCall card, string title)
    {
        var url = SentCards.Actions(card.Card!).Single(a => a.Value<string>("title") == title).Value<string>("url")!;
        using var client = Host.CreateClient();
        return await client.GetAsync(new Uri(url).PathAndQuery);
    }

    private static List<string[]> Parse(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv));
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    [Fact]
    public async Task A_specialists_export_is_a_csv_for_excel_without_details_and_a_workbook_with_a_summary()
    {
        await FileTwoAsync();

        var card = await AskAsync(People.Specialist, "export week", Activities.Personal(People.Specialist));
        Assert.Contains("No descriptions, links or accounts", card.AllText);

        var csv = await FetchAsync(card, "Download CSV");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Parse(bytes);
        Assert.Equal(ExportRow.Columns, rows[0]);
        Assert.Equal(["ESC-1", "ESC-2"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("Claimed", rows[1][Array.IndexOf(rows[0], "state")]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[2][Array.IndexOf(rows[0], "partner")]);
        Assert.DoesNotContain("Coordinated threats", System.Text.Encoding.UTF8.GetString(bytes));

        var xlsx = await FetchAsync(card, "Download Excel (.xlsx)");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = SpreadsheetDocument.Open(
            new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()),
            false
        );
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Summary", "Cases"], sheets.Select(s => s.Name!.Value));
        var cases = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[1].Id!);
        Assert.Equal(3, cases.Worksheet.Descendants<Row>().Count());
        var summary = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!);
        Assert.Contains(summary.Worksheet.Descendants<Text>(), t => t.Text == "MTTA: time to first claim");
    }

    [Fact]
    public async Task Details_are_for_leads_and_their_export_goes_on_the_audit_record()
    {
        await FileTwoAsync();

        var refused = await AskAsync(
            People.Specialist,
            "export week with details",
            Activities.Personal(People.Specialist)
        );
        Assert.Contains("is for leads", refused.AllText);
        Assert.Null(refused.Card);

        var shared = await AskAsync(People.Lead, "export week with details", Activities.LeadsChannel);
        Assert.Contains("ask for it in your 1:1 chat", shared.AllText);
        Assert.Null(shared.Card);

        var card = await AskAsync(People.Lead, "export week with details", Activities.Personal(People.Lead));
        Assert.Contains("on the audit record", card.AllText);
        var rows = Parse(await (await FetchAsync(card, "Download CSV")).Content.ReadAsByteArrayAsync());
        Assert.Equal([.. ExportRow.Columns, .. ExportRow.DetailColumns], rows[0]);
        Assert.Equal("Coordinated threats against a journalist.", rows[1][Array.IndexOf(rows[0], "description")]);

        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(Host.TablePrefix + "Cases");
        var audit = table
            .Query<TableEntity>(e =>
                e.PartitionKey == CaseKeys.Partition
                && e.RowKey.CompareTo(CaseKeys.ExportPrefix) >= 0
                && e.RowKey.CompareTo(CaseKeys.End(CaseKeys.ExportPrefix)) < 0
            )
            .ToList();
        Assert.Equal(People.Lead.Id, Assert.Single(audit).GetString("ById"));
    }

    [Fact]
    public async Task Partner_managers_get_no_export()
    {
        await FileTwoAsync();

        var answer = await AskAsync(People.Reporter, "export week", Activities.Personal(People.Reporter));

        Assert.Contains("Exports are for specialists and leads", answer.AllText);
        Assert.Null(answer.Card);
    }
}
