using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>A case's history as card elements: who, what, when, and the text involved.</summary>
public static class TimelineView
{
    public const string ElementId = "timeline";

    /// <summary>The most the case card shows, newest last; it reads no more than these from storage.</summary>
    public const int MaxEntries = 15;

    /// <summary>The most the history card shows (Teams' message size bounds it).</summary>
    public const int MaxHistoryEntries = 20;

    /// <summary>The newest <paramref name="max"/> of <paramref name="timeline"/>, after a line counting the rest and
    /// the <paramref name="earlier"/> entries that were not read.</summary>
    public static IEnumerable<Element> Entries(
        IReadOnlyList<TimelineEntry> timeline,
        TeamClock clock,
        int earlier = 0,
        int max = MaxEntries
    )
    {
        var shown = timeline.Count > max ? timeline.Skip(timeline.Count - max).ToList() : timeline;
        var notShown = earlier + timeline.Count - shown.Count;
        if (notShown > 0)
        {
            yield return new TextBlock(
                $"…{notShown} earlier {(notShown == 1 ? "entry" : "entries")}: type 'history' with the case id for all."
            )
            {
                IsSubtle = true,
            };
        }

        foreach (var entry in shown)
        {
            yield return new TextBlock($"{clock.Moment(entry.At)} · **{entry.Who}** · {entry.What}")
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
    public static AdaptiveCard Card(
        string caseId,
        IReadOnlyList<TimelineEntry> timeline,
        TeamClock clock,
        string? note = null
    ) =>
        new([
            new TextBlock($"History of {caseId}") { Size = "Large", Weight = "Bolder" },
            .. note is null ? Array.Empty<Element>() : [new TextBlock(note) { IsSubtle = true, Spacing = "None" }],
            .. Entries(timeline, clock, max: MaxHistoryEntries),
        ])
        {
            FallbackText = $"History of {caseId}: {timeline.Count} entries.",
        };
}
