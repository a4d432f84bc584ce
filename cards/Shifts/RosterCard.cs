using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Shifts;

/// <summary>One run of a shift as <c>who</c> shows it: its name, its hours and who is on it.</summary>
public sealed record RosterShift(string Name, string When, IReadOnlyList<string> People);

/// <summary>The shift in progress and the next one; either may be missing on a rota with gaps.</summary>
public sealed record RosterView(RosterShift? Current, RosterShift? Next);

/// <summary>
/// Who is on shift now and who is on the next shift, with the buttons to start or end one's own shift. Pressed here,
/// they redraw this card, with a notice saying what the press did.
/// </summary>
public static class RosterCard
{
    /// <summary>What this card's buttons carry, so that a press redraws it (a digest's do not): only a hint.</summary>
    public const string CardKey = "card";
    public const string WhoCard = "who";

    public static AdaptiveCard Build(RosterView view, Buttons buttons, string? notice = null)
    {
        var body = new List<Element>
        {
            new TextBlock("Who is on shift") { Size = "Large", Weight = "Bolder" },
        };
        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = "emphasis" });
        }

        Add(body, "Now", view.Current, "No shift is running now.");
        Add(body, "Next", view.Next, "No shift is planned in the next fortnight.");
        var fromHere = new Dictionary<string, string> { [CardKey] = WhoCard };
        return new AdaptiveCard(body)
        {
            Actions =
            [
                buttons.Create("Start my shift", Verbs.StartShift, fromHere),
                buttons.Create("End my shift", Verbs.EndShift, fromHere),
            ],
            FallbackText = $"On shift now: {Names(view.Current)}. Next: {Names(view.Next)}.",
        };
    }

    /// <summary>"Start my shift" and "End my shift" on a handover digest: a press there answers in words.</summary>
    public static List<CardAction> ShiftButtons(Buttons buttons) =>
        [buttons.Create("Start my shift", Verbs.StartShift), buttons.Create("End my shift", Verbs.EndShift)];

    private static void Add(List<Element> body, string heading, RosterShift? shift, string none)
    {
        if (shift is null)
        {
            body.Add(new TextBlock($"{heading}: {none}") { Separator = true });
            return;
        }

        body.Add(new TextBlock($"{heading}: {shift.Name} shift") { Weight = "Bolder", Separator = true });
        body.Add(new TextBlock(shift.When) { Spacing = "None", IsSubtle = true });
        body.AddRange(
            shift.People.Count == 0
                ? [new TextBlock("Nobody has started it, and nobody is planned on it.") { Spacing = "Small" }]
                : shift.People.Select(p => new TextBlock(p) { Spacing = "Small" })
        );
    }

    private static string Names(RosterShift? shift) => shift is null ? "none" : $"{shift.Name} ({shift.People.Count})";
}
