using System.Collections.Concurrent;
using System.Net;

namespace EscalationBot.Benchmarks;

/// <summary>
/// Issue 13's goal 8: the load parts talk only to this machine. Each address they use is checked here first (an IP
/// literal on the loopback interface, not a name to resolve), and a run stops on any other.
/// </summary>
internal static class Loopback
{
    private static readonly ConcurrentDictionary<string, string> Seen = new();

    public static void Require(string what, Uri address)
    {
        if (!IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) || !IPAddress.IsLoopback(ip))
        {
            throw new InvalidOperationException($"The {what} is at {address}, not on this machine: refusing to run.");
        }

        Seen[what] = address.Host;
    }

    /// <summary>What was checked so far, for the report: "bot 127.0.0.1, ...".</summary>
    public static string Checked() => string.Join(", ", Seen.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"));
}
