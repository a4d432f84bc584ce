using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Help;

public static class HelpCard
{
    public static AdaptiveCard Build(
        string? preface,
        IReadOnlyList<(string Command, string Meaning)> commands,
        Buttons buttons
    )
    {
        var body = new List<Element>();
        if (preface is not null)
        {
            body.Add(new TextBlock(preface) { Weight = "Bolder" });
        }

        body.Add(
            new TextBlock(
                "I take high-risk escalations about Facebook and Instagram users and content to the on-shift specialists."
            )
        );
        body.Add(new FactSet(commands.Select(c => new Fact(c.Command, c.Meaning)).ToList()));
        return new AdaptiveCard(body)
        {
            Actions = [buttons.Create("File an escalation", Verbs.OpenIntake, style: "positive")],
            FallbackText = "Type 'escalate' to file an escalation, or 'help' for the commands.",
        };
    }
}
