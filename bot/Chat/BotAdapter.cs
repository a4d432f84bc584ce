using EscalationBot.Outages;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace EscalationBot.Chat;

/// <summary>
/// The one adapter: a single constructor for DI, every turn traced and measured, and turn errors logged with a reference
/// the user can quote.
/// </summary>
public sealed class BotAdapter : CloudAdapter
{
    public BotAdapter(BotFrameworkAuthentication authentication, TurnTelemetry telemetry, ILogger<BotAdapter> logger)
        : base(authentication, logger)
    {
        Use(telemetry);
        OnTurnError = async (turn, exception) =>
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            logger.LogError(
                exception,
                "Turn failed (ref {Reference}) on {ChannelId} in conversation {ConversationId} from {User}",
                reference,
                turn.Activity.ChannelId,
                turn.Activity.Conversation?.Id,
                turn.Activity.From?.Id
            );
            // A store that is down (outside the commands, which answer it themselves: the welcome, the people
            // directory) is not a fault of ours: say so, as the commands do.
            await turn.SendActivityAsync(
                MessageFactory.Text(
                    StorageFailure.IsOutage(exception)
                        ? Commands.CommandDispatcher.StoreUnreachable(reference)
                        : $"Sorry, that didn't work on my side. Please try again; if it keeps failing, give the escalations team this reference: {reference}"
                )
            );
        };
    }
}
