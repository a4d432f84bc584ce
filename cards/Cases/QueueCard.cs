using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>The open cases, oldest first: one line each with its age and its next target.</summary>
public static class QueueCard
{
    /// <param name="title">The list's title, with its count.</param>
    /// <param name="cases">The cases shown.</param>
    /// <param name="total">How many the list holds; with <paramref name="narrow"/>, at least how many.</param>
    /// <param name="narrow">
    /// Set when only the first page of the list was read, so that <paramref name="total"/> is a lower bound: how to
    /// narrow the list, said under it.
    /// </param>
    public static AdaptiveCard Build(string title, IReadOnlyList<CaseView> cases, int total, string? narrow = null)
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

        if (narrow is not null)
        {
            body.Add(new TextBlock($"…and at least {total - cases.Count} more. {narrow}") { IsSubtle = true });
        }
        else if (total > cases.Count)
        {
            body.Add(new TextBlock($"…and {total - cases.Count} more.") { IsSubtle = true });
        }

        var open = narrow is null ? $"{total} open" : $"at least {total} open";
        return new AdaptiveCard(body) { FallbackText = $"{title}: {open}." };
    }

    private static string Left(DateTimeOffset due, DateTimeOffset now) =>
        due >= now ? $"due in {Durations.Format(due - now)}" : $"overdue by {Durations.Format(now - due)}";
}
