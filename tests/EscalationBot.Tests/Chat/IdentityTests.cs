using EscalationBot.Chat;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat;

/// <summary>
/// One person, one identity per channel (issue 11, reproduction 5): in Teams the Entra object id, elsewhere the
/// channel's from.id qualified by the channel. Ids that look like a lead's on another channel are nobody's.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IdentityTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private const string TeamsFromId = "29:1lee-teams-id";

    [Theory]
    [InlineData("lead-1")] // the lead's Entra object id
    [InlineData(TeamsFromId)] // the lead's Teams user id
    public async Task A_web_chat_user_sending_a_leads_id_as_from_id_is_not_the_lead(string fromId)
    {
        var forged = Activities.Message(People.Lead, "setup queue", "webchat-queue", "webchat");
        forged["from"]!["id"] = fromId;
        forged["from"]!["aadObjectId"] = "lead-1";

        await Host.SendAsync(forged);

        var reply = await Connector.WaitForAsync(c => c.ConversationId == "webchat-queue", "the refusal");
        Assert.Equal("Only leads can set up the queue and the leads' channel.", reply.Text);
        Assert.Null(
            await Host
                .Services.GetRequiredService<IConversationStore>()
                .GetBindingAsync(Bindings.Queue, CancellationToken.None)
        );
    }

    [Fact]
    public async Task A_teams_activity_with_the_leads_from_id_but_no_object_id_is_not_the_lead()
    {
        var noObjectId = Activities.Message(People.Lead, "setup queue", Activities.QueueChannel);
        noObjectId["from"] = new JObject { ["id"] = "lead-1", ["name"] = People.Lead.Name };

        await Host.SendAsync(noObjectId);

        var reply = await Connector.WaitForAsync(c => c.ConversationId == Activities.QueueChannel, "the refusal");
        Assert.Equal("Only leads can set up the queue and the leads' channel.", reply.Text);
        Assert.Null(
            await Host
                .Services.GetRequiredService<IConversationStore>()
                .GetBindingAsync(Bindings.Queue, CancellationToken.None)
        );
    }

    [Fact]
    public async Task In_teams_the_lead_is_known_by_object_id_whatever_their_from_id()
    {
        var lead = Activities.Message(People.Lead, "setup queue", Activities.QueueChannel);
        lead["from"]!["id"] = TeamsFromId;

        await Host.SendAsync(lead);

        var binding = await Host
            .Services.GetRequiredService<IConversationStore>()
            .GetBindingAsync(Bindings.Queue, CancellationToken.None);
        Assert.NotNull(binding);
        Assert.Equal("lead-1", binding.BoundBy);
    }

    [Fact]
    public async Task A_web_chat_user_named_in_the_roster_by_channel_is_staff_there()
    {
        await using var host = new BotHost(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?> { ["Roster:Leads:1"] = "webchat:lee" }
        );
        var lee = new TestUser("lee", "Lee on Web Chat");

        await host.SendAsync(Activities.Message(lee, "setup queue", "webchat-queue", "webchat"));

        var binding = await host
            .Services.GetRequiredService<IConversationStore>()
            .GetBindingAsync(Bindings.Queue, CancellationToken.None);
        Assert.Equal("webchat:lee", binding?.BoundBy);
    }
}
