using Azure.Data.Tables;
using EscalationBot.Cases;
using Microsoft.Extensions.Caching.Memory;

namespace EscalationBot.Storage;

/// <summary>
/// The newest audit entries of a case at one version, kept in memory per case: a card shows them after every change,
/// and the same version is shown many times at once (the presser's answer and the queue card; the answers of a
/// hundred specialists who pressed Claim together). Audit rows are only ever added, one per version, so the entries
/// of a version never change: whatever is kept for it is right on any instance. A change this instance commits
/// extends what it keeps for the version before; another instance's change only makes the next read go to storage.
/// Concurrent reads of the same version share one request.
/// </summary>
internal sealed class RecentHistories : IDisposable
{
    /// <summary>The most entries kept per case; a longer read goes to storage.</summary>
    public const int Kept = 20;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    /// <summary>Entries of versions <c>max(1, Version - Kept + 1)..Version</c>, oldest first.</summary>
    private sealed record Held(int Version, Task<IReadOnlyList<AuditEntry>> Entries);

    /// <summary>
    /// The newest <paramref name="count"/> entries up to <paramref name="version"/>; <paramref name="read"/> reads the
    /// entries from a version to <paramref name="version"/> when none are kept for it, for every caller waiting on it, so
    /// it is not cancelled with the first.
    /// </summary>
    public async Task<RecentHistory> GetAsync(
        int number,
        int version,
        int count,
        Func<int, Task<IReadOnlyList<AuditEntry>>> read,
        CancellationToken cancellationToken
    )
    {
        var first = Math.Max(1, version - count + 1);
        if (count > Kept)
        {
            return new RecentHistory(await read(first), first - 1);
        }

        if (!cache.TryGetValue(number, out Held? held) || held!.Version != version)
        {
            var newest = held;
            held = new Held(version, read(Math.Max(1, version - Kept + 1)));
            if (newest is null || newest.Version < version)
            {
                Keep(number, held); // an old version read is not kept over a newer one
            }
        }

        IReadOnlyList<AuditEntry> entries;
        try
        {
            entries = await held.Entries.WaitAsync(cancellationToken);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            if (cache.TryGetValue(number, out Held? kept) && ReferenceEquals(kept, held))
            {
                cache.Remove(number);
            }

            throw;
        }

        return new RecentHistory(entries.TakeLast(version - first + 1).ToList(), first - 1);
    }

    /// <summary>
    /// A change this instance committed at <paramref name="version"/>, with its audit row: what is kept for the version
    /// before, with this entry, is the history at this version.
    /// </summary>
    public void Committed(int number, int version, TableEntity auditRow)
    {
        var entry = AuditEntities.ToAudit(auditRow); // as a read would give it
        if (version == 1)
        {
            Keep(number, new Held(1, Task.FromResult<IReadOnlyList<AuditEntry>>([entry])));
        }
        else if (
            cache.TryGetValue(number, out Held? before)
            && before!.Version == version - 1
            && before.Entries.IsCompletedSuccessfully
        )
        {
            var entries = before.Entries.Result.Append(entry).TakeLast(Kept).ToList();
            Keep(number, new Held(version, Task.FromResult<IReadOnlyList<AuditEntry>>(entries)));
        }
    }

    private void Keep(int number, Held held) =>
        cache.Set(number, held, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });

    public void Dispose() => cache.Dispose();
}
