using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Testing;

namespace EscalationBot.Benchmarks;

/// <summary>
/// The real bot as production runs it, for the load parts: a process of its own (<see cref="BotProcess"/>: the built
/// EscalationBot.dll with the runtimeconfig its csproj gives it, so its GC settings), its Hangfire server and
/// background services on, Hangfire polling at the production default. Its Azurite is seeded before it starts with a
/// grown table (<see cref="CaseTableSeed"/>: by default 2,300 cases, 2,000 open, and 2,000 partner managers known);
/// the queue channel is bound; a <see cref="RecordingConnector"/> plays Teams. Every address is checked to be this
/// machine's (<see cref="Loopback"/>).
/// </summary>
internal sealed partial class LoadBot : IAsyncDisposable
{
    private LoadBot(AzuriteProcess azurite, RecordingConnector connector)
    {
        Azurite = azurite;
        Connector = connector;
        Activities = new Activities(connector);
    }

    public AzuriteProcess Azurite { get; }
    public RecordingConnector Connector { get; }
    public Activities Activities { get; }
    public BotProcess Bot { get; private set; } = null!;
    private int intakes;
    public TableClient Cases { get; private set; } = null!;

    /// <summary>The seeded open cases are numbered FirstOpen to LastSeeded.</summary>
    public int FirstOpen { get; private set; }

    public int LastSeeded { get; private set; }

    public static async Task<LoadBot> StartAsync(
        IDictionary<string, string?>? extra = null,
        int cases = 2_300,
        int open = 2_000,
        int partnerManagers = 2_000
    )
    {
        var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var load = new LoadBot(azurite, await RecordingConnector.StartAsync());
        Loopback.Require("Azurite", TableEndpoint(azurite.ConnectionString));
        Loopback.Require("recording connector", new Uri(load.Connector.ServiceUrl));

        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var tables = new TableServiceClient(azurite.ConnectionString);
        load.Cases = tables.GetTableClient(prefix + "Cases");
        var conversations = tables.GetTableClient(prefix + "Conversations");
        await load.Cases.CreateIfNotExistsAsync();
        await conversations.CreateIfNotExistsAsync();
        var seed = await CaseTableSeed.WriteAsync(
            load.Cases,
            cases,
            open,
            DateTimeOffset.UtcNow,
            new SlaOptions(),
            CasePolicy.Default
        );
        var people = new TableConversationStore(conversations);
        await Parallel.ForEachAsync(
            Enumerable.Range(1, partnerManagers),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) => await people.SavePersonAsync(PartnerManager(i), ct)
        );
        (load.FirstOpen, load.LastSeeded) = (cases - open + 1, cases);
        Console.Error.WriteLine(
            $"  seeded {seed.Entities:N0} case entities ({cases:N0} cases, {open:N0} open) and {partnerManagers:N0} "
                + $"partner managers in {seed.Took.TotalSeconds:F0} s"
        );

        var settings = BotHost.BaseSettings(azurite.ConnectionString, prefix);
        settings["Hangfire:SchedulePollingInterval"] = "00:00:01"; // the production default; BotHost sets 200 ms
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        load.Bot = await BotProcess.StartAsync(settings);
        Loopback.Require("bot", load.Bot.Address);
        await load.Bot.SendAsync(load.Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        return load;
    }

    /// <summary>The GC settings the bot process runs with, as its runtimeconfig.json gives them.</summary>
    public static string GcSettings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "EscalationBot.runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(path))?["runtimeOptions"]?["configProperties"]?.AsObject();
        var gc = properties?.Where(p => p.Key.StartsWith("System.GC.", StringComparison.Ordinal)).ToList() ?? [];
        return gc.Count == 0 ? "runtime defaults" : string.Join(", ", gc.Select(p => $"{p.Key[10..]}={p.Value}"));
    }

    /// <summary>An answer or error on one line, cut before what differs each time (a reference to quote).</summary>
    public static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        return line[..Math.Min(150, line.Length)];
    }

    /// <summary>
    /// The exceptions the bot logged, each distinct line once with its count: what went wrong, in its words. It logs
    /// errors only (<see cref="BotHost.BaseSettings"/>), and no case content.
    /// </summary>
    public void PrintLoggedExceptions()
    {
        var logged = Bot.Output.Split('\n').Where(l => l.Contains("Exception", StringComparison.Ordinal));
        foreach (var line in logged.GroupBy(l => l.Trim()).Take(3))
        {
            Console.WriteLine($"    bot logged {line.Count()}x: {line.Key[..Math.Min(200, line.Key.Length)]}");
        }
    }

    /// <summary>Whether an invoke was answered with a card (a confirmation, the claimed case), not a message.</summary>
    public static bool IsCard(Newtonsoft.Json.Linq.JObject? answer) =>
        answer?.Value<string>("type") == "application/vnd.microsoft.card.adaptive";

    /// <summary>
    /// An intake submit by <paramref name="reporter"/> whose post and page no other case names, seeded or filed (the
    /// seed's cases name post/{number} and examplepage{number}, as <see cref="Activities.IntakeForm"/> does by
    /// default), so that it is filed, never answered with the duplicate check.
    /// </summary>
    public Newtonsoft.Json.Linq.JObject Intake(TestUser reporter)
    {
        var n = Interlocked.Increment(ref intakes);
        return Activities.Invoke(
            reporter,
            "submitIntake",
            Activities.IntakeForm(
                urls: $"https://www.facebook.com/post/load-{n}",
                account: $"https://www.facebook.com/loadpage{n}"
            ),
            Activities.Personal(reporter)
        );
    }

    /// <summary>
    /// The case an intake's answer confirms ("Escalation ESC-n filed"), or null if nothing was filed: a message, or
    /// the duplicate check's card.
    /// </summary>
    public static string? FiledCase(Newtonsoft.Json.Linq.JObject? answer) =>
        IsCard(answer) && Confirmation().Match(answer!["value"]!.ToString()) is { Success: true } filed
            ? filed.Groups[1].Value
            : null;

    [GeneratedRegex(@"Escalation (ESC-\d+) filed")]
    private static partial Regex Confirmation();

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await Connector.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private static Uri TableEndpoint(string connectionString) =>
        new(
            connectionString.Split(';').Single(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal))[
                "TableEndpoint=".Length..
            ]
        );

    /// <summary>A partner manager as <see cref="PeopleDirectory"/> remembers one after a 1:1 chat in Teams.</summary>
    internal static KnownPerson PartnerManager(int i)
    {
        var id = $"00000000-0000-4000-8000-{i:D12}";
        var reference = new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            Bot = new("28:bot-id", "EscalationBot"),
            User = new(id, $"Partner Manager {i}"),
            Conversation = new(false, "personal", $"a:personal-{id}", tenantId: "tenant-1"),
        };
        return new KnownPerson(id, $"Partner Manager {i}", id, ConversationAddress.Of(reference));
    }
}
