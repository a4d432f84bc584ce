using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>The card in the specialists' queue: one per case, edited in place as the case moves.</summary>
public static class CaseCard
{
    public const string OutcomeField = "outcome";
    public const string SummaryField = "summary";
    public const string NoteField = "note";
    public const string ReasonField = "reason";

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
        if (view.Timeline.Count > 0)
        {
            body.Add(new Container([new TextBlock("Timeline") { Weight = "Bolder" }, .. TimelineView.Entries(view.Timeline)])
            {
                Id = TimelineView.ElementId,
                IsVisible = false,
                Separator = true,
            });
        }

        var actions = new List<CardAction>();
        if (view.HidesDetails && view.Buttons.HasFlag(CaseButtons.Reveal))
        {
            actions.Add(buttons.Create("Reveal details", Verbs.Reveal, view.Id));
        }

        if (view.Buttons.HasFlag(CaseButtons.Claim))
        {
            actions.Add(buttons.Create("Claim", Verbs.Claim, view.Id, "positive"));
        }

        if (view.Buttons.HasFlag(CaseButtons.Resolve))
        {
            actions.Add(new ShowCardAction("Resolve…", ResolveForm(view, buttons)));
        }

        if (view.Buttons.HasFlag(CaseButtons.Release))
        {
            actions.Add(buttons.Create("Release", Verbs.Release, view.Id));
        }

        if (view.Buttons.HasFlag(CaseButtons.Reopen))
        {
            actions.Add(ReopenForm(view.Id, buttons));
        }

        if (view.Buttons.HasFlag(CaseButtons.Note))
        {
            actions.Add(new ShowCardAction("Add note…", TextForm(NoteField, "Note for the timeline", "Add note", Verbs.Note, view.Id, buttons)));
        }

        if (!view.Sensitive && view.Buttons.HasFlag(CaseButtons.MarkSensitive))
        {
            actions.Add(buttons.Create("Mark sensitive", Verbs.MarkSensitive, view.Id));
        }

        if (view.Timeline.Count > 0)
        {
            actions.Add(new ToggleVisibilityAction("Timeline", [TimelineView.ElementId]));
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

    public static ShowCardAction ReopenForm(string caseId, Buttons buttons) =>
        new("Reopen…", TextForm(ReasonField, "Why reopen?", "Reopen", Verbs.Reopen, caseId, buttons));

    private static AdaptiveCard TextForm(string field, string label, string submit, string verb, string caseId, Buttons buttons) =>
        new([new InputText { Id = field, Label = label, IsMultiline = true, IsRequired = true, MaxLength = 2000, ErrorMessage = $"{label} is required." }])
        {
            Actions = [buttons.Create(submit, verb, caseId)],
        };

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
