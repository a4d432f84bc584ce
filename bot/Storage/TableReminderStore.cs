using System.Globalization;
using Azure;
using Azure.Data.Tables;
using EscalationBot.Sla;

namespace EscalationBot.Storage;

/// <summary>Due-time index rows and delivery records, in the cases' table and partition (key rules in <see cref="CaseKeys"/>).</summary>
public sealed class TableReminderStore(TableClient table) : IReminderStore
{
    public async Task<IReadOnlyList<DueReminder>> DueByAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var end = CaseKeys.End(CaseKeys.DueFrom(until));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CaseKeys.Partition} and RowKey ge {CaseKeys.DuePrefix} and RowKey lt {end}");
        var due = new List<DueReminder>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            due.Add(new DueReminder(CaseEntities.ToReminder(row), row.RowKey));
        }

        return due;
    }

    public async Task IndexAsync(Reminder reminder, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(CaseEntities.ToEntity(reminder, CaseKeys.Due(reminder)), TableUpdateMode.Replace, cancellationToken);

    public async Task ForgetAsync(string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(CaseKeys.Partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another sender or sweep removed it first.
        }
    }

    public async Task<ClaimResult> TryClaimAsync(Reminder reminder, string claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var key = CaseKeys.Delivery(reminder.Key);
        var record = CaseEntities.ToEntity(reminder, key);
        record["State"] = "sending";
        record["Claimant"] = claimant;
        record["LeaseUntil"] = now + lease;
        try
        {
            var added = await table.AddEntityAsync(record, cancellationToken);
            return new ClaimResult(new DeliveryClaim(reminder, claimant, added.Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag on an added entity.")), false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Someone reserved it before: take it over only if it is ours (a retry) or its sender went silent.
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(CaseKeys.Partition, key, cancellationToken: cancellationToken);
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
            var updated = await table.UpdateEntityAsync(record, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return new ClaimResult(new DeliveryClaim(reminder, claimant, updated.Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag on an updated entity.")), false);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return ClaimResult.HeldElsewhere(now + lease); // Another sender took it over at the same moment.
        }
    }

    public async Task<bool> CompleteAsync(DeliveryClaim claim, string state, string? sentTo, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var record = CaseEntities.ToEntity(claim.Reminder, CaseKeys.Delivery(claim.Reminder.Key));
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
            var now = await table.GetEntityIfExistsAsync<TableEntity>(CaseKeys.Partition, record.RowKey, cancellationToken: cancellationToken);
            return now.HasValue && now.Value!.GetString("Claimant") == claim.Claimant && now.Value.GetString("State") == state;
        }
    }

    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync(int number, CancellationToken cancellationToken)
    {
        var from = CaseKeys.DeliveryFrom(number);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CaseKeys.Partition} and RowKey ge {from} and RowKey lt {CaseKeys.End(from)}");
        var deliveries = new List<Delivery>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var r = CaseEntities.ToReminder(row);
            deliveries.Add(new Delivery(r.Key, r.Number, r.Chase, r.Step, r.Round, r.DueAt, row.GetString("State") ?? "", row.GetDateTimeOffset("SentAt"), row.GetString("SentTo")));
        }

        return deliveries;
    }
}
