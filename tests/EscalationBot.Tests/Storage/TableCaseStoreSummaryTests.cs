using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Storage;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// The summary rows the digest reads (<see cref="CaseSummaries"/>): kept by every change, filled in for cases filed
/// before them by the backfill at start, which loses to any change made while it runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreSummaryTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    [Fact]
    public void A_summary_holds_every_column_the_digest_reads_and_is_never_made_from_a_partial_case()
    {
        Assert.Equal(CaseColumns.Digest.Order(), CaseSummaries.Columns.Where(c => c != "Version").Order());
        var partial = CaseRulesTests.NewCase() with { IsPartial = true };
        Assert.Throws<InvalidOperationException>(() => CaseSummaries.Merge(partial, 1));
    }

    [Fact]
    public async Task The_backfill_summarises_open_cases_filed_before_the_summaries_and_empties_closed_ones()
    {
        for (var i = 0; i < CaseSummaries.PerRow + 2; i++)
        {
            await FileAsync();
        }

        await ClaimAsync(Cases, 3);
        var staleOpen = await SummaryRowAsync(0);
        await ResolveAsync(2);
        await ClaimAsync(Cases, 5);

        // As before the summaries: none, but for a stale one that still shows case 2 open and case 5 unclaimed.
        foreach (var key in new[] { 0, 1 }.Select(CaseSummaries.Row))
        {
            await Table.DeleteEntityAsync(CaseKeys.Partition, key);
        }

        await Table.AddEntityAsync(
            new TableEntity(CaseKeys.Partition, CaseSummaries.Row(0))
            {
                ["c2"] = staleOpen["c2"],
                ["c5"] = staleOpen["c5"],
            }
        );
        Assert.Null(await Cases.ListOpenFromSummariesAsync(CaseFilter.None, CancellationToken.None));

        Assert.Equal(2, await Cases.SummariseAsync(CancellationToken.None));

        var summarised = await Cases.ListOpenFromSummariesAsync(CaseFilter.None, CancellationToken.None);
        var columns = await Cases.ListOpenFromColumnsAsync(CaseFilter.None, CancellationToken.None);
        Assert.Equal(CaseSummaries.PerRow + 1, columns.Count);
        Assert.Equal(Json(columns), Json(summarised!));
        Assert.DoesNotContain(summarised!, c => c.Number == 2);
        Assert.Equal(Sam.Person, summarised!.Single(c => c.Number == 5).Owner);
        Assert.Equal("", (await SummaryRowAsync(0))["c2"]);
        Assert.Equal(0, await Cases.SummariseAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_change_made_while_the_backfill_runs_keeps_its_own_summary(bool rowExists)
    {
        await FileAsync();
        await FileAsync();
        var row = await SummaryRowAsync(0);
        await Table.DeleteEntityAsync(CaseKeys.Partition, CaseSummaries.Row(0));
        if (rowExists)
        {
            // Case 1's summary is there, case 2's is missing.
            await Table.AddEntityAsync(
                new TableEntity(CaseKeys.Partition, CaseSummaries.Row(0)) { ["c1"] = row["c1"] }
            );
        }

        // The backfill reads the row and the open index, then, just before it writes, case 2 is claimed.
        var options = new TableClientOptions();
        options.AddPolicy(new BeforeFirstWrite(() => ClaimAsync(Cases, 2)), HttpPipelinePosition.PerCall);
        var backfill = new TableCaseStore(new TableClient(ConnectionString, Table.Name, options));
        await backfill.SummariseAsync(CancellationToken.None);

        var summarised = await Cases.ListOpenFromSummariesAsync(CaseFilter.None, CancellationToken.None);
        Assert.Equal([1, 2], summarised!.Select(c => c.Number));
        Assert.Equal(Sam.Person, summarised!.Single(c => c.Number == 2).Owner);
        Assert.Equal(CaseState.Claimed, summarised!.Single(c => c.Number == 2).State);
    }

    private async Task<TableEntity> SummaryRowAsync(int bucket) =>
        (await Table.GetEntityAsync<TableEntity>(CaseKeys.Partition, CaseSummaries.Row(bucket))).Value;

    private static async Task ClaimAsync(TableCaseStore store, int number)
    {
        var stored = (await store.GetAsync(number, CancellationToken.None))!;
        var claimed = stored.Case with { State = CaseState.Claimed, Owner = Sam.Person, ClaimedAt = T0.AddMinutes(2) };
        var audit = new AuditEntry(
            number,
            T0.AddMinutes(2),
            Sam.Person,
            AuditAction.Claimed,
            CaseState.New,
            claimed.State
        );
        Assert.True(await store.TryReplaceAsync(stored, claimed, audit, CancellationToken.None));
    }

    private async Task ResolveAsync(int number)
    {
        var stored = (await Cases.GetAsync(number, CancellationToken.None))!;
        var at = T0.AddMinutes(30);
        var done = stored.Case with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "Removed.", at),
        };
        var audit = new AuditEntry(number, at, Sam.Person, AuditAction.Resolved, stored.Case.State, done.State);
        Assert.True(await Cases.TryReplaceAsync(stored, done, audit, CancellationToken.None));
    }

    private static string Json(IEnumerable<Case> cases) => JsonSerializer.Serialize(cases);
}
