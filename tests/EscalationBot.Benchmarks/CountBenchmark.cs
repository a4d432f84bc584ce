using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Benchmarks;

/// <summary>
/// Issue 13's first goal: how many storage round trips each turn costs and how many entities it reads, at two table
/// sizes. The real bot (<see cref="BotHost"/>) talks to Azurite through a <see cref="CountingProxy"/>; the tables are
/// seeded beforehand, past the proxy (cases in the bot's own rows, <see cref="CaseTableSeed"/>; partner managers
/// through the bot's own <see cref="TableConversationStore"/>, as <see cref="PeopleDirectory"/> remembers them). What
/// is counted is every request made between sending a turn to /api/messages and its answer. Background work also
/// reads storage (Hangfire's jobs, the outbox's and the SLA's sweeps, the handover scheduler, the record pruner)
/// and would interleave, so the host runs here without those hosted services: jobs are enqueued and never run, and
/// the count between turns is checked to be zero. Counts are exact, so median, min and max mostly agree.
/// </summary>
internal static class CountBenchmark
{
    private sealed record Size(string Name, int Cases, int Open, int PartnerManagers);

    private sealed record Turn(string Name, int MaxRoundTrips, int MaxEntities);

    private static readonly Turn[] Turns =
    [
        new("intake submit", 3, 10),
        new("claim (button)", 3, 20),
        new("queue (typed)", 1, 50),
        new("help (typed)", 0, 0),
    ];

    private const int WarmUp = 3;

    public static async Task RunAsync(int runs)
    {
        Size[] sizes =
        [
            new("small", Cases: 200, Open: 100, PartnerManagers: 20),
            new("grown", Cases: 2_300, Open: 2_000, PartnerManagers: 2_000),
        ];
        var results = new List<Dictionary<string, List<StorageCounts>>>();
        var between = 0;
        foreach (var size in sizes)
        {
            var (counts, stray) = await MeasureAsync(size, runs);
            results.Add(counts);
            between += stray;
        }

        Console.WriteLine();
        Console.WriteLine(
            $"Storage work per turn (issue 13, goal 1): {runs} turns of each, after {WarmUp} to warm up, "
                + "through /api/messages"
        );
        Console.WriteLine(
            "  counted: every request the bot sent to Azurite's Table service (through a counting proxy) while the "
                + "turn's HTTP request was in flight;"
        );
        Console.WriteLine(
            "  background work (Hangfire server, outbox and SLA sweeps, handover scheduler, turn pruner) off, jobs "
                + $"only enqueued; requests between turns: {between}"
        );
        foreach (var size in sizes)
        {
            Console.WriteLine(
                $"  {size.Name}: {size.Cases:N0} cases, {size.Open:N0} open, {size.PartnerManagers:N0} partner "
                    + "managers known, plus the turns' own filings"
            );
        }

        Console.WriteLine("  round trips and entities read: median (min-max) per turn");
        Console.WriteLine(
            $"{"turn", -16}{"trips " + sizes[0].Name, 14}{"read " + sizes[0].Name, 16}"
                + $"{"trips " + sizes[1].Name, 14}{"read " + sizes[1].Name, 16}{"goal", 12}  met"
        );
        foreach (var turn in Turns)
        {
            var cells = results.Select(r => r[turn.Name]).ToList();
            var met = cells.All(c =>
                Median(c, s => s.RoundTrips) <= turn.MaxRoundTrips && Median(c, s => s.EntitiesRead) <= turn.MaxEntities
            );
            var goal = turn.MaxRoundTrips == 0 ? "0 / 0" : $"≤{turn.MaxRoundTrips} / ≤{turn.MaxEntities}";
            Console.WriteLine(
                $"{turn.Name, -16}"
                    + string.Concat(
                        cells.Select(c => $"{Cell(c, s => s.RoundTrips), 14}{Cell(c, s => s.EntitiesRead), 16}")
                    )
                    + $"{goal, 12}  {(met ? "yes" : "NO")}"
            );
        }

        Console.WriteLine("  what the median turn sent (entities read in brackets):");
        foreach (var (size, result) in sizes.Zip(results))
        {
            foreach (var turn in Turns)
            {
                var samples = result[turn.Name];
                var typical = samples
                    .OrderBy(s => s.RoundTrips)
                    .ThenBy(s => s.EntitiesRead)
                    .ElementAt(samples.Count / 2);
                Console.WriteLine($"    {size.Name, -6}{turn.Name, -16}{typical.Describe()}");
            }
        }
    }

    private static async Task<(Dictionary<string, List<StorageCounts>> Counts, int Between)> MeasureAsync(
        Size size,
        int runs
    )
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var proxy = await CountingProxy.StartAsync(azurite);
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = new BotHost(proxy.ConnectionString, connector);
        await SeedAsync(azurite, bot.TablePrefix, size);
        using var host = bot.WithWebHostBuilder(b => b.ConfigureTestServices(WithoutBackgroundWork));
        using var client = host.CreateClient();

        var activities = new Activities(connector);
        var personal = Activities.Personal(People.Reporter);
        await SendAsync(client, activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await StartBackfillDoneAsync(azurite, bot.TablePrefix);
        proxy.Take(); // the host's start (its tables and backfill) and the queue's binding
        var filed = size.Cases;
        var claimed = size.Cases;
        Func<Task<JObject?>>[] turns =
        [
            () =>
            {
                filed++;
                return SendAsync(
                    client,
                    activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal)
                );
            },
            () =>
            {
                var data = new JObject { ["caseId"] = CaseId.Format(++claimed) };
                return SendAsync(client, activities.Invoke(People.Specialist, "claim", data, Activities.QueueChannel));
            },
            () => SendAsync(client, activities.Message(People.Specialist, "queue", Activities.QueueChannel)),
            () =>
                SendAsync(
                    client,
                    activities.Message(People.Specialist, "help", Activities.Personal(People.Specialist))
                ),
        ];

        var counts = Turns.ToDictionary(t => t.Name, _ => new List<StorageCounts>());
        var between = 0;
        Console.Error.WriteLine($"  {size.Name}: measuring {Turns.Length} turns, {WarmUp} + {runs} of each");
        foreach (var (turn, send) in Turns.Zip(turns))
        {
            for (var i = 0; i < WarmUp + runs; i++)
            {
                await Task.Delay(20); // anything still on its way from the last turn arrives now, and is counted below
                var stray = proxy.Take();
                if (stray.RoundTrips > 0)
                {
                    Console.Error.WriteLine($"  {size.Name}: between turns: {stray.Describe()}");
                    between += stray.RoundTrips;
                }

                var posts = connector.Calls.Count;
                var answer = await send();
                var taken = proxy.Take();
                Check(turn, answer, connector.Calls.Count - posts, claimed);
                if (i >= WarmUp)
                {
                    counts[turn.Name].Add(taken);
                }
            }
        }

        if (claimed > filed)
        {
            throw new InvalidOperationException($"Claimed up to case {claimed}, but only {filed} were filed.");
        }

        return (counts, between);
    }

    /// <summary>
    /// Waits for the backfill the bot runs after its start (key rows, then summaries: the summaries' ready row comes
    /// last), so that its reads are not counted as a turn's.
    /// </summary>
    private static async Task StartBackfillDoneAsync(AzuriteProcess azurite, string prefix)
    {
        var cases = new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + "Cases");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await cases.GetEntityIfExistsAsync<TableEntity>(CaseKeys.Partition, CaseSummaries.Ready)).HasValue)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bot's start backfill did not finish within 2 minutes.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Each turn must have done its work: an invoke answers with a card, a message replies in Teams.</summary>
    private static void Check(Turn turn, JObject? answer, int connectorCalls, int claimed)
    {
        var card = answer?.Value<string>("type") == "application/vnd.microsoft.card.adaptive";
        var ok = turn.Name switch
        {
            "intake submit" => card,
            "claim (button)" => card && answer!.ToString().Contains(CaseId.Format(claimed), StringComparison.Ordinal),
            _ => connectorCalls > 0,
        };
        if (!ok)
        {
            throw new InvalidOperationException($"The {turn.Name} turn did not do its work: {answer}");
        }
    }

    /// <summary>
    /// The hosted services that read storage on their own are removed (all registered by factory, and the record
    /// pruner); the web host itself and the table creator stay.
    /// </summary>
    private static void WithoutBackgroundWork(IServiceCollection services)
    {
        var background = services
            .Where(d =>
                d.ServiceType == typeof(IHostedService)
                && (d.ImplementationFactory is not null || d.ImplementationType?.Name == "RecordPruner")
            )
            .ToList();
        foreach (var descriptor in background)
        {
            services.Remove(descriptor);
        }
    }

    private static async Task<JObject?> SendAsync(HttpClient client, JObject activity)
    {
        using var content = new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/messages", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}: {text}");
        }

        return text.Length > 0 ? JObject.Parse(text) : null;
    }

    /// <summary>Cases in the bot's rows and the partner managers it has met, written straight to Azurite.</summary>
    private static async Task SeedAsync(AzuriteProcess azurite, string prefix, Size size)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var cases = tables.GetTableClient(prefix + "Cases");
        var conversations = tables.GetTableClient(prefix + "Conversations");
        await cases.CreateIfNotExistsAsync();
        await conversations.CreateIfNotExistsAsync();
        var seed = await CaseTableSeed.WriteAsync(
            cases,
            size.Cases,
            size.Open,
            DateTimeOffset.UtcNow,
            new SlaOptions(),
            CasePolicy.Default
        );
        var people = new TableConversationStore(conversations);
        await Parallel.ForEachAsync(
            Enumerable.Range(1, size.PartnerManagers),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) => await people.SavePersonAsync(LoadBot.PartnerManager(i), ct)
        );
        Console.Error.WriteLine(
            $"  {size.Name}: seeded {seed.Entities:N0} case entities in {seed.Took.TotalSeconds:F0} s "
                + $"and {size.PartnerManagers:N0} partner managers"
        );
    }

    private static double Median(List<StorageCounts> samples, Func<StorageCounts, int> value) =>
        new Stats(samples.Select(s => (double)value(s))).Median;

    private static string Cell(List<StorageCounts> samples, Func<StorageCounts, int> value)
    {
        var stats = new Stats(samples.Select(s => (double)value(s)));
        return stats.Min == stats.Max ? $"{stats.Median:N0}" : $"{stats.Median:N0} ({stats.Min:N0}-{stats.Max:N0})";
    }
}
