using Azure.Data.Tables;
using EscalationBot.Outbox;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Outbox;

/// <summary>
/// The bot is killed with SIGKILL while Teams refuses the reporter's messages; after a restart every notice the
/// committed changes owed is sent, once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RecordingConnector connector = null!;

    public async Task InitializeAsync() => connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    [Fact]
    public async Task Notices_refused_before_a_kill_are_sent_once_after_the_restart()
    {
        var activities = new Activities(connector);
        var personal = Activities.Personal(People.Reporter);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var settings = BotHost.BaseSettings(azurite.ConnectionString, prefix);
        settings["Outbox:SweepInterval"] = "00:00:01";
        // Short, so that the killed instance's lease ends soon after the restart; not shorter, since a send that takes
        // longer than the lease may be taken over and sent again (at 2 s a loaded machine sent a notice twice, once).
        settings["Outbox:Lease"] = "00:00:08";
        settings["Outbox:FirstBackoff"] = "00:00:01";
        settings["Outbox:MaxBackoff"] = "00:00:02";
        settings["Logging:LogLevel:EscalationBot.Outbox"] = "Warning";
        connector.Refuse = call => call.ConversationId == personal ? (500, null) : null;
        var outbox = new TableOutboxStore(new TableClient(azurite.ConnectionString, prefix + "Cases"));

        await using (var bot = await BotProcess.StartAsync(settings))
        {
            await bot.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
            await bot.SendAsync(activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
            await bot.SendAsync(activities.Message(People.Specialist, "claim ESC-1", Activities.QueueChannel));
            await bot.SendAsync(
                activities.Message(
                    People.Specialist,
                    "resolve ESC-1 actioned The post is down.",
                    Activities.QueueChannel
                )
            );
            // The reporter's notices go in order: the outcome waits behind the claim notice Teams keeps refusing.
            await Poll.UntilAsync(
                () => connector.RefusedCalls,
                calls => calls.Count(c => c.AllText.Contains("has claimed your escalation")) >= 2,
                "the claim notice refused, and retried"
            );
            var waiting = await outbox.PendingAsync(1, CancellationToken.None);
            Assert.Contains(waiting, r => r.Stream == OutboxStream.Reporter && r.What == "Resolved");

            await bot.KillAsync();
        }

        Assert.DoesNotContain(connector.Calls, c => c.ConversationId == personal);
        connector.Refuse = null;
        await using var restarted = await BotProcess.StartAsync(settings);

        try
        {
            await Poll.UntilAsync(
                () => outbox.PendingAsync(null, CancellationToken.None),
                rows => rows.Count == 0,
                "the outbox emptied after the restart"
            );
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nThe restarted bot said:\n" + restarted.Output, e);
        }
        Assert.Single(
            connector.Calls,
            c => c.ConversationId == personal && c.AllText.Contains("Sam Specialist has claimed your escalation.")
        );
        Assert.Single(connector.Calls, c => c.ConversationId == personal && c.AllText.Contains("The post is down."));
    }
}
