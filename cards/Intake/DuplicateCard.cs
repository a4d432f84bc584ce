using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Intake;

/// <summary>The open case a new report seems to repeat, as much of it as another reporter may see.</summary>
public sealed record DuplicateView(
    string ExistingId,
    string SeverityLabel,
    string PolicyAreaLabel,
    string StateLabel,
    DateTimeOffset FiledAt,
    TeamClock Clock
);

/// <summary>Shown instead of filing when an open case already names the same content or account.</summary>
public static class DuplicateCard
{
    public static AdaptiveCard Build(
        DuplicateView existing,
        IReadOnlyDictionary<string, string> form,
        Buttons buttons
    ) =>
        new([
            new TextBlock($"Is this {existing.ExistingId}?") { Size = "Large", Weight = "Bolder" },
            new TextBlock(
                $"An open case already names this content or account: {existing.ExistingId} "
                    + $"({existing.SeverityLabel}, {existing.PolicyAreaLabel}, "
                    + $"{existing.StateLabel.ToLowerInvariant()}, filed {existing.Clock.Moment(existing.FiledAt)})."
            )
            {
                Spacing = "Small",
            },
            new TextBlock(
                $"Add your report to {existing.ExistingId}, so the specialist handling it sees it at once, or file a new escalation linked to it."
            )
            {
                IsSubtle = true,
            },
        ])
        {
            Actions =
            [
                buttons.Create($"Add to {existing.ExistingId}", Verbs.AddToCase, form, existing.ExistingId, "positive"),
                buttons.Create(
                    "File anyway",
                    Verbs.SubmitIntake,
                    new Dictionary<string, string>(form) { [IntakeFields.FileAnyway] = "true" }
                ),
            ],
            FallbackText = $"This looks like {existing.ExistingId}: add to it, or file anyway.",
        };
}
