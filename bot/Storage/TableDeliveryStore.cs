using Azure;
using Azure.Data.Tables;
using EscalationBot.Deliveries;

namespace EscalationBot.Storage;

/// <summary>
/// Delivery records, in the cases' table and partition beside the case they are about (key rules in
/// <see cref="CaseKeys"/>; a shift's deliveries are case 0's).
/// </summary>
public sealed class TableDeliveryStore(TableClient table) : IDeliveryStore
{
    public async Task<ClaimResult> TryClaimAsync(
        Deliverable deliverable,
        string claimant,
        DateTimeOffset now,
        TimeSpan lease,
        CancellationToken cancellationToken
    )
    {
        var key = CaseKeys.Delivery(deliverable.Key);
        var record = CaseEntities.ToEntity(deliverable, key);
        record["State"] = "sending";
        record["Claimant"] = claimant;
        record["LeaseUntil"] = now + lease;
        try
        {
            var added = await table.AddEntityAsync(record, cancellationToken);
            var etag =
                added.Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag on an added entity.");
            return new ClaimResult(new DeliveryClaim(deliverable, claimant, etag), false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Someone reserved it before: take it over only if it is ours (a retry) or its sender went silent.
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            key,
            cancellationToken: cancellationToken
        );
        if (!existing.HasValue)
        {
            return ClaimResult.Done; // Nothing deletes delivery records: treat it as dealt with.
        }

        var current = existing.Value!;
        var mine = current.GetString("Claimant") == claimant;
        var expired = current.GetDateTimeOffset("LeaseUntil") is { } until && until <= now;
        if (current.GetString("State") != "sending")
        {
            return ClaimResult.Done;
        }

        if (!(mine || expired))
        {
            return ClaimResult.HeldElsewhere(current.GetDateTimeOffset("LeaseUntil") ?? now + lease);
        }

        try
        {
            var updated = await table.UpdateEntityAsync(
                record,
                current.ETag,
                TableUpdateMode.Replace,
                cancellationToken
            );
            var etag =
                updated.Headers.ETag?.ToString()
                ?? throw new InvalidOperationException("No ETag on an updated entity.");
            return new ClaimResult(new DeliveryClaim(deliverable, claimant, etag), false);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return ClaimResult.HeldElsewhere(now + lease); // Another sender took it over at the same moment.
        }
    }

    public async Task<bool> CompleteAsync(
        DeliveryClaim claim,
        string state,
        string? sentTo,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        var record = CaseEntities.ToEntity(claim.Deliverable, CaseKeys.Delivery(claim.Deliverable.Key));
        record["State"] = state;
        record["Claimant"] = claim.Claimant;
        record["SentAt"] = at;
        record["SentTo"] = sentTo;
        try
        {
            await table.UpdateEntityAsync(record, new ETag(claim.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Our lease ran out and another sender took it over, or this very outcome was written by an earlier try
            // whose answer was lost (a timeout): then the record already says what we meant to write.
            var now = await table.GetEntityIfExistsAsync<TableEntity>(
                CaseKeys.Partition,
                record.RowKey,
                cancellationToken: cancellationToken
            );
            return now.HasValue
                && now.Value!.GetString("Claimant") == claim.Claimant
                && now.Value.GetString("State") == state;
        }
    }

    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync(int number, CancellationToken cancellationToken)
    {
        var from = CaseKeys.DeliveryFrom(number);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {from} and RowKey lt {CaseKeys.End(from)}"
        );
        var deliveries = new List<Delivery>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var d = CaseEntities.ToDeliverable(row);
            deliveries.Add(
                new Delivery(
                    d.Key,
                    d.Number,
                    d.Kind,
                    d.Step,
                    d.Round,
                    d.DueAt,
                    row.GetString("State") ?? "",
                    row.GetDateTimeOffset("SentAt"),
                    row.GetString("SentTo")
                )
            );
        }

        return deliveries;
    }
}
