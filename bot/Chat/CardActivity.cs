using EscalationBot.Cards.AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Chat;

public static class CardActivity
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Bot Framework serializes attachments with Newtonsoft, so the card goes in as a JObject.</summary>
    public static JObject Content(AdaptiveCard card) => JObject.Parse(CardJson.Serialize(card));

    public static IMessageActivity Of(AdaptiveCard card)
    {
        var activity = MessageFactory.Attachment(new Attachment { ContentType = ContentType, Content = Content(card) });
        activity.Summary = card.FallbackText;
        return activity;
    }
}
