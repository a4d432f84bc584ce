using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>The card in the specialists' queue: one per case, edited in place as the case moves.</summary>
public static class CaseCard
{
    public const string OutcomeField = "outcome";
    public const string SummaryField = "summary";

    public static AdaptiveCard Build(CaseView view, Buttons buttons)
    {
        var body = new List<Element>
        {
            CaseFacts.Headline(view),
            StateBanner(view),
            CaseFacts.Summary(view),
            CaseFacts.Targets(view),
        };
        body.AddRange(CaseFacts.Content(view));

        var actions = new List<CardAction>();
        if (view.Buttons.HasFlag(CaseButtons.Claim))
        {
            actions.Add(buttons.Create("Claim", Verbs.Claim, view.Id, "positive"));
        }

        if (view.Buttons.HasFlag(CaseButtons.Resolve))
        {
            actions.Add(new ShowCardAction("Resolve…", ResolveForm(view, buttons)));
        }

        return new AdaptiveCard(body)
        {
            Actions = actions.Count > 0 ? actions : null,
            FallbackText = $"{view.Id} ({view.SeverityLabel}, {view.StateLabel}): {view.PolicyAreaLabel}, {view.PlatformLabel}",
        };
    }

    private static Container StateBanner(CaseView view)
    {
        if (view.OutcomeLabel is not null)
        {
            return new Container(
            [
                new TextBlock($"Resolved by {view.OwnerName}: {view.OutcomeLabel}") { Weight = "Bolder" },
                new TextBlock(view.ResolutionSummary ?? "") { Spacing = "None" },
            ])
            { Style = "good" };
        }

        if (view.OwnerName is not null && view.ClaimedAt is { } claimed)
        {
            return new Container(
            [
                new TextBlock($"Claimed by {view.OwnerName} after {Durations.Format(claimed - view.FiledAt)}") { Weight = "Bolder" },
            ])
            { Style = "accent" };
        }

        return new Container(
        [
            new TextBlock($"Unclaimed for {Durations.Format(view.Now - view.FiledAt)}") { Weight = "Bolder" },
        ])
        { Style = view.SeverityLevel == 1 ? "attention" : "warning" };
    }

    private static AdaptiveCard ResolveForm(CaseView view, Buttons buttons) =>
        new(
        [
            new InputChoiceSet(view.Outcomes) { Id = OutcomeField, Label = "Outcome", Style = "expanded", IsRequired = true, ErrorMessage = "Choose an outcome." },
            new InputText { Id = SummaryField, Label = "Summary for the reporter", IsMultiline = true, IsRequired = true, MaxLength = 2000, ErrorMessage = "Write a summary for the reporter." },
        ])
        {
            Actions = [buttons.Create("Resolve", Verbs.Resolve, view.Id, "positive")],
        };
}
