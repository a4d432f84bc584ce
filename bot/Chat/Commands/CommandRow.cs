using EscalationBot.Cards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// One command, declared once: how it is typed and explained, how its text and its button data parse, the case
/// action it asks for and the button that offers it. The help list, both parsers, the "which case?" answers and a
/// case card's buttons all come from the rows of the <see cref="CommandTable"/>.
/// </summary>
public abstract record CommandRow
{
    /// <summary>The words that start the typed command ("claim", "handover note"); null: it has no typed form.</summary>
    public string? Typed { get; init; }

    /// <summary>Other words that start it ("timeline" for "history").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>What follows <see cref="Typed"/> in the help list ("ESC-n text").</summary>
    public string Arguments { get; init; } = "";

    /// <summary>The help line; null: not listed.</summary>
    public string? Help { get; init; }

    /// <summary>Whose help lists it: the roles that can use it. A row with a help line names at least one.</summary>
    public Audience ShownTo { get; init; }

    /// <summary>On staff's short help list; the rest of theirs is under "More". A reporter's list is short anyway.</summary>
    public bool Everyday { get; init; }

    /// <summary>What follows <see cref="Typed"/> in the answer to a command typed wrong ("Try: claim ESC-12").</summary>
    public string Example { get; init; } = "";

    /// <summary>The verb its buttons send (<see cref="Verbs"/>); null: it has no button.</summary>
    public string? CardVerb { get; init; }

    /// <summary>Its buttons carry a case id, and mean nothing without one.</summary>
    public bool NeedsCase { get; init; }

    /// <summary>The case action it asks the rules for, if any; with <see cref="Button"/>, it shows on a case card whose state allows it.</summary>
    public CaseAction? Action { get; init; }

    /// <summary>The form or button a case card shows for it.</summary>
    public CaseButtons Button { get; init; }

    public abstract Type CommandType { get; }

    public string Usage => $"{Typed} {Example}".Trim();

    /// <summary>The command from the text after the typed words; null: typed wrong.</summary>
    public abstract ChatCommand? FromText(string rest);

    /// <summary>The command from a button's data; null: the row has no button.</summary>
    public abstract ChatCommand? FromCard(CardData data);

    /// <summary>Hands the command to its handler, found by the command's type.</summary>
    public abstract Task<Reply> RunAsync(
        IServiceProvider services,
        ChatCommand command,
        ChatTurn turn,
        CancellationToken cancellationToken
    );
}

/// <summary>The row of commands of type <typeparamref name="T"/>, carried out by the <see cref="ICommandHandler{T}"/> registered for it.</summary>
public sealed record Command<T> : CommandRow
    where T : ChatCommand
{
    public Func<string, T?>? Text { get; init; }

    public Func<CardData, T>? Card { get; init; }

    public override Type CommandType => typeof(T);

    public override ChatCommand? FromText(string rest) => Text?.Invoke(rest);

    public override ChatCommand? FromCard(CardData data) => Card?.Invoke(data);

    public override Task<Reply> RunAsync(
        IServiceProvider services,
        ChatCommand command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) => services.GetRequiredService<ICommandHandler<T>>().HandleAsync((T)command, turn, cancellationToken);
}

/// <summary>What a button sent: every value is user input, read as text and bounded.</summary>
public sealed class CardData(JObject data)
{
    /// <summary>The case the button is for; set whenever the row <see cref="CommandRow.NeedsCase"/>.</summary>
    public string Case => Read(Verbs.CaseIdKey) ?? "";

    public string? Read(string key) =>
        data.TryGetValue(key, out var token)
        && token.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean
            ? token.ToString()
            : null;

    public string? Text(string key, int max = TextLimits.Note) => TextLimits.TrimOrNull(Read(key), max);

    public bool Flag(string key) => Read(key) == "true";
}
