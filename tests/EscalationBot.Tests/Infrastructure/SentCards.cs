using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Infrastructure;

/// <summary>Reads the cards the bot sent, as JSON: their texts and their buttons.</summary>
internal static class SentCards
{
    internal static string Texts(JToken card) =>
        string.Join(
            "\n",
            ((JContainer)card)
                .Descendants()
                .OfType<JProperty>()
                .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String)
                .Select(p => p.Value.ToString())
        );

    internal static IEnumerable<JObject> Actions(JObject card) =>
        card.Descendants()
            .OfType<JObject>()
            .Where(o =>
                o.Value<string>("type") is { } t
                && t.StartsWith("Action.", StringComparison.Ordinal)
                && t != "Action.ShowCard"
            );
}
