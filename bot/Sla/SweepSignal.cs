using System.Collections.Concurrent;

namespace EscalationBot.Sla;

/// <summary>
/// Hands the sweep the due-time rows a change has just committed, when one is due soon (or at once, like a raised
/// severity): it gets its job within a second or so, not up to a whole <see cref="SlaOptions.SweepInterval"/> later,
/// and without the sweep reading the whole index again for it. A row handed here is committed; if this instance
/// stops before planning it, the next sweep of any instance reads it.
/// </summary>
public sealed class SweepSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly ConcurrentQueue<DueReminder> written = new();

    public void Wake(IEnumerable<DueReminder> rows)
    {
        foreach (var row in rows)
        {
            written.Enqueue(row);
        }

        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; the sweep takes every row handed so far.
        }
    }

    /// <summary>The rows handed since the last call.</summary>
    public List<DueReminder> TakeWritten()
    {
        var rows = new List<DueReminder>();
        while (written.TryDequeue(out var row))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Waits until <paramref name="until"/> or a wake-up, whichever comes first.</summary>
    public async Task WaitAsync(DateTimeOffset until, TimeProvider clock, CancellationToken cancellationToken)
    {
        var interval = until - clock.GetUtcNow();
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, clock, stop.Token);
        var woken = signal.WaitAsync(stop.Token);
        await Task.WhenAny(delay, woken);
        await stop.CancelAsync();
        await Task.WhenAll(delay, woken).ContinueWith(_ => { }, TaskScheduler.Default); // observe the cancelled one
        cancellationToken.ThrowIfCancellationRequested();
    }
}
