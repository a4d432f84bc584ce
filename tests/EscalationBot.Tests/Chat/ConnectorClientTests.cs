using System.Security.Claims;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Chat;

/// <summary>
/// The adapter makes a connector client per turn and per proactive send; they share one JSON contract resolver, so
/// Newtonsoft.Json builds each type's contract once per process rather than once per message.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConnectorClientTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task Connector_clients_made_for_different_turns_share_their_contract_resolvers()
    {
        var authentication = Host.Services.GetRequiredService<BotFrameworkAuthentication>();

        var first = await ClientAsync(authentication);
        var second = await ClientAsync(authentication);

        Assert.NotSame(first, second);
        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
        Assert.NotNull(first.SerializationSettings.ContractResolver);
    }

    private async Task<ConnectorClient> ClientAsync(BotFrameworkAuthentication authentication)
    {
        var factory = authentication.CreateConnectorFactory(new ClaimsIdentity());
        var client = await factory.CreateAsync(Connector.ServiceUrl, "https://api.botframework.com", default);
        return Assert.IsType<ConnectorClient>(client);
    }
}
