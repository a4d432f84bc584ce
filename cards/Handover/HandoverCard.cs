using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Handover;

/// <summary>One section of a digest: its first lines, how many there are in all, and the command that lists them all.</summary>
/// <summary>
/// One section of a digest: its first lines, how many there are in all, and the command that lists them all.
/// <see cref="Held"/>: the same entries as cases an outgoing owner must choose for, when the digest offers the choices.
/// </summary>
public sealed record DigestSection(
    string Title,
    IReadOnlyList<string> Lines,
    int Total,
    string? ListCommand,
    string? Summary = null,
    IReadOnlyList<HeldCase>? Held = null
);

/// <summary>Who took the work over, and when.</summary>
public sealed record Acknowledgement(string Name, DateTimeOffset At, string? Id = null);

/// <summary>
/// A handover digest as the card shows it. <see cref="AcknowledgeData"/> is what the "I've got it" button sends
/// (which run of which shift); null for a digest posted on demand, which nobody acknowledges. <see cref="Options"/>:
/// the keep / hand to / release choices for the outgoing shift's cases, when the outgoing shift is known.
/// <see cref="Message"/>: what the last press did, for the person who pressed (never stored with the digest).
/// </summary>
public sealed record HandoverView(
    string Title,
    string Subtitle,
    IReadOnlyList<DigestSection> Sections,
    IReadOnlyList<Acknowledgement> Acknowledged,
    string? LateNote,
    IReadOnlyDictionary<string, string>? AcknowledgeData,
    HandoverOptions? Options = null,
    string? Message = null
)
{
    /// <summary>The team's clock, for the times of the acknowledgements.</summary>
    public TeamClock Clock { get; init; } = TeamClock.Utc;
}

/// <summary>The handover digest: what is open, at risk and held by whom, posted at each shift change.</summary>
public static class HandoverCard
{
    /// <summary>What the "I've got it" button's data names: the shift's index and its run's start (unix seconds).</summary>
    public const string ShiftKey = "shift";
    public const string StartKey = "start";

    public static AdaptiveCard Build(HandoverView view, Buttons buttons)
    {
        var body = new List<Element>
        {
            new TextBlock(view.Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock(view.Subtitle) { Spacing = "None", IsSubtle = true },
        };
        if (view.LateNote is { } late)
        {
            body.Add(new Container([new TextBlock(late)]) { Style = "warning" });
        }

        if (view.Message is { } message)
        {
            body.Add(new Container([new TextBlock(message)]) { Style = "emphasis" });
        }

        if (view.Sections.Count == 0)
        {
            body.Add(new TextBlock("Nothing open, nothing at risk, nothing resolved: a quiet shift."));
        }

        foreach (var section in view.Sections)
        {
            body.Add(new TextBlock($"{section.Title} · {section.Total}") { Weight = "Bolder", Separator = true });
            if (section.Summary is { } summary)
            {
                body.Add(new TextBlock(summary) { Spacing = "Small" });
            }

            body.AddRange(
                section.Held is { } held && view.Options is { } options
                    ? HandoverChoiceRows.Rows(held, options, buttons)
                    : section.Lines.Select(line => new TextBlock(line) { Spacing = "Small" })
            );
            if (section.Total > section.Lines.Count)
            {
                var all = section.ListCommand is { } command ? $": type `{command}` to see them all" : "";
                body.Add(
                    new TextBlock($"…and {section.Total - section.Lines.Count} more{all}.")
                    {
                        IsSubtle = true,
                        Spacing = "Small",
                    }
                );
            }
        }

        if (view.Acknowledged.Count > 0)
        {
            var who = string.Join(", ", view.Acknowledged.Select(a => $"{a.Name} ({view.Clock.Time(a.At)})"));
            body.Add(new Container([new TextBlock($"✅ Taken over by {who}")]) { Style = "good", Separator = true });
        }
        else if (view.AcknowledgeData is not null)
        {
            body.Add(
                new TextBlock("Nobody on the incoming shift has taken this over yet.")
                {
                    Color = "Attention",
                    Separator = true,
                }
            );
        }

        var actions = view.AcknowledgeData is { } data
            ? new List<CardAction> { buttons.Create("I've got it", Verbs.AcknowledgeHandover, data, style: "positive") }
            : [];
        actions.AddRange(Shifts.RosterCard.ShiftButtons(buttons));
        var fallback = $"{view.Title}. " + string.Join("; ", view.Sections.Select(s => $"{s.Title}: {s.Total}"));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = fallback };
    }
}
