using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>What the intake card offers (the case rules' values, with their labels), and what it shows back.</summary>
public static class IntakeForms
{
    public static readonly IReadOnlyList<Choice> Platforms =
        Enum.GetValues<Platform>().Select(p => new Choice(Labels.Of(p), p.ToString())).ToList();

    public static readonly IReadOnlyList<Choice> PolicyAreas =
        Enum.GetValues<PolicyArea>().Select(a => new Choice(Labels.Of(a), a.ToString())).ToList();

    public static readonly IReadOnlyList<Choice> Severities =
        Enum.GetValues<Severity>().Select(s => new Choice(Labels.Describe(s), s.ToString())).ToList();

    public static IntakeCardData Data(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> problems, string timeZoneName) =>
        new(Platforms, PolicyAreas, Severities, values, problems, IntakeValidator.Limits, timeZoneName);
}
