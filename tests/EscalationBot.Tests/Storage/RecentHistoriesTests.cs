using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Storage;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// The card's timeline after a change this instance committed costs no read, and is what a read gives; another
/// instance's change is read; a hundred cards of one version at once cost one read.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecentHistoriesTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    [Fact]
    public async Task The_history_after_a_change_committed_here_is_not_read_and_equals_what_another_instance_reads()
    {
        var store = CountedStore();
        var c = await store.CreateAsync(
            n => (CaseRulesTests.NewCase() with { Number = n }, Filed(n)),
            CancellationToken.None
        );
        for (var i = 1; i <= 3; i++)
        {
            var stored = (await store.GetAsync(c.Number, CancellationToken.None))!;
            Assert.True(await store.TryReplaceAsync(stored, stored.Case, Note(c, i), CancellationToken.None));
        }

        Counted.Reset();
        var kept = await store.RecentHistoryAsync(c.Number, 4, 15, CancellationToken.None);

        Assert.Equal(0, Counted.RoundTrips);
        var read = await new TableCaseStore(Table).RecentHistoryAsync(c.Number, 4, 15, CancellationToken.None);
        Assert.Equal(read.Earlier, kept.Earlier);
        Assert.Equal(read.Entries, kept.Entries);
        Assert.Equal([null, "1", "2", "3"], kept.Entries.Select(e => e.Text));
    }

    [Fact]
    public async Task A_change_another_instance_committed_is_read()
    {
        var store = CountedStore();
        var c = await store.CreateAsync(
            n => (CaseRulesTests.NewCase() with { Number = n }, Filed(n)),
            CancellationToken.None
        );
        var elsewhere = new TableCaseStore(Table);
        var stored = (await elsewhere.GetAsync(c.Number, CancellationToken.None))!;
        Assert.True(await elsewhere.TryReplaceAsync(stored, stored.Case, Note(c, 1), CancellationToken.None));

        Counted.Reset();
        var recent = await store.RecentHistoryAsync(c.Number, 2, 15, CancellationToken.None);

        Assert.Equal(1, Counted.RoundTrips);
        Assert.Equal([null, "1"], recent.Entries.Select(e => e.Text));
    }

    [Fact]
    public async Task A_hundred_cards_of_one_version_at_once_read_it_once()
    {
        var c = await FileAsync();
        var store = CountedStore();

        var all = await Task.WhenAll(
            Enumerable.Range(0, 100).Select(_ => store.RecentHistoryAsync(c.Number, 1, 15, CancellationToken.None))
        );

        Assert.Equal(1, Counted.RoundTrips);
        Assert.All(all, r => Assert.Equal(AuditAction.Filed, Assert.Single(r.Entries).Action));
    }

    private static AuditEntry Filed(int number) => new(number, T0, Sam.Person, AuditAction.Filed, null, CaseState.New);

    private static AuditEntry Note(Case c, int i) =>
        new(c.Number, T0.AddMinutes(i), Sam.Person, AuditAction.Note, null, c.State, $"{i}");
}
