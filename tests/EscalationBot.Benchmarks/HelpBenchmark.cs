using System.Diagnostics;
using System.Net;
using EscalationBot.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Benchmarks;

/// <summary>
/// Issue 13's goal 7: <c>help</c> typed in a 1:1 chat with our bot against the same message to a bare echo bot
/// (<see cref="EchoHost"/>). Both run in this process, over real HTTP on ports of their own (ours is
/// <see cref="BotHost"/> on Kestrel, with its Hangfire server and background services on), and both answer by posting
/// to the same <see cref="RecordingConnector"/> as serviceUrl, so a turn is the same work minus our handler: the
/// request, the adapter, one post to the connector. Turns are sequential; the two bots take turns by rounds, the
/// first of a round alternating, and each round's medians give one ratio.
/// </summary>
internal static class HelpBenchmark
{
    private const int WarmUp = 100;

    public static async Task RunAsync(int rounds = 7, int turns = 200)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var connector = await RecordingConnector.StartAsync();
        Loopback.Require("recording connector", new Uri(connector.ServiceUrl));
        var port = FreePort.Next();
        // Kestrel warns that it overrides the bot's default address: that is the point.
        var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error" };
        await using var ours = new BotHost(azurite, connector, extra: quiet);
        ours.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        ours.StartServer();
        var oursAddress = new Uri($"http://127.0.0.1:{port}");
        Loopback.Require("bot", oursAddress);
        await using var echo = await EchoHost.StartAsync();

        var activities = new Activities(connector);
        var user = People.Specialist;
        using var oursClient = new HttpClient { BaseAddress = oursAddress };
        using var echoClient = new HttpClient { BaseAddress = echo.Address };
        var help = new Side(oursClient, () => activities.Message(user, "help", Activities.Personal(user)));
        var echoed = new Side(echoClient, () => activities.Message(user, "help", "a:personal-echo"));
        await MedianAsync(help, WarmUp);
        await MedianAsync(echoed, WarmUp);

        var replies = connector.Calls.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        if (
            replies.GetValueOrDefault(Activities.Personal(user)) < WarmUp
            || replies.GetValueOrDefault("a:personal-echo") < WarmUp
        )
        {
            throw new InvalidOperationException("A bot did not answer every warm-up turn through the connector.");
        }

        Console.Error.WriteLine($"  help: {rounds} rounds of {turns} turns each, after {WarmUp} to warm up");
        var rows = new List<(double Ours, double Echo)>();
        for (var round = 0; round < rounds; round++)
        {
            double oursMedian,
                echoMedian;
            if (round % 2 == 0)
            {
                oursMedian = await MedianAsync(help, turns);
                echoMedian = await MedianAsync(echoed, turns);
            }
            else
            {
                echoMedian = await MedianAsync(echoed, turns);
                oursMedian = await MedianAsync(help, turns);
            }

            rows.Add((oursMedian, echoMedian));
        }

        Console.WriteLine();
        Console.WriteLine(
            $"help against a bare echo bot (issue 13, goal 7): {rounds} rounds of {turns} sequential turns each, "
                + $"over HTTP to /api/messages, both in this process; {Environment.ProcessorCount} cores, shared"
        );
        Console.WriteLine($"{"round", 7}{"first", 7}{"help median ms", 16}{"echo median ms", 16}{"ratio", 8}");
        foreach (var (row, round) in rows.Select((r, i) => (r, i)))
        {
            Console.WriteLine(
                $"{round + 1, 7}{(round % 2 == 0 ? "help" : "echo"), 7}{row.Ours, 16:F2}{row.Echo, 16:F2}"
                    + $"{row.Ours / row.Echo, 8:F2}"
            );
        }

        var ratio = new Stats(rows.Select(r => r.Ours / r.Echo)).Median;
        Console.WriteLine(
            $"  median ratio {ratio:F2} (rounds' ratios {new Stats(rows.Select(r => r.Ours / r.Echo)).Min:F2}-"
                + $"{new Stats(rows.Select(r => r.Ours / r.Echo)).Max:F2})"
        );
        Goals.Print(7, "help <= 1.2x the bare echo bot (median of the rounds' ratios)", $"{ratio:F2}x", ratio <= 1.2);
    }

    /// <summary>A bot and the activity it is sent, built (and serialized) before each turn's timing starts.</summary>
    private sealed record Side(HttpClient Client, Func<JObject> Activity);

    private static async Task<double> MedianAsync(Side side, int turns)
    {
        var times = new double[turns];
        for (var i = 0; i < turns; i++)
        {
            var body = side.Activity().ToString();
            var started = Stopwatch.GetTimestamp();
            await TurnAsync(side.Client, body);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return new Stats(times).Median;
    }

    private static async Task TurnAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/messages", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"/api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
            );
        }
    }
}
