using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Serialization;

namespace EscalationBot.Chat;

/// <summary>
/// The Bot Framework's authentication as configured, except that every connector client it makes shares one JSON
/// contract resolver. <see cref="CloudAdapter"/> makes a new <see cref="ConnectorClient"/> for every turn and every
/// proactive send, each with a new resolver, so Newtonsoft.Json built every activity's contracts again and compiled
/// a getter per property each time: measured in the intake burst, about two thirds of a core. Newtonsoft's own advice
/// is to share resolvers; the connector's settings are otherwise unchanged.
/// </summary>
internal sealed class SharedContractsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    private static readonly IContractResolver Serializing = new ReadOnlyJsonContractResolver();
    private static readonly IContractResolver Deserializing = new ReadOnlyJsonContractResolver();

    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(
        Activity activity,
        string authHeader,
        CancellationToken cancellationToken
    ) => inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(
        string authHeader,
        string channelIdHeader,
        CancellationToken cancellationToken
    ) => inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(
        string authHeader,
        CancellationToken cancellationToken
    ) => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharedContractsFactory(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(
        ClaimsIdentity claimsIdentity,
        CancellationToken cancellationToken
    ) => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    /// <summary>A client made with the shared resolvers (see <see cref="SharedContractsAuthentication"/>).</summary>
    private static IConnectorClient Share(IConnectorClient client)
    {
        if (client is ConnectorClient connector)
        {
            connector.SerializationSettings.ContractResolver = Serializing;
            connector.DeserializationSettings.ContractResolver = Deserializing;
        }

        return client;
    }

    private sealed class SharedContractsFactory(ConnectorFactory factory) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(
            string serviceUrl,
            string audience,
            CancellationToken cancellationToken
        ) => Share(await factory.CreateAsync(serviceUrl, audience, cancellationToken));
    }
}
