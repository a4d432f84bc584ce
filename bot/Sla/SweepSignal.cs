namespace EscalationBot.Sla;

/// <summary>
/// Wakes the sweep before its next look: a change that makes a reminder due soon (or at once, like a raised
/// severity) gets its job within a second or so, not up to a whole <see cref="SlaOptions.SweepInterval"/> later.
/// </summary>
public sealed class SweepSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one sweep will see every change so far.
        }
    }

    /// <summary>Waits for <paramref name="interval"/> or a wake-up, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, clock, stop.Token);
        var woken = signal.WaitAsync(stop.Token);
        await Task.WhenAny(delay, woken);
        await stop.CancelAsync();
        await Task.WhenAll(delay, woken).ContinueWith(_ => { }, TaskScheduler.Default); // observe the cancelled one
        cancellationToken.ThrowIfCancellationRequested();
    }
}
