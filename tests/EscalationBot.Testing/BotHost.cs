using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Testing;

/// <summary>
/// People the tests act as. In Teams their id is both from.id and the Entra object id, so they are that id
/// (the roster names them aad:{id}); on other channels they are {channelId}:{id}, nobody on the roster.
/// </summary>
public static class People
{
    public static readonly TestUser Lead = new("lead-1", "Lee Lead");
    public static readonly TestUser Specialist = new("spec-1", "Sam Specialist");
    public static readonly TestUser Specialist2 = new("spec-2", "Sky Specialist");
    public static readonly TestUser Reporter = new("pm-1", "Pat Partner-Manager");
    public static readonly TestUser OtherReporter = new("pm-2", "Pia Partner-Manager");

    public static IEnumerable<TestUser> ManySpecialists(int count) =>
        Enumerable.Range(1, count).Select(i => new TestUser($"spec-many-{i}", $"Specialist {i}"));
}

public sealed record TestUser(string Id, string Name);

/// <summary>
/// The real bot, hosted in-process by WebApplicationFactory, on a real Azurite and talking to a real HTTP
/// recording connector. Each host gets its own table prefix, so hosts never see each other's data unless
/// they are given the same one (a restart).
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public BotHost(
        AzuriteProcess azurite,
        RecordingConnector connector,
        string? tablePrefix = null,
        IDictionary<string, string?>? extra = null
    )
        : this(azurite.ConnectionString, connector, tablePrefix, extra) { }

    public BotHost(
        string tablesConnectionString,
        RecordingConnector connector,
        string? tablePrefix = null,
        IDictionary<string, string?>? extra = null
    )
    {
        Connector = connector;
        TablePrefix = tablePrefix ?? "t" + Guid.NewGuid().ToString("N")[..12];
        settings = BaseSettings(tablesConnectionString, TablePrefix);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    /// <summary>What every test bot runs with: its tables, the test roster, fast job polling, errors-only logs.</summary>
    public static Dictionary<string, string?> BaseSettings(string tablesConnectionString, string tablePrefix)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = tablesConnectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Roster:Leads:0"] = "aad:" + People.Lead.Id,
            ["Roster:Specialists:0"] = "aad:" + People.Specialist.Id,
            ["Roster:Specialists:1"] = "aad:" + People.Specialist2.Id,
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.200",
            // Digests at shift boundaries would post into every test's channels; the handover tests turn them on.
            ["Shifts:PostDigests"] = "false",
            // Likewise the weekly report's catch-up at start; the weekly report tests turn it on.
            ["Insight:WeeklyReport:Enabled"] = "false",
            // Likewise the wellbeing nudges' check every minute; the nudge tests run it themselves.
            ["Wellbeing:Nudges"] = "false",
            // And the weekly wellbeing summary's catch-up at start, to leads' 1:1 chats; its tests turn it on.
            ["Wellbeing:WeeklySummary"] = "false",
            ["MicrosoftAppId"] = "",
            // Tests provoke warnings on purpose (no queue bound, storage down): show only errors.
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:EscalationBot"] = "Error",
        };
        foreach (var (i, user) in People.ManySpecialists(20).Select((u, i) => (i, u)))
        {
            settings[$"Roster:Specialists:{i + 2}"] = "aad:" + user.Id;
        }

        return settings;
    }

    public RecordingConnector Connector { get; }
    public string TablePrefix { get; }

    /// <summary>
    /// The bot's clock, if not the system's. Set it ahead of real time: Hangfire schedules by real time, so a job
    /// scheduled for a moment on a later clock stays pending for the whole test, and tests run such jobs themselves.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Where the host also writes its logs, at every level, if given.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>Services a test adds to the bot's own (its own collaborators, such as a test content for a link).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The host environment: Testing unless a test needs Production's start checks.</summary>
    public string Environment { get; init; } = "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(RepoPaths.Root, "bot"));
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        // Also as host settings, which reach Program's builder from the start, as a server's environment variables
        // do: what the app reads while it is being built (the telemetry exporters) comes before the app configuration.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (Logs is { } logs)
        {
            // A rule for this provider alone beats every other rule: it gets every level, the console does not.
            builder.ConfigureLogging(logging =>
                logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace)
            );
        }

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        if (TestServices is { } add)
        {
            builder.ConfigureTestServices(add);
        }
    }

    public Task<HttpResponseMessage> PostAsync(JObject activity) => PostRawAsync(activity.ToString());

    public async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var client = CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync("/api/messages", content);
    }

    /// <summary>
    /// Waits until Hangfire has no job queued or running, nor (unless <paramref name="includeScheduled"/> is false,
    /// for tests that leave a job scheduled far ahead) scheduled: every background send is done.
    /// </summary>
    public async Task WaitForJobsAsync(int timeoutSeconds = 30, bool includeScheduled = true)
    {
        var monitor = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var queues = monitor.Queues().Sum(q => q.Length);
            if (queues == 0 && monitor.ProcessingCount() == 0 && (!includeScheduled || monitor.ScheduledCount() == 0))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"Background jobs still running after {timeoutSeconds} s.");
    }

    /// <summary>Sends an activity and expects the bot to accept it.</summary>
    public async Task<JObject?> SendAsync(JObject activity)
    {
        var response = await PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}: {text}");
        }

        return text.Length > 0 ? JObject.Parse(text) : null;
    }
}
