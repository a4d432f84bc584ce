using System.Text.Json.Serialization;

namespace EscalationBot.Cards.AdaptiveCards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
[JsonDerivedType(typeof(InputTime), "Input.Time")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
[JsonDerivedType(typeof(Image), "Image")]
public abstract record Element
{
    public string? Id { get; init; }
    public string? Spacing { get; init; }
    public bool? Separator { get; init; }
    public bool? IsVisible { get; init; }
}

public sealed record TextBlock(string Text) : Element
{
    public bool Wrap { get; init; } = true;
    public string? Size { get; init; }
    public string? Weight { get; init; }
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
}

/// <summary>An image by URL: an https address the client can fetch without credentials, or a small data: URI.</summary>
public sealed record Image(string Url) : Element
{
    /// <summary>What a screen reader says, and what shows when the image does not load.</summary>
    public string? AltText { get; init; }

    /// <summary>auto, stretch (the card's width), small, medium or large.</summary>
    public string? Size { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : Element;

public sealed record Container(IReadOnlyList<Element> Items) : Element
{
    /// <summary>default, emphasis, good, attention, warning, accent.</summary>
    public string? Style { get; init; }
}

public sealed record Column(IReadOnlyList<Element> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";
    public string? Width { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : Element;

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : Element;

public abstract record Input : Element
{
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record InputText : Input
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record InputChoiceSet(IReadOnlyList<Choice> Choices) : Input
{
    public string? Value { get; init; }

    /// <summary>compact (drop-down) or expanded (radio buttons).</summary>
    public string? Style { get; init; }
    public string? Placeholder { get; init; }
}

public sealed record InputDate : Input
{
    public string? Value { get; init; }
}

public sealed record InputTime : Input
{
    public string? Value { get; init; }
}

public sealed record InputToggle(string Title) : Input
{
    public string? Value { get; init; }
    public string ValueOn { get; init; } = "true";
    public string ValueOff { get; init; } = "false";
}
