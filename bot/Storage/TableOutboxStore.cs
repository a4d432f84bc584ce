using Azure;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Outbox;

namespace EscalationBot.Storage;

/// <summary>Outbox rows in the cases' table and partition (key rules in <see cref="CaseKeys"/>), so a change writes its own.</summary>
public sealed class TableOutboxStore(TableClient table) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxRow>> PendingAsync(int? number, CancellationToken cancellationToken)
    {
        var from = number is { } n ? CaseKeys.OutboxFrom(n) : CaseKeys.OutboxPrefix;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {from} and RowKey lt {CaseKeys.End(from)}"
        );
        var rows = new List<OutboxRow>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(OutboxEntities.ToRow(entity));
        }

        return rows;
    }

    public async Task<OutboxRow?> QueueCardAsync(int number, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.OutboxQueue(number),
            cancellationToken: cancellationToken
        );
        return row.HasValue ? OutboxEntities.ToRow(row.Value!) : null;
    }

    public async Task<OutboxRow?> TryLeaseAsync(
        OutboxRow row,
        string claimant,
        DateTimeOffset until,
        CancellationToken cancellationToken
    )
    {
        var leased = row with { Claimant = claimant, LeaseUntil = until };
        try
        {
            var response = await table.UpdateEntityAsync(
                OutboxEntities.ToEntity(leased),
                new ETag(row.ETag),
                TableUpdateMode.Replace,
                cancellationToken
            );
            return leased with
            {
                ETag =
                    response.Headers.ETag?.ToString()
                    ?? throw new InvalidOperationException("No ETag on an updated entity."),
            };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    public async Task<bool> CompleteAsync(OutboxRow leased, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(CaseKeys.Partition, leased.Key, new ETag(leased.ETag), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // A later change merged into the row while it was being sent: release it for the next send.
            await ReleaseAsync(leased.Key, cancellationToken);
            return false;
        }
    }

    public async Task DeferAsync(
        OutboxRow leased,
        DateTimeOffset next,
        bool fail,
        string? posted,
        CancellationToken cancellationToken
    )
    {
        var deferred = leased with
        {
            Attempts = leased.Attempts + 1,
            NextAttemptAt = next,
            LeaseUntil = null,
            Claimant = null,
            Failed = fail,
            PostedMessageId = posted ?? leased.PostedMessageId,
        };
        try
        {
            await table.UpdateEntityAsync(
                OutboxEntities.ToEntity(deferred),
                new ETag(leased.ETag),
                TableUpdateMode.Replace,
                cancellationToken
            );
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // A later change asked for it again: it is due at once; let go of it, keeping a posted card's id.
            await ReleaseAsync(leased.Key, cancellationToken, posted);
        }
    }

    public async Task RequestQueueCardsAsync(
        IReadOnlyCollection<int> numbers,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        foreach (var chunk in numbers.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(n => OutboxEntities.QueueCard(n, at)), cancellationToken);
        }
    }

    private async Task ReleaseAsync(string key, CancellationToken cancellationToken, string? posted = null)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(
                CaseKeys.Partition,
                key,
                cancellationToken: cancellationToken
            );
            if (!current.HasValue)
            {
                return;
            }

            // Replace, not merge: a merge cannot remove a property.
            var row = OutboxEntities.ToRow(current.Value!);
            var released = row with
            {
                LeaseUntil = null,
                Claimant = null,
                PostedMessageId = posted ?? row.PostedMessageId,
            };
            try
            {
                await table.UpdateEntityAsync(
                    OutboxEntities.ToEntity(released),
                    current.Value!.ETag,
                    TableUpdateMode.Replace,
                    cancellationToken
                );
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Merged again meanwhile; read it once more.
            }
        }
    }
}

/// <summary>Outbox rows as entities; also used by <see cref="TableCaseStore"/> to add a change's rows to its batch.</summary>
internal static class OutboxEntities
{
    /// <summary>
    /// The rows a change at <paramref name="version"/> of <paramref name="c"/> writes. The queue card's row is merged,
    /// so a change while it is being sent keeps the sender's lease (and a posted card's id) and makes the row stay for
    /// one more send; it is due at once, whatever failures came before.
    /// </summary>
    public static IEnumerable<TableTransactionAction> Rows(Case c, int version, CaseEffects effects, DateTimeOffset at)
    {
        foreach (var notice in effects.Notices)
        {
            var (stream, what, recipient) = notice switch
            {
                Notice.ToReporter r => (OutboxStream.Reporter, r.What.ToString(), c.Reporter.Id),
                Notice.ToOwner o => (OutboxStream.Owner, o.What.ToString(), o.OwnerId),
                _ => throw new ArgumentOutOfRangeException(nameof(effects), notice, "Unknown notice."),
            };
            var key = CaseKeys.OutboxNotice(c.Number, version, stream.ToString());
            yield return new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(CaseKeys.Partition, key)
                {
                    ["Number"] = c.Number,
                    ["Version"] = version,
                    ["Stream"] = stream.ToString(),
                    ["What"] = what,
                    ["RecipientId"] = recipient,
                    ["Attempts"] = 0,
                    ["RequestedAt"] = at,
                }
            );
        }

        if (effects.RefreshQueueCard)
        {
            yield return QueueCard(c.Number, at);
        }
    }

    public static TableTransactionAction QueueCard(int number, DateTimeOffset at) =>
        new(
            TableTransactionActionType.UpsertMerge,
            new TableEntity(CaseKeys.Partition, CaseKeys.OutboxQueue(number))
            {
                ["Number"] = number,
                ["Version"] = 0,
                ["Stream"] = nameof(OutboxStream.Queue),
                ["RequestedAt"] = at,
                ["Attempts"] = 0,
                ["NextAttemptAt"] = at,
                ["Failed"] = false,
            }
        );

    public static TableEntity ToEntity(OutboxRow row) =>
        new(CaseKeys.Partition, row.Key)
        {
            ["Number"] = row.Number,
            ["Version"] = row.Version,
            ["Stream"] = row.Stream.ToString(),
            ["What"] = row.What,
            ["RecipientId"] = row.RecipientId,
            ["Attempts"] = row.Attempts,
            ["NextAttemptAt"] = row.NextAttemptAt,
            ["LeaseUntil"] = row.LeaseUntil,
            ["Claimant"] = row.Claimant,
            ["Failed"] = row.Failed,
            ["PostedMessageId"] = row.PostedMessageId,
        };

    public static OutboxRow ToRow(TableEntity e) =>
        new(
            e.RowKey,
            e.GetInt32("Number") ?? 0,
            e.GetInt32("Version") ?? 0,
            Enum.Parse<OutboxStream>(e.GetString("Stream") ?? nameof(OutboxStream.Queue)),
            e.GetString("What"),
            e.GetString("RecipientId"),
            e.GetInt32("Attempts") ?? 0,
            e.GetDateTimeOffset("NextAttemptAt"),
            e.GetDateTimeOffset("LeaseUntil"),
            e.GetString("Claimant"),
            e.GetBoolean("Failed") ?? false,
            e.GetString("PostedMessageId"),
            e.ETag.ToString(),
            e.Timestamp
        );
}
