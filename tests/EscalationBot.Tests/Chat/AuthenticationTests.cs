using System.Net;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Chat;

[Collection(AzuriteCollection.Name)]
public sealed class AuthenticationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_an_app_id_set_a_request_without_a_bot_connector_token_gets_401_and_is_not_processed()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(
            azurite,
            connector,
            extra: new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-0000000000aa",
            }
        );
        var activities = new Activities(connector);

        var response = await host.PostAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task In_local_mode_the_same_request_is_accepted()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector);
        var response = await host.PostAsync(
            new Activities(connector).Message(People.Lead, "setup queue", Activities.QueueChannel)
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
