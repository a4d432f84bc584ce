using System.Collections.Concurrent;

namespace EscalationBot.Tests.Jobs;

/// <summary>A job that only counts its runs, so a test can tell whether, and how often, a server ran it.</summary>
public static class JobProbe
{
    private static readonly ConcurrentDictionary<string, int> Runs = new();

    public static void Record(string marker) => Runs.AddOrUpdate(marker, 1, (_, n) => n + 1);

    public static int RunsOf(string marker) => Runs.TryGetValue(marker, out var n) ? n : 0;
}
