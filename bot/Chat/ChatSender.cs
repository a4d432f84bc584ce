using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace EscalationBot.Chat;

/// <summary>
/// Sends on the bot's own initiative to a stored address (a bound channel, a 1:1 chat) through the adapter, as the
/// bot's app: posts a card or a line, edits a card in place. Knows nothing of cases.
/// </summary>
public sealed class ChatSender(BotAdapter adapter, IConfiguration configuration, IConversationStore conversations)
{
    private string BotAppId => configuration["MicrosoftAppId"] ?? "";

    /// <summary>How a card's buttons send back in a channel: Teams runs Action.Execute, the others submit.</summary>
    public static Buttons ButtonsFor(string channelId) =>
        new(channelId == Channels.Msteams ? ButtonMode.Execute : ButtonMode.Submit);

    /// <summary>Posts a card to a conversation (a bound channel, a 1:1 chat); returns the new message's id.</summary>
    public Task<string> PostCardAsync(
        string address,
        AdaptiveCard card,
        string? text,
        CancellationToken cancellationToken
    ) => SendAsync(address, card, text, cancellationToken);

    public Task<string> SendTextAsync(string address, string text, CancellationToken cancellationToken) =>
        SendAsync(address, null, text, cancellationToken);

    /// <summary>A line to someone in their 1:1 chat with the bot, if they have one; else to the queue.</summary>
    public async Task TellPersonAsync(string personId, string text, CancellationToken cancellationToken)
    {
        if (await conversations.GetPersonAsync(personId, cancellationToken) is { PersonalAddress: { } personal })
        {
            await SendTextAsync(personal, text, cancellationToken);
        }
        else if (await conversations.GetBindingAsync(Bindings.Queue, cancellationToken) is { } queue)
        {
            await SendTextAsync(queue.Address, text, cancellationToken);
        }
    }

    /// <summary>Edits a card the bot posted, in place, for everyone who sees it.</summary>
    public async Task UpdateCardAsync(
        string address,
        string messageId,
        AdaptiveCard card,
        CancellationToken cancellationToken
    ) =>
        await adapter.ContinueConversationAsync(
            BotAppId,
            ConversationAddress.Parse(address),
            async (turn, ct) =>
            {
                var update = CardActivity.Of(card);
                update.Id = messageId;
                await turn.UpdateActivityAsync(update, ct);
            },
            cancellationToken
        );

    private async Task<string> SendAsync(
        string address,
        AdaptiveCard? card,
        string? text,
        CancellationToken cancellationToken
    )
    {
        string? id = null;
        var reference = ConversationAddress.TopLevel(ConversationAddress.Parse(address));
        await adapter.ContinueConversationAsync(
            BotAppId,
            reference,
            async (turn, ct) =>
            {
                // Not turn.SendActivityAsync: the continuation activity has an id of its own, which would make this a
                // reply to a message that does not exist. A new post goes to the conversation itself.
                var activity = card is null ? (Activity)MessageFactory.Text(text) : (Activity)CardActivity.Of(card);
                activity.Text = text;
                activity.ApplyConversationReference(reference);
                activity.ReplyToId = null;
                var connector = turn.TurnState.Get<IConnectorClient>();
                id = (await connector.Conversations.SendToConversationAsync(activity, ct))?.Id;
            },
            cancellationToken
        );
        return id ?? throw new InvalidOperationException("The channel accepted the message but returned no id.");
    }
}
