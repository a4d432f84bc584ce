using System.Diagnostics;
using EscalationBot.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Benchmarks;

/// <summary>
/// Issue 13's goal 5: <c>specialists</c> distinct specialists on the roster press Claim on the same new case at once,
/// as invokes from the queue channel through /api/messages, on a grown table (<see cref="LoadBot"/>). Each round files
/// a case, then releases every press together. Exactly one press may win (answered with the claimed case's card, the
/// rest with "already claimed by"), and the stored case must name the winner as its owner. Latency is each press's,
/// from its release to its answer, across all rounds; one round before them warms up, untimed.
/// </summary>
internal static class ClaimBenchmark
{
    private sealed record Press(TestUser Specialist, double Ms, JObject? Answer, int Status);

    public static async Task RunAsync(int specialists = 100, int rounds = 10)
    {
        var roster = People.ManySpecialists(specialists).ToList();
        // After BotHost.BaseSettings' two specialists, as it rosters its first 20 of these.
        var settings = roster
            .Select((s, i) => (i, s))
            .ToDictionary(p => $"Roster:Specialists:{p.i + 2}", p => (string?)("aad:" + p.s.Id));
        await using var load = await LoadBot.StartAsync(settings);

        Console.Error.WriteLine($"  claims: {rounds} rounds of {specialists} presses, after 1 to warm up");
        var times = new List<double>();
        var problems = new List<string>();
        var winners = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var caseId = await FileAsync(load);
            var presses = await PressAllAsync(load, roster, caseId);
            var won = presses.Where(p => LoadBot.IsCard(p.Answer)).ToList();
            // "ESC-n is already claimed by …": judged against the winner, not failed.
            var refused = presses.Count(p =>
                Text(p.Answer)?.Contains("is already claimed by", StringComparison.Ordinal) == true
            );
            var stored = await load.Cases.GetEntityAsync<Azure.Data.Tables.TableEntity>(
                StorageFormats.Partition,
                StorageFormats.CaseKey(int.Parse(caseId["ESC-".Length..]))
            );
            var owner = stored.Value.GetString("OwnerId");
            if (won.Count != 1 || refused != presses.Count - 1 || owner != won[0].Specialist.Id)
            {
                problems.Add(
                    $"{caseId}: {won.Count} won, {refused} refused, {presses.Count - won.Count - refused} other "
                        + $"(statuses {string.Join(",", presses.Select(p => p.Status).Distinct())}), owner {owner}; "
                        + Other(presses)
                );
            }
            else if (round > 0)
            {
                winners++;
            }

            if (round > 0)
            {
                times.AddRange(presses.Select(p => p.Ms));
            }
        }

        var stats = new Stats(times);
        Console.WriteLine();
        Console.WriteLine(
            $"Claim storm (issue 13, goal 5): {specialists} specialists press Claim on the same new case at once, "
                + $"{rounds} cases; {Environment.ProcessorCount} cores, shared"
        );
        Console.WriteLine(
            $"  the bot as its own process (GC: {LoadBot.GcSettings()}), {load.LastSeeded:N0} cases seeded "
                + $"({load.LastSeeded - load.FirstOpen + 1:N0} open), queue bound"
        );
        Console.WriteLine(
            $"  {stats.Count} presses: median {stats.Median:F0} ms, p99 {stats.P(0.99):F0} ms, max {stats.Max:F0} ms; "
                + $"cases with exactly one winner, stored as the owner: {winners} of {rounds}"
        );
        foreach (var problem in problems)
        {
            Console.WriteLine($"    not one winner: {problem}");
        }

        Goals.Print(
            5,
            $"{specialists} specialists pressing Claim at once: one winner, p99 <= 500 ms",
            $"{winners} of {rounds} cases with one winner, p99 {stats.P(0.99):F0} ms",
            winners == rounds && problems.Count == 0 && stats.P(0.99) <= 500
        );
    }

    /// <summary>The first answer that was neither the card nor "already claimed", shortened.</summary>
    private static string Other(List<Press> presses)
    {
        var other = presses
            .Where(p => !LoadBot.IsCard(p.Answer))
            .Select(p => Text(p.Answer) ?? $"{p.Status} {p.Answer}")
            .FirstOrDefault(v => !v.Contains("is already claimed by", StringComparison.Ordinal));
        return other is null ? "" : $"first other answer: {other[..Math.Min(120, other.Length)]}";
    }

    /// <summary>A message answer's text (an invoke answered with a card has none).</summary>
    private static string? Text(JObject? answer) =>
        answer?["value"] is JValue { Type: JTokenType.String } text ? (string?)text : null;

    private static async Task<string> FileAsync(LoadBot load)
    {
        var answer = JObject.Parse((await load.Bot.PostAsync(load.Intake(People.Reporter))).Body);
        return LoadBot.FiledCase(answer) ?? throw new InvalidOperationException($"The intake was not filed: {answer}");
    }

    private static async Task<List<Press>> PressAllAsync(LoadBot load, List<TestUser> roster, string caseId)
    {
        using var start = new SemaphoreSlim(0);
        var presses = roster
            .Select(specialist =>
                Task.Run(async () =>
                {
                    var activity = load.Activities.Invoke(
                        specialist,
                        "claim",
                        new JObject { ["caseId"] = caseId },
                        Activities.QueueChannel
                    );
                    await start.WaitAsync();
                    var started = Stopwatch.GetTimestamp();
                    var (status, body) = await load.Bot.PostAsync(activity);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    return new Press(specialist, ms, body.Length > 0 ? JObject.Parse(body) : null, status);
                })
            )
            .ToList();
        start.Release(roster.Count);
        return [.. await Task.WhenAll(presses)];
    }
}
