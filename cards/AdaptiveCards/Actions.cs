using System.Text.Json.Serialization;

namespace EscalationBot.Cards.AdaptiveCards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    /// <summary>default, positive or destructive.</summary>
    public string? Style { get; init; }
}

/// <summary>Universal Action: Teams sends it to the bot as an adaptiveCard/action invoke.</summary>
public sealed record ExecuteAction(string Title, string Verb, IReadOnlyDictionary<string, string> Data)
    : CardAction(Title);

/// <summary>Web Chat, Direct Line and the Emulator send it as a message whose value is the data merged with the inputs.</summary>
public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, string> Data) : CardAction(Title);

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);

public sealed record ToggleVisibilityAction(string Title, IReadOnlyList<string> TargetElements) : CardAction(Title);

/// <summary>Opens <see cref="Url"/> in the viewer's browser: a download, a page; nothing is sent to the bot.</summary>
public sealed record OpenUrlAction(string Title, string Url) : CardAction(Title);
