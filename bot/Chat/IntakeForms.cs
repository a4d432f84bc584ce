using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>What the intake card offers (the case rules' values, with their labels), and what it shows back.</summary>
public static class IntakeForms
{
    /// <summary>The limits the card shows and enforces: the case rules' (<see cref="TextLimits"/>).</summary>
    public static readonly IntakeLimits Limits = new(
        TextLimits.Partner,
        TextLimits.Account,
        TextLimits.ContentUrls,
        TextLimits.Description
    );

    public static readonly IReadOnlyList<Choice> Platforms = Enum.GetValues<Platform>()
        .Select(p => new Choice(Labels.Of(p), p.ToString()))
        .ToList();

    public static readonly IReadOnlyList<Choice> PolicyAreas = Enum.GetValues<PolicyArea>()
        .Select(a => new Choice(Labels.Of(a), a.ToString()))
        .ToList();

    public static readonly IReadOnlyList<Choice> Severities = Enum.GetValues<Severity>()
        .Select(s => new Choice(Labels.Describe(s), s.ToString()))
        .ToList();

    /// <summary>The form as it goes back to the reporter: what they typed, each field cut to its limit (the problem
    /// says it was longer), so that a long paste never makes the card too large to send.</summary>
    public static IntakeCardData Data(
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> problems,
        string timeZoneName
    ) =>
        new(
            Platforms,
            PolicyAreas,
            Severities,
            values.ToDictionary(v => v.Key, v => TextLimits.Trim(v.Value, LimitOf(v.Key))),
            problems,
            Limits,
            timeZoneName
        );

    private static int LimitOf(string field) =>
        field switch
        {
            IntakeFields.Partner => TextLimits.Partner,
            IntakeFields.Account => TextLimits.Account,
            IntakeFields.ContentUrls => TextLimits.ContentUrls,
            IntakeFields.Description => TextLimits.Description,
            _ => TextLimits.Word,
        };
}
