using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Wellbeing;

/// <summary>
/// A claim asked about first, privately: the case, how many sensitive cases the person has taken, over what
/// ("this shift").
/// </summary>
public sealed record ClaimLimitView(string CaseId, int Taken, string Period);

/// <summary>
/// Asked in the person's own 1:1 chat when they claim a sensitive case at their limit: they keep the choice. Its
/// buttons carry the case id and, for "Claim anyway", a flag; the bot checks the claim again as always.
/// </summary>
public static class ClaimLimitCard
{
    /// <summary>The flag of "Claim anyway": claim without asking again.</summary>
    public const string AnywayKey = "anyway";

    public static AdaptiveCard Build(ClaimLimitView view, Buttons buttons) =>
        new([
            new TextBlock($"Claim {view.CaseId}?") { Size = "Large", Weight = "Bolder" },
            new TextBlock(Question(view)) { Spacing = "Small" },
            new TextBlock($"{view.CaseId} is sensitive. Leaving it to someone else is fine.")
            {
                IsSubtle = true,
                Spacing = "Small",
            },
        ])
        {
            Actions =
            [
                buttons.Create(
                    "Claim anyway",
                    Verbs.Claim,
                    new Dictionary<string, string> { [AnywayKey] = "true" },
                    view.CaseId,
                    "positive"
                ),
                buttons.Create("Leave it", Verbs.LeaveCase, view.CaseId),
            ],
            FallbackText = Question(view),
        };

    private static string Question(ClaimLimitView view) =>
        $"You've handled {view.Taken} sensitive {(view.Taken == 1 ? "case" : "cases")} {view.Period}. Claim anyway?";
}
