using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using EscalationBot.Shifts;

namespace EscalationBot.Storage;

/// <summary>Posted digests, in the cases' table and partition: <c>handover|002|000001764000000</c> per run of a shift.</summary>
public sealed class TableHandoverStore(TableClient table) : IHandoverStore
{
    private const string Prefix = "handover|";

    public async Task AddAsync(PostedDigest digest, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(ToEntity(digest), TableUpdateMode.Replace, cancellationToken);

    public async Task<PostedDigest?> GetAsync(
        int shiftIndex,
        DateTimeOffset runStart,
        CancellationToken cancellationToken
    )
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            Key(shiftIndex, runStart),
            cancellationToken: cancellationToken
        );
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        return new PostedDigest(
            e.GetInt32("ShiftIndex") ?? 0,
            e.GetDateTimeOffset("RunStart") ?? runStart,
            JsonSerializer.Deserialize<DigestSnapshot>(e.GetString("View") ?? "null")
                ?? throw new InvalidDataException($"Digest {e.RowKey} has no view."),
            JsonSerializer.Deserialize<List<PostedMessage>>(e.GetString("Messages") ?? "[]") ?? [],
            e.GetDateTimeOffset("PostedAt") ?? runStart,
            e.ETag.ToString()
        );
    }

    public async Task<bool> TryReplaceAsync(PostedDigest updated, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(
                ToEntity(updated),
                new ETag(updated.ETag),
                TableUpdateMode.Replace,
                cancellationToken
            );
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private static string Key(int shiftIndex, DateTimeOffset runStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{shiftIndex:D3}|{runStart.ToUnixTimeSeconds():D15}");

    private static TableEntity ToEntity(PostedDigest d) =>
        new(CaseKeys.Partition, Key(d.ShiftIndex, d.RunStart))
        {
            ["ShiftIndex"] = d.ShiftIndex,
            ["RunStart"] = d.RunStart,
            ["View"] = JsonSerializer.Serialize(d.View),
            ["Messages"] = JsonSerializer.Serialize(d.Messages),
            ["PostedAt"] = d.PostedAt,
        };
}
