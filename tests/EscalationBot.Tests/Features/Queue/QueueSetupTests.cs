using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Features.Queue;

/// <summary>
/// <c>setup queue</c> end to end: the binding survives a restart, cases filed before it are posted when it is made,
/// and after a move old cards are left alone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueSetupTests(AzuriteFixture azurite) : FiledCaseTest(azurite)
{
    [Fact]
    public async Task The_queue_binding_survives_a_restart_and_cases_filed_before_binding_are_posted_when_it_is_made()
    {
        var personal = Activities.Personal(People.Reporter);
        await FileAsync(personal);
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Connector.WaitForAsync(
            c => c.Text.Contains("1 open case(s) not yet posted will follow"),
            "backlog announced"
        );
        await Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.QueueChannel
                && c.ActivityId is null
                && c.AllText.Contains("ESC-1"),
            "backlog posted"
        );

        await Host.DisposeAsync();
        Host = new BotHost(Azurite, Connector, Host.TablePrefix);
        await FileAsync(personal);
        await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-2"),
            "posted after restart"
        );
    }

    [Fact]
    public async Task After_the_queue_moves_old_cards_are_left_alone_and_new_cases_go_to_the_new_queue()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", "19:old-queue@thread.tacv2"));
        await FileAsync(personal);
        await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == "19:old-queue@thread.tacv2" && c.AllText.Contains("ESC-1"),
            "posted to the old queue"
        );
        Assert.NotNull(await StoredQueueMessageIdAsync(1));

        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));
        await FileAsync(personal);
        await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-2"),
            "posted to the new queue"
        );
        await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("ESC-1 is being handled"),
            "reporter told of the claim"
        );
        await Host.WaitForJobsAsync();

        Assert.DoesNotContain(Connector.Calls, c => c.IsUpdate);
    }
}
