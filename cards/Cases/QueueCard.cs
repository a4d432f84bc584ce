using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>The open cases, oldest first: one line each with its age and its next target.</summary>
public static class QueueCard
{
    public static AdaptiveCard Build(string title, IReadOnlyList<CaseView> cases, int total)
    {
        var body = new List<Element>
        {
            new TextBlock(title) { Size = "Large", Weight = "Bolder" },
        };
        if (cases.Count == 0)
        {
            body.Add(new TextBlock("Nothing open. 🎉"));
        }

        foreach (var view in cases)
        {
            var age = Durations.Format(view.Now - view.FiledAt);
            var next = view.ClaimedAt is null
                ? $"first response {Left(view.FirstResponseDue, view.Now)}"
                : $"resolution {Left(view.ResolutionDue, view.Now)}";
            var who = view.OwnerName is null ? "unclaimed" : $"with {view.OwnerName}";
            body.Add(
                new TextBlock($"**{view.Id}** · {view.SeverityLabel} · {view.PolicyAreaLabel} · {view.PlatformLabel}")
                {
                    Separator = true,
                    Color = CaseFacts.SeverityColor(view.SeverityLevel),
                }
            );
            body.Add(
                new TextBlock($"{view.StateLabel}, {who} · {age} old · {next}") { Spacing = "None", IsSubtle = true }
            );
        }

        if (total > cases.Count)
        {
            body.Add(new TextBlock($"…and {total - cases.Count} more.") { IsSubtle = true });
        }

        return new AdaptiveCard(body) { FallbackText = $"{title}: {total} open." };
    }

    private static string Left(DateTimeOffset due, DateTimeOffset now) =>
        due >= now ? $"due in {Durations.Format(due - now)}" : $"overdue by {Durations.Format(now - due)}";
}
