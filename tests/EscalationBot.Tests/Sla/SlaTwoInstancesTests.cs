using EscalationBot.Deliveries;
using EscalationBot.Sla;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Sla;

/// <summary>
/// Two bot instances on one PostgreSQL Hangfire store and one Azurite: both sweep the due-time index and both
/// schedule every reminder, and each reminder still reaches Teams exactly once; both catch up on the shift in
/// progress at start, and its handover digest is still posted once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaTwoInstancesTests(PostgresFixture postgres, AzuriteFixture azurite) : IAsyncLifetime
{
    private RecordingConnector connector = null!;
    private readonly string tablePrefix = "t" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync() => connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    private BotHost Instance(string database, IDictionary<string, string?>? extra = null) =>
        new(
            azurite,
            connector,
            tablePrefix,
            new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
            {
                ["Hangfire:Storage"] = "PostgreSql",
                ["ConnectionStrings:Hangfire"] = database,
                ["Sla:Sev1:FirstResponse"] = "00:00:04",
                ["Sla:Sev1:Resolution"] = "00:00:10",
                ["Sla:Idle:Nudge"] = "00:00:00",
                ["Sla:Idle:Release"] = "00:00:00",
                ["Sla:SweepInterval"] = "00:00:01",
                ["Sla:DeliveryLease"] = "00:00:10",
            }
        );

    [Fact]
    public async Task Every_reminder_arrives_once_with_two_instances_sharing_the_schedule()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = Instance(database);
        await using var b = Instance(database);
        var activities = new Activities(connector);

        await a.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await b.SendAsync(activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
        await b.SendAsync(
            activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );

        var reminders = a.Services.GetRequiredService<IDeliveryStore>();
        var sent = await Poll.UntilAsync(
            async () =>
                (await reminders.DeliveriesAsync(1, CancellationToken.None)).Where(d => d.State == "sent").ToList(),
            d => d.Count >= 6,
            "six reminders sent"
        );

        // Let both instances sweep again and finish every job they have: a duplicate would be sent now.
        await a.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);
        await b.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);
        await a.WaitForJobsAsync(60);
        await b.WaitForJobsAsync(60);

        Assert.Equal(
            [
                "FirstResponse|100|leads",
                "FirstResponse|50|queue",
                "FirstResponse|80|queue",
                "Resolution|100|leads",
                "Resolution|50|queue",
                "Resolution|80|queue",
            ],
            sent.Select(d => $"{d.Kind}|{d.Step}|{d.SentTo}").Order()
        );
        var posts = connector
            .Calls.Where(c => c.IsPost && c.Text.Contains("ESC-1 (", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(6, posts.Count);
        Assert.Equal(6, posts.Select(p => p.Text).Distinct().Count());
    }

    [Fact]
    public async Task A_handover_digest_is_posted_once_when_two_instances_start_in_the_same_shift()
    {
        var activities = new Activities(connector);
        await using (var setup = new BotHost(azurite, connector, tablePrefix))
        {
            await setup.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
            await setup.SendAsync(activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
        }

        // A shift started a minute ago: each instance's start-up catch-up posts its digest, unless it is posted already.
        var database = await postgres.CreateDatabaseAsync();
        var rota = Shifts.HandoverBoundaryTest.Rota(TimeSpan.FromMinutes(1));
        await using var a = Instance(database, rota);
        await using var b = Instance(database, rota);
        _ = (a.Services, b.Services);
        await connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.QueueChannel
                && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal),
            "digest in the queue"
        );
        await a.WaitForJobsAsync(60, includeScheduled: false);
        await b.WaitForJobsAsync(60, includeScheduled: false);

        foreach (var channel in new[] { Activities.LeadsChannel, Activities.QueueChannel })
        {
            Assert.Single(
                connector.Calls,
                c =>
                    c.IsPost
                    && c.ConversationId == channel
                    && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal)
            );
        }
    }
}
