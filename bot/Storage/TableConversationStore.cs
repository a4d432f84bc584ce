using Azure.Data.Tables;
using EscalationBot.Chat;

namespace EscalationBot.Storage;

/// <summary>
/// Conversation bindings and welcomes in Table Storage. Keys: PartitionKey <c>binding</c>, RowKey the binding's
/// name (<c>queue</c>, <c>leads</c>): a point read per proactive post. PartitionKey <c>welcomed</c>, RowKey the
/// escaped user id: inserted once, a conflict meaning "already welcomed". PartitionKey <c>person</c>, RowKey the
/// escaped user id: the people directory, read by key (the staff for reassignment, one person to message).
/// </summary>
public sealed class TableConversationStore(TableClient table) : IConversationStore
{
    private const string BindingPartition = "binding";
    private const string WelcomedPartition = "welcomed";
    private const string PersonPartition = "person";

    public async Task SavePersonAsync(KnownPerson person, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(PersonPartition, Uri.EscapeDataString(person.Id))
            {
                ["UserId"] = person.Id,
                ["Name"] = person.Name,
                ["AadObjectId"] = person.AadObjectId,
                ["PersonalAddress"] = person.PersonalAddress,
            },
            TableUpdateMode.Merge,
            cancellationToken
        );

    public async Task SetAwayAsync(string id, DateTimeOffset until, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(PersonPartition, Uri.EscapeDataString(id)) { ["UserId"] = id, ["AwayUntil"] = until },
            TableUpdateMode.Merge,
            cancellationToken
        );

    public async Task<KnownPerson?> GetPersonAsync(string id, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            PersonPartition,
            Uri.EscapeDataString(id),
            cancellationToken: cancellationToken
        );
        return found.HasValue ? ToPerson(found.Value!) : null;
    }

    /// <summary>
    /// One query per <see cref="KeysPerQuery"/> ids, by row key: Table Storage allows 15 comparisons in a filter, and
    /// the partition is one of them.
    /// </summary>
    public async Task<IReadOnlyList<KnownPerson>> GetPeopleAsync(
        IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken
    )
    {
        var queries = ids.Distinct()
            .Chunk(KeysPerQuery)
            .Select(async chunk =>
            {
                var keys = string.Join(
                    " or ",
                    chunk.Select(id => TableClient.CreateQueryFilter($"RowKey eq {Uri.EscapeDataString(id)}"))
                );
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PersonPartition}") + $" and ({keys})";
                var people = new List<KnownPerson>();
                await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    people.Add(ToPerson(e));
                }

                return people;
            });
        return (await Task.WhenAll(queries)).SelectMany(p => p).ToList();
    }

    private const int KeysPerQuery = 14;

    private static KnownPerson ToPerson(TableEntity e) =>
        new(
            e.GetString("UserId") ?? "",
            e.GetString("Name") ?? "",
            e.GetString("AadObjectId"),
            e.GetString("PersonalAddress")
        )
        {
            AwayUntil = e.GetDateTimeOffset("AwayUntil"),
        };

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await table.CreateIfNotExistsAsync(cancellationToken);

    public async Task SaveBindingAsync(Binding binding, CancellationToken cancellationToken)
    {
        // A read first, though its answer is not needed: a request that timed out can still be carried out when a
        // hung service wakes up. When the store hangs, this read fails, and no write is left behind to land after
        // the lead was told to try again.
        await table.GetEntityIfExistsAsync<TableEntity>(
            BindingPartition,
            binding.Name,
            ["PartitionKey"],
            cancellationToken
        );
        await table.UpsertEntityAsync(
            new TableEntity(BindingPartition, binding.Name)
            {
                ["Address"] = binding.Address,
                ["ChannelId"] = binding.ChannelId,
                ["BoundBy"] = binding.BoundBy,
                ["BoundAt"] = binding.BoundAt,
            },
            TableUpdateMode.Replace,
            cancellationToken
        );
    }

    public async Task<bool> TryMarkWelcomedAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            // Row keys may not hold / \ # ?; escaping keeps any channel's user id usable.
            await table.AddEntityAsync(
                new TableEntity(WelcomedPartition, Uri.EscapeDataString(userId)) { ["At"] = at },
                cancellationToken
            );
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Binding?> GetBindingAsync(string name, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            BindingPartition,
            name,
            cancellationToken: cancellationToken
        );
        if (!found.HasValue)
        {
            return null;
        }

        var e = found.Value!;
        return new Binding(
            name,
            e.GetString("Address") ?? "",
            e.GetString("ChannelId") ?? "",
            e.GetString("BoundBy") ?? "",
            e.GetDateTimeOffset("BoundAt") ?? DateTimeOffset.MinValue
        );
    }
}
