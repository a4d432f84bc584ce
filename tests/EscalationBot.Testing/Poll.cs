namespace EscalationBot.Testing;

/// <summary>Waits for a condition that other threads or processes bring about: poll until it holds, or fail after a generous ceiling.</summary>
public static class Poll
{
    public static Task<T> UntilAsync<T>(Func<T> read, Func<T, bool> done, string what, int timeoutSeconds = 60) =>
        UntilAsync(() => Task.FromResult(read()), done, what, timeoutSeconds);

    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> read,
        Func<T, bool> done,
        string what,
        int timeoutSeconds = 60
    )
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                var seen = last is System.Collections.IEnumerable items and not string
                    ? "[" + string.Join(", ", items.Cast<object>()) + "]"
                    : last?.ToString();
                throw new TimeoutException($"Not within {timeoutSeconds} s: {what}. Last seen: {seen}");
            }

            await Task.Delay(100);
            last = await read();
        }

        return last;
    }
}
