using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>A case's history as card elements: who, what, when, and the text involved.</summary>
public static class TimelineView
{
    public const string ElementId = "timeline";
    public const int MaxEntries = 20;

    public static IEnumerable<Element> Entries(IReadOnlyList<TimelineEntry> timeline)
    {
        var shown = timeline.Count > MaxEntries ? timeline.Skip(timeline.Count - MaxEntries).ToList() : timeline;
        if (shown.Count < timeline.Count)
        {
            yield return new TextBlock(
                $"…{timeline.Count - shown.Count} earlier entries: type 'history' with the case id for all."
            )
            {
                IsSubtle = true,
            };
        }

        foreach (var entry in shown)
        {
            yield return new TextBlock($"{Durations.LocalTime(entry.At)} · **{entry.Who}** · {entry.What}")
            {
                Spacing = "Small",
            };
            if (!string.IsNullOrEmpty(entry.Text))
            {
                yield return new TextBlock(entry.Text) { Spacing = "None", IsSubtle = true };
            }
        }
    }

    /// <summary>The history on a card of its own; <paramref name="note"/> (if any) says why texts are hidden.</summary>
    public static AdaptiveCard Card(string caseId, IReadOnlyList<TimelineEntry> timeline, string? note = null) =>
        new([
            new TextBlock($"History of {caseId}") { Size = "Large", Weight = "Bolder" },
            .. note is null ? Array.Empty<Element>() : [new TextBlock(note) { IsSubtle = true, Spacing = "None" }],
            .. Entries(timeline),
        ])
        {
            FallbackText = $"History of {caseId}: {timeline.Count} entries.",
        };
}
