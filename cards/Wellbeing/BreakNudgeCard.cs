using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Wellbeing;

/// <summary>
/// The private nudge a person gets in their 1:1 chat when they reach a limit of exposure to sensitive cases: what
/// they have handled, and a break offered. Nothing on it names a case.
/// </summary>
public static class BreakNudgeCard
{
    public static AdaptiveCard Build(string text, int breakMinutes, Buttons buttons) =>
        new([new TextBlock("Time for a break?") { Size = "Medium", Weight = "Bolder" }, new TextBlock(text)])
        {
            Actions =
            [
                buttons.Create($"Take a break ({breakMinutes} min)", Verbs.TakeBreak, style: "positive"),
                buttons.Create("Not now", Verbs.NotNow),
            ],
            FallbackText = text,
        };
}
