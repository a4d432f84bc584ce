using System.Text.Json.Serialization;

namespace EscalationBot.Cards.AdaptiveCards;

/// <summary>The root of an Adaptive Card, schema 1.5: the highest version Teams renders everywhere.</summary>
public sealed record AdaptiveCard(IReadOnlyList<Element> Body)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Version => "1.5";

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Shown by clients that cannot render the card (notifications, older clients).</summary>
    public string? FallbackText { get; init; }
}
