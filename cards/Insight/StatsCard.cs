using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Insight;

/// <summary>One metric: its figures as facts, and one line saying how it is computed.</summary>
public sealed record StatsMetric(string Title, IReadOnlyList<Fact> Facts, string HowComputed);

/// <summary>A chart the card shows from the bot's signed link (or inline, as a data: URI).</summary>
public sealed record ChartImage(string Url, string AltText);

/// <summary>The team's figures for a period as the stats card shows them: every text already written.</summary>
public sealed record StatsView(
    string Title,
    string Subtitle,
    IReadOnlyList<StatsMetric> Metrics,
    IReadOnlyList<ChartImage> Charts,
    string? Note = null
);

/// <summary>The stats card: volumes, backlog, MTTA, MTTR, targets met and breakdowns, each with how it is computed.</summary>
public static class StatsCard
{
    public static AdaptiveCard Build(StatsView view) => new(Body(view)) { FallbackText = view.Title };

    /// <summary>The card's body, for cards that show the figures among other things (the weekly report).</summary>
    public static List<Element> Body(StatsView view)
    {
        var body = new List<Element>
        {
            new TextBlock(view.Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock(view.Subtitle) { Spacing = "None", IsSubtle = true },
        };
        if (view.Note is { } note)
        {
            body.Add(new Container([new TextBlock(note)]) { Style = "warning" });
        }

        body.AddRange(view.Charts.Select(c => new Image(c.Url) { AltText = c.AltText, Size = "Stretch" }));

        foreach (var metric in view.Metrics)
        {
            body.Add(new TextBlock(metric.Title) { Weight = "Bolder", Separator = true });
            if (metric.Facts.Count > 0)
            {
                body.Add(new FactSet(metric.Facts) { Spacing = "Small" });
            }

            body.Add(
                new TextBlock(metric.HowComputed)
                {
                    IsSubtle = true,
                    Size = "Small",
                    Spacing = "Small",
                }
            );
        }

        return body;
    }
}
