using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Insight;

/// <summary>The weekly report: the narrative, the week's figures and charts, and the cases Content Policy should see.</summary>
public sealed record WeeklyReportView(
    StatsView Stats,
    IReadOnlyList<string> Narrative,
    IReadOnlyList<(string Id, string Labels, string Why)> Notable,
    int MoreNotable,
    string? LateNote
);

public static class WeeklyReportCard
{
    public static AdaptiveCard Build(WeeklyReportView view)
    {
        var stats = StatsCard.Body(view.Stats);
        var body = new List<Element>(stats.Take(2));
        if (view.LateNote is { } late)
        {
            body.Add(new Container([new TextBlock(late)]) { Style = "warning" });
        }

        body.Add(new TextBlock(string.Join(" ", view.Narrative)));
        body.Add(
            new TextBlock($"Notable cases · {view.Notable.Count + view.MoreNotable}")
            {
                Weight = "Bolder",
                Separator = true,
            }
        );
        body.Add(
            new TextBlock(
                "Breached, reopened, or resolved as needing a policy decision: the gaps Content Policy should see."
            )
            {
                IsSubtle = true,
                Size = "Small",
                Spacing = "None",
            }
        );
        body.Add(
            view.Notable.Count == 0
                ? new TextBlock("None this week.")
                : new FactSet([.. view.Notable.Select(n => new Fact(n.Id, $"{n.Labels} · {n.Why}"))])
        );
        if (view.MoreNotable > 0)
        {
            body.Add(
                new TextBlock($"and {view.MoreNotable} more: export the week for every case.") { IsSubtle = true }
            );
        }

        body.AddRange(stats.Skip(2));
        return new AdaptiveCard(body) { FallbackText = view.Stats.Title };
    }
}
