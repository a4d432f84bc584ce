using Azure.Data.Tables;
using EscalationBot.Chat;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>The people directory on Azurite: read by key, never whole.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableConversationStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TableConversationStore store = null!;

    public async Task InitializeAsync()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(
            "p" + Guid.NewGuid().ToString("N")[..12]
        );
        await table.CreateIfNotExistsAsync();
        store = new TableConversationStore(table);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task People_are_read_by_their_ids_across_more_ids_than_one_query_may_name()
    {
        // Ids as channels make them, with the characters a row key must not hold and a quote for the filter.
        var staff = Enumerable
            .Range(0, 31)
            .Select(i => new KnownPerson($"webchat:user/{i}#o'k", $"Staff {i}", null, null));
        var others = Enumerable.Range(0, 40).Select(i => new KnownPerson($"pm-{i}", $"Partner {i}", null, null));
        foreach (var person in staff.Concat(others))
        {
            await store.SavePersonAsync(person, CancellationToken.None);
        }

        var wanted = staff.Select(p => p.Id).Append("never-met").Append(staff.First().Id).ToList();
        var found = await store.GetPeopleAsync(wanted, CancellationToken.None);

        Assert.Equal(staff.Select(p => p.Id).Order(), found.Select(p => p.Id).Order());
        Assert.All(found, p => Assert.StartsWith("Staff ", p.Name, StringComparison.Ordinal));
        Assert.Empty(await store.GetPeopleAsync([], CancellationToken.None));
    }
}
