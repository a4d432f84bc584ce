using Azure.Core;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// The filing index the stats and exports read (<c>filed|</c> rows): kept current by every change, one range read per
/// period, and filled in once for cases filed before it, with their reopen and consult counts from their history.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreFiledTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    private async Task<List<Case>> FiledAsync(CaseFilter? filter = null, bool details = false) =>
        await Cases
            .ListFiledAsync(
                T0.AddMinutes(-1),
                T0.AddMinutes(1),
                filter ?? CaseFilter.None,
                details,
                CancellationToken.None
            )
            .ToListAsync();

    private async Task ChangeAsync(int number, Func<Case, Case> change, AuditAction action)
    {
        var stored = (await Cases.GetAsync(number, CancellationToken.None))!;
        var changed = change(stored.Case);
        var audit = new AuditEntry(number, T0.AddMinutes(5), Sam.Person, action, stored.Case.State, changed.State);
        Assert.True(await Cases.TryReplaceAsync(stored, changed, audit, CancellationToken.None));
    }

    [Fact]
    public async Task The_cases_of_a_period_come_as_they_stand_now_without_details_unless_asked()
    {
        await FileAsync();
        await FileAsync();
        await ChangeAsync(
            2,
            c => c with { State = CaseState.Claimed, Owner = Sam.Person, ClaimedAt = T0 },
            AuditAction.Claimed
        );

        Assert.True(await Cases.IsFiledIndexReadyAsync(CancellationToken.None));
        var filed = await FiledAsync();
        Assert.Equal([1, 2], filed.Select(c => c.Number));
        Assert.Equal(Sam.Person, filed[1].Owner);
        Assert.All(filed, c => Assert.True(c.IsPartial && c.Report.Description.Length == 0));
        Assert.NotEmpty((await FiledAsync(details: true))[0].Report.Description);
        Assert.Equal([2], (await FiledAsync(new CaseFilter(State: CaseState.Claimed))).Select(c => c.Number));
        Assert.Empty(
            await Cases
                .ListFiledAsync(T0.AddMinutes(1), T0.AddHours(1), CaseFilter.None, false, CancellationToken.None)
                .ToListAsync()
        );
    }

    [Fact]
    public async Task The_backfill_indexes_cases_filed_before_the_index_once_with_their_counts()
    {
        await FileAsync();
        await FileAsync();
        await ChangeAsync(
            1,
            c => c with { State = CaseState.Claimed, Owner = Sam.Person, ClaimedAt = T0 },
            AuditAction.Claimed
        );
        await ChangeAsync(1, c => c with { State = CaseState.Reopened }, AuditAction.Reopened);

        // As an older version stored them: no filing index, no counters on the case row.
        foreach (var c in await FiledAsync())
        {
            await Table.DeleteEntityAsync(CaseKeys.Partition, CaseKeys.Filed(c.FiledAt, c.Number));
        }

        await Table.DeleteEntityAsync(CaseKeys.Partition, CaseKeys.FiledReady);
        var row = (await Table.GetEntityAsync<TableEntity>(CaseKeys.Partition, CaseKeys.Case(1))).Value;
        row.Remove("ReopenCount");
        row.Remove("ConsultCount");
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        Assert.False(await Cases.IsFiledIndexReadyAsync(CancellationToken.None));

        Assert.Equal(2, await Cases.IndexFiledAsync(CancellationToken.None));

        Assert.True(await Cases.IsFiledIndexReadyAsync(CancellationToken.None));
        var filed = await FiledAsync();
        Assert.Equal([(1, 1), (2, 0)], filed.Select(c => (c.Number, c.ReopenCount)));
        // Merged into the case row too, so that the next change carries the count on.
        Assert.Equal(1, (await Cases.GetAsync(1, CancellationToken.None))!.Case.ReopenCount);
        await ChangeAsync(1, c => c with { State = CaseState.Claimed }, AuditAction.Claimed);
        Assert.Equal(1, (await FiledAsync())[0].ReopenCount);
        Assert.Equal(0, await Cases.IndexFiledAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_change_made_while_the_backfill_runs_keeps_its_own_row()
    {
        await FileAsync();
        await Table.DeleteEntityAsync(CaseKeys.Partition, CaseKeys.Filed(T0, 1));
        await Table.DeleteEntityAsync(CaseKeys.Partition, CaseKeys.FiledReady);

        // The backfill reads case 1 as filed; just before it adds the row, the case is claimed (and writes its own).
        var options = new TableClientOptions();
        options.AddPolicy(
            new BeforeFirstWrite(() =>
                ChangeAsync(
                    1,
                    c => c with { State = CaseState.Claimed, Owner = Sam.Person, ClaimedAt = T0 },
                    AuditAction.Claimed
                )
            ),
            HttpPipelinePosition.PerCall
        );
        var backfill = new TableCaseStore(new TableClient(ConnectionString, Table.Name, options));
        await backfill.IndexFiledAsync(CancellationToken.None);

        Assert.Equal(CaseState.Claimed, (await FiledAsync()).Single().State);
    }
}
