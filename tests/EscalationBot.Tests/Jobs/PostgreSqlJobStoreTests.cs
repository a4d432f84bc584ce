using EscalationBot.Jobs;
using EscalationBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EscalationBot.Tests.Jobs;

/// <summary>
/// Bot instances on one PostgreSQL database share one Hangfire schedule: real PostgreSQL (started by the
/// fixture), real Azurite, two hosts with the same tables, as two App Service instances would run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlJobStoreTests(PostgresFixture postgres, AzuriteFixture azurite) : IAsyncLifetime
{
    private RecordingConnector connector = null!;
    private readonly string tablePrefix = "t" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync() => connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    [Fact]
    public async Task Two_instances_on_one_database_are_two_servers_of_one_schedule()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = Instance(database);
        await using var b = Instance(database);

        var storageA = a.Services.GetRequiredService<JobStorage>();
        var storageB = b.Services.GetRequiredService<JobStorage>();
        Assert.IsType<PostgreSqlStorage>(storageA);
        Assert.NotSame(storageA, storageB);

        var seenByA = await Poll.UntilAsync(
            () => ServerIds(storageA),
            ids => ids.Count == 2,
            "both servers registered, as seen by A"
        );
        Assert.Equal(seenByA, ServerIds(storageB));
        // Each instance sends its outbox from a server of its own, which takes nothing else.
        var outboxServers = await Poll.UntilAsync(
            () => ServerIds(storageA, JobQueues.Outbox),
            ids => ids.Count == 2,
            "both outbox servers registered"
        );
        Assert.Empty(outboxServers.Intersect(seenByA));
        Assert.All(storageA.GetMonitoringApi().Servers(), s => Assert.Single(s.Queues));
    }

    [Fact]
    public async Task Jobs_left_by_a_stopped_instance_are_run_by_the_other()
    {
        var database = await postgres.CreateDatabaseAsync();
        // Started in this order, so that Hangfire's global configuration is B's when A is gone.
        var a = Instance(database);
        var clientA = a.Services.GetRequiredService<IBackgroundJobClient>();
        await using var b = Instance(database);
        var storageB = b.Services.GetRequiredService<JobStorage>();
        await Poll.UntilAsync(() => ServerIds(storageB), ids => ids.Count == 2, "both servers registered");

        // Instance A goes away (a restart, a scale-in). Its server stops, and Hangfire removes it from the list.
        // What A put in the store stays. Jobs are written through A's client after its server has gone, so
        // only B can run them: nothing here depends on which server is quicker.
        await a.DisposeAsync();
        var serverB = (
            await Poll.UntilAsync(() => ServerIds(storageB), ids => ids.Count == 1, "A's server gone")
        ).Single();

        var marker = Guid.NewGuid().ToString("N");
        var enqueued = clientA.Enqueue(() => JobProbe.Record(marker + ":now"));
        var scheduled = clientA.Schedule(() => JobProbe.Record(marker + ":later"), TimeSpan.FromSeconds(1));

        await Poll.UntilAsync(
            () => (Now: JobProbe.RunsOf(marker + ":now"), Later: JobProbe.RunsOf(marker + ":later")),
            runs => runs.Now > 0 && runs.Later > 0,
            "both jobs run"
        );
        await b.WaitForJobsAsync();
        Assert.Equal(1, JobProbe.RunsOf(marker + ":now"));
        Assert.Equal(1, JobProbe.RunsOf(marker + ":later"));
        Assert.Equal([serverB], RanOn(storageB, enqueued));
        Assert.Equal([serverB], RanOn(storageB, scheduled));
    }

    [Fact]
    public async Task A_case_filed_on_one_instance_is_posted_once_to_the_queue_bound_on_the_other()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = Instance(database);
        await using var b = Instance(database);
        var activities = new Activities(connector);

        await a.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await connector.WaitForAsync(c => c.Text.Contains("now the specialists' queue"), "setup queue confirmed");

        await b.SendAsync(
            activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"),
            "queue post"
        );
        await a.WaitForJobsAsync();
        await b.WaitForJobsAsync();

        Assert.Single(
            connector.Calls,
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1")
        );
    }

    [Fact]
    public async Task Instances_on_different_schemas_of_one_database_do_not_share_a_schedule()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = Instance(database, schema: "alpha");
        await using var b = Instance(database, schema: "beta");

        var serversB = await Poll.UntilAsync(
            () => ServerIds(b.Services.GetRequiredService<JobStorage>()),
            ids => ids.Count == 1,
            "B's server registered"
        );
        var serversA = await Poll.UntilAsync(
            () => ServerIds(a.Services.GetRequiredService<JobStorage>()),
            ids => ids.Count == 1,
            "A's server registered"
        );
        Assert.NotEqual(serversA, serversB);
        // B's server is in the store by now: had the schemas been shared, A would list it too.
        Assert.Single(ServerIds(a.Services.GetRequiredService<JobStorage>()));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('alpha', 'beta', 'hangfire') ORDER BY 1",
            connection
        );
        var schemas = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                schemas.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["alpha", "beta"], schemas);
    }

    [Fact]
    public async Task With_jobs_on_postgresql_ready_needs_postgresql_to_answer()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var host = Instance(database);
        using var client = host.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        // The database goes away under the running instance: ready says so, live does not care.
        await using (var admin = new NpgsqlConnection(postgres.Postgres.ConnectionString()))
        {
            await admin.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(database).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        Assert.Equal(
            System.Net.HttpStatusCode.ServiceUnavailable,
            (await client.GetAsync("/healthz/ready")).StatusCode
        );
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }

    private BotHost Instance(string database, string schema = "hangfire") =>
        new(
            azurite,
            connector,
            tablePrefix,
            new Dictionary<string, string?>
            {
                ["Hangfire:Storage"] = "PostgreSql",
                ["ConnectionStrings:Hangfire"] = database,
                ["Hangfire:PostgreSqlSchema"] = schema,
            }
        );

    /// <summary>The servers of the default queue: one per instance (each also has one for the outbox's queue).</summary>
    private static List<string> ServerIds(JobStorage storage, string queue = JobQueues.Default) =>
        storage.GetMonitoringApi().Servers().Where(s => s.Queues.Contains(queue)).Select(s => s.Name).Order().ToList();

    /// <summary>The servers that ran a job that succeeded: each Processing state records the server's id.</summary>
    private static List<string> RanOn(JobStorage storage, string job)
    {
        using var connection = storage.GetConnection();
        Assert.Equal(SucceededState.StateName, connection.GetJobData(job)?.State);
        return storage
            .GetMonitoringApi()
            .JobDetails(job)
            .History.Where(h => h.StateName == ProcessingState.StateName)
            .Select(h => h.Data["ServerId"])
            .Distinct()
            .ToList();
    }
}
