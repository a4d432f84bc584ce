using EscalationBot.Chat;
using EscalationBot.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Chat;

/// <summary>
/// CaseMessenger is only a forwarder now: Hangfire keeps a job's type and method, so a queue notice enqueued as
/// CaseMessenger.SendTextAsync before the split must still be sent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseMessengerTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task A_text_job_stored_before_the_split_is_still_sent()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        var conversations = Host.Services.GetRequiredService<IConversationStore>();
        var queue = (await conversations.GetBindingAsync(Bindings.Queue, CancellationToken.None))!;

        Host.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<CaseMessenger>(m => m.SendTextAsync(queue.Address, "Sent by an old job", CancellationToken.None));

        await Connector.WaitForAsync(c => c.IsPost && c.Text == "Sent by an old job", "the old job's text");
        Assert.Equal(
            Activities.QueueChannel,
            Connector.Calls.Single(c => c.Text == "Sent by an old job").ConversationId
        );
    }
}
