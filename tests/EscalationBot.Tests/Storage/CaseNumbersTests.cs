using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Storage;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>Case numbers come from blocks each instance reserves on the counter: unique, short, and no hot row.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseNumbersTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    [Fact]
    public async Task Two_instances_filing_at_once_get_unique_numbers_from_blocks_of_their_own()
    {
        var first = Instance(block: 10);
        var second = Instance(block: 10);
        var filed = await Task.WhenAll(
            Enumerable.Range(0, 40).Select(i => Task.Run(() => FileWithAsync(i % 2 == 0 ? first.Store : second.Store)))
        );

        var numbers = filed.Select(c => c.Number).ToList();
        Assert.Equal(40, numbers.Distinct().Count());
        // Each instance holds at most one block it has not used up: the numbers stay short.
        Assert.All(numbers, n => Assert.InRange(n, 1, 40 + (2 * 10)));
        // One counter write per block, not per case.
        Assert.InRange(await CounterAsync(), 40, 40 + (2 * 10));
        Assert.Equal(0, (await CounterAsync()) % 10);
    }

    [Fact]
    public async Task A_clean_stop_gives_back_the_rest_of_the_block_so_the_next_instance_goes_on_without_a_gap()
    {
        var first = Instance(block: 10);
        for (var i = 0; i < 3; i++)
        {
            await FileWithAsync(first.Store);
        }

        Assert.Equal(10, await CounterAsync());
        await first.Numbers.ReleaseAsync(CancellationToken.None);
        Assert.Equal(3, await CounterAsync());

        var next = Instance(block: 10);
        Assert.Equal(4, (await FileWithAsync(next.Store)).Number);
    }

    [Fact]
    public async Task A_stop_after_another_instance_reserved_leaves_the_counter_alone()
    {
        var first = Instance(block: 10);
        var second = Instance(block: 10);
        await FileWithAsync(first.Store);
        await FileWithAsync(second.Store);

        await first.Numbers.ReleaseAsync(CancellationToken.None);

        Assert.Equal(20, await CounterAsync());
        Assert.Equal(12, (await FileWithAsync(second.Store)).Number);
    }

    [Fact]
    public async Task A_replayed_filing_files_nothing_and_its_number_goes_to_the_next_case()
    {
        var instance = Instance(block: 10);
        var turn = CaseEffects.None with { Turn = new TurnRecord("msteams|a|pm|submit-1", null) };
        Assert.Equal(1, (await FileWithAsync(instance.Store, turn)).Number);

        var replay = await instance.Store.CreateAsync(Build, turn, CancellationToken.None);

        Assert.Null(replay.Case);
        Assert.Equal(1, replay.Replayed!.Number);
        Assert.Equal(2, (await FileWithAsync(instance.Store)).Number);
    }

    [Fact]
    public async Task A_counter_set_back_skips_the_numbers_already_filed()
    {
        var instance = Instance(block: 2);
        for (var i = 0; i < 3; i++)
        {
            await FileWithAsync(instance.Store);
        }

        await Table.UpsertEntityAsync(
            new TableEntity(CaseKeys.Partition, CaseKeys.Counter) { ["Last"] = 1 },
            TableUpdateMode.Replace
        );
        var later = Instance(block: 2);

        // 2 and 3 are taken; 4 was reserved by the first instance but never used.
        Assert.Equal(4, (await FileWithAsync(later.Store)).Number);
        Assert.Equal(4, (await Cases.ListOpenAsync(CancellationToken.None)).Count);
    }

    private (TableCaseStore Store, CaseNumbers Numbers) Instance(int block)
    {
        var numbers = new CaseNumbers(Table, block);
        return (new TableCaseStore(Table, numbers: numbers), numbers);
    }

    private static async Task<Case> FileWithAsync(TableCaseStore store, CaseEffects? effects = null) =>
        (await store.CreateAsync(Build, effects ?? CaseEffects.None, CancellationToken.None)).Case!;

    private static (Case, AuditEntry) Build(int n) =>
        (
            CaseRulesTests.NewCase() with
            {
                Number = n,
            },
            new AuditEntry(n, T0, Sam.Person, AuditAction.Filed, null, CaseState.New)
        );

    private async Task<int> CounterAsync() =>
        (await Table.GetEntityAsync<TableEntity>(CaseKeys.Partition, CaseKeys.Counter)).Value.GetInt32("Last") ?? 0;
}
