using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Handover;

/// <summary>A case an outgoing owner holds at a handover: its line, and the choice made for it so far (null: none).</summary>
public sealed record HeldCase(string CaseId, string Line, string? Chosen);

/// <summary>
/// What the choice buttons carry and offer at one shift boundary: the boundary (unix seconds), the people on the
/// incoming shift a case can be handed to, and what happens to a case nobody chooses for. <see cref="CardData"/>
/// says which card the buttons are on, so the bot can redraw it; like all button data, it is only a hint.
/// </summary>
public sealed record HandoverOptions(
    string Boundary,
    IReadOnlyList<Choice> Incoming,
    string Default,
    IReadOnlyDictionary<string, string> CardData
);

/// <summary>The same three choices on the outgoing owner's reminder and on the digest: keep, hand to, release.</summary>
public static class HandoverChoiceRows
{
    /// <summary>Which card a choice was pressed on, so it can be redrawn: the owner's reminder or a digest.</summary>
    public const string CardKey = "card";
    public const string OwnerCard = "owner";
    public const string DigestCard = "digest";

    public const string ChoiceKey = "choice";
    public const string BoundaryKey = "boundary";
    public const string AssigneeField = "handTo";
    public const string Keep = "keep";
    public const string Release = "release";
    public const string HandTo = "handTo";

    /// <summary>The "Hand to" list, once per card (input ids are unique within a card), then each case with its buttons.</summary>
    public static IEnumerable<Element> Rows(IReadOnlyList<HeldCase> cases, HandoverOptions options, Buttons buttons)
    {
        if (options.Incoming.Count > 0)
        {
            yield return new InputChoiceSet(options.Incoming)
            {
                Id = AssigneeField,
                Label = "Someone on the incoming shift, for Hand to",
                Style = "compact",
                Placeholder = "Choose, then press Hand to on a case",
            };
        }

        foreach (var held in cases)
        {
            yield return new TextBlock(held.Chosen is { } chosen ? $"{held.Line} · ✅ {chosen}" : held.Line)
            {
                Spacing = "Small",
            };
            var actions = new List<CardAction>
            {
                buttons.Create("Keep", Verbs.HandoverChoice, Data(options, Keep), held.CaseId),
                buttons.Create("Release", Verbs.HandoverChoice, Data(options, Release), held.CaseId),
            };
            if (options.Incoming.Count > 0)
            {
                actions.Insert(1, buttons.Create("Hand to", Verbs.HandoverChoice, Data(options, HandTo), held.CaseId));
            }

            yield return new ActionSet(actions) { Spacing = "None" };
        }

        yield return new TextBlock(options.Default) { IsSubtle = true, Spacing = "Small" };
    }

    private static Dictionary<string, string> Data(HandoverOptions options, string choice) =>
        new(options.CardData) { [ChoiceKey] = choice, [BoundaryKey] = options.Boundary };
}

/// <summary>The reminder an outgoing owner gets before their shift ends: their open cases, and a choice for each.</summary>
public sealed record OutgoingView(
    string Title,
    string Subtitle,
    IReadOnlyList<HeldCase> Cases,
    HandoverOptions Options,
    string? Message = null
);

public static class OutgoingCard
{
    public static AdaptiveCard Build(OutgoingView view, Buttons buttons)
    {
        var body = new List<Element>
        {
            new TextBlock(view.Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock(view.Subtitle) { Spacing = "None", IsSubtle = true },
        };
        if (view.Message is { } message)
        {
            body.Add(new Container([new TextBlock(message)]) { Style = "emphasis" });
        }

        body.AddRange(
            view.Cases.Count == 0
                ? [new TextBlock("You hold no open cases now: nothing to hand over.")]
                : HandoverChoiceRows.Rows(view.Cases, view.Options, buttons)
        );
        return new AdaptiveCard(body)
        {
            FallbackText = $"{view.Title}: {string.Join(", ", view.Cases.Select(c => c.CaseId))}",
        };
    }
}
