using System.Collections.Concurrent;
using System.Diagnostics;
using EscalationBot.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Benchmarks;

/// <summary>
/// Issue 13's goal 6: the bot's memory under steady mixed load. The bot runs as its own process on a grown table
/// (<see cref="LoadBot"/>), driven open-loop at <c>rate</c> activities a second for <c>duration</c>: activity k is sent
/// at k / rate seconds whether or not the earlier ones were answered (at most <see cref="MaxInFlight"/> at a time; any
/// beyond are counted, not sent). The mix repeats every 10: 3 <c>help</c> in a 1:1 chat, 3 <c>status ESC-n</c> of a
/// seeded open case and 2 <c>queue</c> typed in the queue channel, 2 intake submits. The bot process's resident memory
/// (VmRSS in /proc/&lt;pid&gt;/status) is sampled every 10 s; flatness is judged after a warm-up (the first minute,
/// or the first fifth of a shorter run).
/// </summary>
internal static class SoakBenchmark
{
    private const int MaxInFlight = 200;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly string[] Mix =
    [
        "help",
        "status",
        "queue",
        "intake",
        "help",
        "status",
        "status",
        "intake",
        "help",
        "queue",
    ];

    public static async Task RunAsync(TimeSpan duration, double rate = 20)
    {
        await using var load = await LoadBot.StartAsync();
        var pid = load.Bot.ProcessId;
        var warmUp = TimeSpan.FromSeconds(Math.Min(60, duration.TotalSeconds / 5));
        var random = new Random(13);
        var latencies = Mix.Distinct().ToDictionary(k => k, _ => new ConcurrentQueue<double>());
        var errors = new ConcurrentQueue<string>();
        using var slots = new SemaphoreSlim(MaxInFlight);
        var pending = new List<Task>();
        var skipped = 0;
        var samples = new List<(double Seconds, double Mb)> { (0, RssMb(pid)) };
        Console.Error.WriteLine(
            $"  soak: {rate}/s for {duration.TotalSeconds:F0} s, RSS every {SampleEvery.TotalSeconds:F0} s"
        );

        var clock = Stopwatch.StartNew();
        var nextSample = SampleEvery;
        var sent = 0;
        for (var k = 0; ; k++)
        {
            var at = TimeSpan.FromSeconds(k / rate);
            if (at >= duration)
            {
                break;
            }

            if (at > clock.Elapsed)
            {
                await Task.Delay(at - clock.Elapsed);
            }

            if (clock.Elapsed >= nextSample)
            {
                samples.Add((clock.Elapsed.TotalSeconds, RssMb(pid)));
                nextSample += SampleEvery;
            }

            if (!slots.Wait(0))
            {
                skipped++;
                continue;
            }

            var kind = Mix[k % Mix.Length];
            pending.Add(SendAsync(load, kind, Activity(load, kind, k, random), latencies[kind], errors, slots));
            sent++;
        }

        var driven = clock.Elapsed;
        await Task.WhenAll(pending);
        samples.Add((clock.Elapsed.TotalSeconds, RssMb(pid)));
        Report(load, duration, rate, warmUp, driven, sent, skipped, latencies, errors, samples);
    }

    private static JObject Activity(LoadBot load, string kind, int k, Random random)
    {
        var specialist = People.Specialist;
        return kind switch
        {
            "help" => load.Activities.Message(specialist, "help", Activities.Personal(specialist)),
            "status" => load.Activities.Message(
                specialist,
                $"status ESC-{random.Next(load.FirstOpen, load.LastSeeded + 1)}",
                Activities.QueueChannel
            ),
            "queue" => load.Activities.Message(specialist, "queue", Activities.QueueChannel),
            _ => load.Intake(new TestUser($"pm-soak-{k % 16}", $"Soak Reporter {k % 16}")),
        };
    }

    private static async Task SendAsync(
        LoadBot load,
        string kind,
        JObject activity,
        ConcurrentQueue<double> latencies,
        ConcurrentQueue<string> errors,
        SemaphoreSlim slots
    )
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (status, body) = await load.Bot.PostAsync(activity, timeout.Token);
            latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var filed = kind != "intake" || LoadBot.FiledCase(body.Length > 0 ? JObject.Parse(body) : null) is not null;
            if (status is < 200 or > 299 || !filed)
            {
                errors.Enqueue($"{kind}: {status} {body[..Math.Min(160, body.Length)]}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            errors.Enqueue($"{kind}: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Resident memory of the process, in MB (VmRSS is in kB).</summary>
    private static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) / 1024.0;
    }

    private static void Report(
        LoadBot load,
        TimeSpan duration,
        double rate,
        TimeSpan warmUp,
        TimeSpan driven,
        int sent,
        int skipped,
        Dictionary<string, ConcurrentQueue<double>> latencies,
        ConcurrentQueue<string> errors,
        List<(double Seconds, double Mb)> samples
    )
    {
        Console.WriteLine();
        Console.WriteLine(
            $"Soak (issue 13, goal 6): {rate:F0} activities/s for {duration.TotalSeconds:F0} s, open loop, through "
                + $"/api/messages; mix per 10: 3 help (1:1), 3 status ESC-n and 2 queue (queue channel), 2 intakes; "
                + $"{Environment.ProcessorCount} cores, shared"
        );
        Console.WriteLine(
            $"  the bot as its own process (GC: {LoadBot.GcSettings()}), Hangfire and background services on; "
                + $"{load.LastSeeded:N0} cases seeded, {load.LastSeeded - load.FirstOpen + 1:N0} open, plus the intakes"
        );
        var answered = latencies.Values.Sum(q => q.Count);
        Console.WriteLine(
            $"  sent {sent} in {driven.TotalSeconds:F0} s ({sent / driven.TotalSeconds:F1}/s achieved), answered "
                + $"{answered}; errors {errors.Count} (not 2xx, intake not filed, or no answer in "
                + $"{Timeout.TotalSeconds:F0} s); not sent ({MaxInFlight} in flight) {skipped}"
        );
        foreach (var kind in errors.GroupBy(e => e[..e.IndexOf(':')]))
        {
            Console.WriteLine(
                $"    {kind.Key} errors: {kind.Count()}; the first: "
                    + LoadBot.OneLine(kind.First()[(kind.Key.Length + 2)..])
            );
        }

        load.PrintLoggedExceptions();
        Console.WriteLine(
            "  latency ms, median / p99: "
                + string.Join(
                    ", ",
                    latencies
                        .Where(p => !p.Value.IsEmpty)
                        .Select(p => new { p.Key, Stats = new Stats(p.Value) })
                        .Select(p => $"{p.Key} {p.Stats.Median:F0} / {p.Stats.P(0.99):F0}")
                )
        );
        Console.WriteLine("  bot RSS MB: " + string.Join(", ", samples.Select(s => $"{s.Seconds:F0} s {s.Mb:F0}")));
        var steady = new Stats(samples.Where(s => s.Seconds >= warmUp.TotalSeconds).Select(s => s.Mb));
        var flatness = (steady.Max - steady.Min) / steady.Median;
        var deviation = Math.Max(steady.Max - steady.Median, steady.Median - steady.Min) / steady.Median;
        Console.WriteLine(
            $"  after the first {warmUp.TotalSeconds:F0} s: min {steady.Min:F0}, median {steady.Median:F0}, max "
                + $"{steady.Max:F0} MB; flatness (max-min)/median {flatness:P0}, farthest from the median "
                + $"{deviation:P0}"
        );
        var full = duration >= TimeSpan.FromMinutes(5);
        Goals.Print(
            6,
            "RSS <= 200 MB and flat (within +-10% of the median) over 5 min at 20 activities/s, 2,000+ open cases",
            $"max {samples.Max(s => s.Mb):F0} MB, within {deviation:P0} of the median after the warm-up, over "
                + $"{duration.TotalSeconds:F0} s{(full ? "" : " (shorter than the goal's 5 min)")} at "
                + $"{sent / driven.TotalSeconds:F1}/s, {errors.Count} errors",
            full && samples.Max(s => s.Mb) <= 200 && deviation <= 0.10 && rate >= 20 && errors.IsEmpty
        );
    }
}
