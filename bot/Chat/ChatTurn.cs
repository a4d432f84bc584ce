using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cases;
using Microsoft.Bot.Schema;

namespace EscalationBot.Chat;

/// <summary>Who is acting, where: the actor's role is looked up on the server, never taken from the card.</summary>
public sealed record ChatTurn(
    Actor Actor,
    string ChannelId,
    bool IsPersonal,
    ConversationReference Address,
    bool FromCard
)
{
    /// <summary>The message a pressed card is in (the activity's replyToId): Teams sends it; Web Chat's Submit does not.</summary>
    public string? ReplyToId { get; init; }

    public Buttons Buttons =>
        new(ChannelId == Microsoft.Bot.Connector.Channels.Msteams ? ButtonMode.Execute : ButtonMode.Submit);

    /// <summary>The incoming activity (channel, conversation, sender, id): a retry of it carries the same key. Null: no id.</summary>
    public string? ActivityKey { get; init; }

    /// <summary>The record a change made by this turn keeps, so that a replay gets <paramref name="reply"/> again.</summary>
    public TurnRecord? Record(string? reply) => ActivityKey is { } key ? new TurnRecord(key, reply) : null;
}

/// <summary>What the actor sees. <see cref="ReplacesCard"/>: the card takes the place of the card whose button was pressed.</summary>
public sealed record Reply(string? Text = null, AdaptiveCard? Card = null, bool ReplacesCard = false);
