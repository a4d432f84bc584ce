using System.Collections.Concurrent;
using System.Diagnostics;
using EscalationBot.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Benchmarks;

/// <summary>
/// Issue 13's goals 3 and 4: a burst of intakes on a grown table (<see cref="LoadBot"/>: the bot as its own process,
/// its Hangfire server and background services on). <c>inFlight</c> loops, each a partner manager of its own, submit
/// intake forms back to back (each names a post and page of its own: <see cref="LoadBot.Intake"/>) until
/// <c>intakes</c> are sent. Goal 3: intakes per second, latency, refusals and failures, and the case numbers given.
/// Goal 4: for each case filed, the seconds from its intake's answer to its queue card's post reaching the recording
/// connector (the post whose card's buttons name the case), waiting at most <see cref="Wait"/> after the burst.
/// </summary>
internal static class BurstBenchmark
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CardTarget = TimeSpan.FromSeconds(10);
    private const int WarmUp = 16;

    private sealed record Intake(double Ms, DateTimeOffset AnsweredAt, string? CaseId, string? Failure);

    public static async Task RunAsync(int intakes = 600, int inFlight = 16)
    {
        await using var load = await LoadBot.StartAsync();
        var activities = load.Activities;
        var connector = load.Connector;

        // Warm up (JIT, connection pool): filed like the others, but neither timed nor counted.
        var warm = new TestUser("pm-burst-warm", "Warm-up Reporter");
        for (var i = 0; i < WarmUp; i++)
        {
            await SubmitAsync(load, warm);
        }

        Console.Error.WriteLine($"  burst: {intakes} intakes, {inFlight} in flight");
        var results = new ConcurrentQueue<Intake>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(1, inFlight)
                .Select(async loop =>
                {
                    var reporter = new TestUser($"pm-burst-{loop}", $"Burst Reporter {loop}");
                    while (Interlocked.Increment(ref sent) <= intakes)
                    {
                        results.Enqueue(await SubmitAsync(load, reporter));
                    }
                })
        );
        var burst = clock.Elapsed;
        var burstEnd = DateTimeOffset.UtcNow;

        var filed = results.Where(r => r.CaseId is not null).ToList();
        var cards = new Dictionary<string, DateTimeOffset>();
        while (clock.Elapsed < burst + Wait)
        {
            cards = QueueCardPosts(connector);
            if (filed.All(r => cards.ContainsKey(r.CaseId!)))
            {
                break;
            }

            await Task.Delay(250);
        }

        Report(intakes, inFlight, load, results.ToList(), burst, burstEnd, cards);
    }

    private static async Task<Intake> SubmitAsync(LoadBot load, TestUser reporter)
    {
        var activity = load.Intake(reporter);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (status, body) = await load.Bot.PostAsync(activity);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var answer = body.Length > 0 ? JObject.Parse(body) : null;
            return status is >= 200 and < 300 && LoadBot.FiledCase(answer) is { } id
                ? new Intake(ms, DateTimeOffset.UtcNow, id, null)
                : new Intake(ms, DateTimeOffset.UtcNow, null, $"{status}: {body[..Math.Min(200, body.Length)]}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new Intake(ms, DateTimeOffset.UtcNow, null, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>The first post of each case's card to the queue channel (the card whose buttons name it).</summary>
    private static Dictionary<string, DateTimeOffset> QueueCardPosts(RecordingConnector connector)
    {
        var posts = new Dictionary<string, DateTimeOffset>();
        foreach (var call in connector.Calls.Where(c => c.IsPost && c.ConversationId == Activities.QueueChannel))
        {
            var id = call.Card?.Descendants().OfType<JProperty>().FirstOrDefault(p => p.Name == "caseId")?.Value;
            if (id?.Type == JTokenType.String && !posts.ContainsKey((string)id!))
            {
                posts[(string)id!] = call.ReceivedAt;
            }
        }

        return posts;
    }

    private static void Report(
        int intakes,
        int inFlight,
        LoadBot load,
        List<Intake> results,
        TimeSpan burst,
        DateTimeOffset burstEnd,
        Dictionary<string, DateTimeOffset> cards
    )
    {
        var filed = results.Where(r => r.CaseId is not null).ToList();
        var failed = results.Where(r => r.Failure is not null).ToList();
        var latency = new Stats(results.Select(r => r.Ms));
        var numbers = filed.Select(r => int.Parse(r.CaseId!["ESC-".Length..])).ToList();
        var unique = numbers.Distinct().Count() == numbers.Count;
        var longest = numbers.Count > 0 ? $"ESC-{numbers.Max()}" : "none";
        Console.WriteLine();
        Console.WriteLine(
            $"Intake burst (issue 13, goals 3 and 4): {intakes} intake submits, {inFlight} in flight ({inFlight} "
                + $"partner managers), through /api/messages; {Environment.ProcessorCount} cores, shared"
        );
        Console.WriteLine(
            $"  the bot as its own process (GC: {LoadBot.GcSettings()}), Hangfire and background services on, "
                + $"queue bound; {load.LastSeeded:N0} cases seeded, ESC-{load.FirstOpen}..ESC-{load.LastSeeded} open"
        );
        Console.WriteLine(
            $"  {results.Count / burst.TotalSeconds:F1} intakes/s over {burst.TotalSeconds:F1} s; intake ms: median "
                + $"{latency.Median:F0}, p99 {latency.P(0.99):F0}, max {latency.Max:F0}; "
                + $"refused or failed {failed.Count}"
        );
        foreach (var failure in failed.GroupBy(f => LoadBot.OneLine(f.Failure!)).Take(3))
        {
            Console.WriteLine($"    failed {failure.Count()}x: {failure.Key}");
        }

        load.PrintLoggedExceptions();
        Console.WriteLine(
            numbers.Count == 0
                ? "  case numbers: none filed"
                : $"  case numbers: {numbers.Count} filed, ESC-{numbers.Min()}..ESC-{numbers.Max()}, "
                    + $"unique: {(unique ? "yes" : "NO")}, longest {longest.Length} characters ({longest})"
        );

        var lags = filed
            .Where(r => cards.ContainsKey(r.CaseId!))
            .Select(r => (cards[r.CaseId!] - r.AnsweredAt).TotalSeconds)
            .ToList();
        var missing = filed.Count - lags.Count;
        var late = lags.Count(s => s > CardTarget.TotalSeconds) + missing;
        var lastCard = filed.Where(r => cards.ContainsKey(r.CaseId!)).Select(r => cards[r.CaseId!]).DefaultIfEmpty();
        if (lags.Count > 0)
        {
            var lag = new Stats(lags);
            Console.WriteLine(
                $"  queue card, s from the intake's answer to its post: median {lag.Median:F2}, p99 {lag.P(0.99):F2}, "
                    + $"max {lag.Max:F2}; last card {(lastCard.Max() - burstEnd).TotalSeconds:F1} s after the burst "
                    + "ended"
            );
        }

        Console.WriteLine(
            $"  queue cards later than {CardTarget.TotalSeconds:F0} s (or never): {late} of {filed.Count}; "
                + $"not posted at all {Wait.TotalSeconds:F0} s after the burst: {missing}"
        );
        Goals.Print(
            3,
            $"{inFlight} intakes in flight: p99 <= 1,000 ms, none refused, case numbers unique, <= 5 digits",
            $"p99 {latency.P(0.99):F0} ms, {failed.Count} refused or failed, unique {(unique ? "yes" : "no")}, "
                + $"longest {longest}",
            latency.P(0.99) <= 1_000 && failed.Count == 0 && unique && longest.Length <= "ESC-99999".Length
        );
        Goals.Print(
            4,
            $"every queue card posted within {CardTarget.TotalSeconds:F0} s of its filing",
            $"{late} of {filed.Count} later or never, max {(lags.Count > 0 ? lags.Max() : 0):F1} s",
            late == 0 && filed.Count > 0
        );
    }
}
