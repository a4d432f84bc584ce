using System.Diagnostics;
using EscalationBot.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Benchmarks;

/// <summary>
/// The two turns people wait on, through /api/messages against a real Azurite:
///   intake submit (validate, allocate the id, write case + index + audit, answer with the confirmation card)
///   claim          (read, decide, conditional write, answer with the refreshed card)
/// Medians and p99s, their ratio, and managed allocation per turn.
/// </summary>
internal static class TurnBenchmark
{
    public static async Task RunAsync(int turns)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector);
        var activities = new Activities(connector);
        var personal = Activities.Personal(People.Reporter);

        // Warm up: JIT, connection pools, table creation.
        for (var i = 0; i < 20; i++)
        {
            await host.SendAsync(activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        }

        var warmCases = 20;
        var intake = await MeasureAsync(
            turns,
            _ => host.SendAsync(activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal))
        );
        var claim = await MeasureAsync(
            turns,
            i =>
                host.SendAsync(
                    activities.Invoke(
                        People.Specialist,
                        "claim",
                        new JObject { ["caseId"] = $"ESC-{warmCases + i + 1}" },
                        Activities.QueueChannel
                    )
                )
        );

        Console.WriteLine(
            $"EscalationBot turn benchmark: {turns} turns each, sequential, against Azurite; {Environment.ProcessorCount} cores"
        );
        Console.WriteLine($"{"turn", -15}{"median ms", 12}{"p99 ms", 12}{"max ms", 12}{"alloc KiB/turn", 16}");
        Report("intake submit", intake);
        Report("claim", claim);
        Console.WriteLine($"ratio claim/intake (median): {claim.Median / intake.Median:F2}");
    }

    private static void Report(string name, Measurement m) =>
        Console.WriteLine($"{name, -15}{m.Median, 12:F2}{m.P99, 12:F2}{m.Max, 12:F2}{m.AllocatedKiB, 16:F1}");

    private static async Task<Measurement> MeasureAsync(int count, Func<int, Task<JObject?>> turn)
    {
        var times = new double[count];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var answer = await turn(i);
            times[i] = watch.Elapsed.TotalMilliseconds;
            if (answer?.Value<string>("type") != "application/vnd.microsoft.card.adaptive")
            {
                throw new InvalidOperationException($"Turn {i} was not accepted: {answer}");
            }
        }

        var perTurn = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / count;
        var stats = new Stats(times);
        return new Measurement(stats.Median, stats.P(0.99), stats.Max, perTurn);
    }

    private sealed record Measurement(double Median, double P99, double Max, double AllocatedKiB);
}
