using System.Text.Json;
using System.Text.Json.Serialization;

namespace EscalationBot.Cards.AdaptiveCards;

/// <summary>Writes cards in the wire format clients expect: camelCase, no nulls.</summary>
public static class CardJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);
}
