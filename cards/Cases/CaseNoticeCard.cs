using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>What a reporter sees about their own case: the confirmation, and each move after it.</summary>
public static class CaseNoticeCard
{
    public static AdaptiveCard Confirmation(CaseView view, Buttons buttons) =>
        new([
            new TextBlock($"Escalation {view.Id} filed") { Size = "Large", Weight = "Bolder" },
            new TextBlock(
                "On-shift specialists have it in their queue. You will hear here when it is claimed, if its severity changes, and when it is resolved."
            )
            {
                Spacing = "None",
            },
            new FactSet([
                new("Severity", view.SeverityLabel),
                new("Policy area", view.PolicyAreaLabel),
                .. Targets(view),
            ]),
        ])
        {
            Actions =
            [
                buttons.Create("Check status", Verbs.Status, view.Id),
                AddInformation(view.Id, "Add information…", "Send", buttons),
            ],
            FallbackText = $"Escalation {view.Id} filed ({view.SeverityLabel}).",
        };

    /// <summary>Triage changed the case's severity: what it is now, and the targets that came with it.</summary>
    public static AdaptiveCard SeverityChanged(CaseView view, Buttons buttons)
    {
        var by = view.LastTriage?.By ?? "A specialist";
        var what = view.LastTriage?.From is { } from
            ? $"{by} triaged your escalation and changed its severity from {from} to {view.SeverityLabel}."
            : $"{by} triaged your escalation; its severity is {view.SeverityLabel}.";
        return new([
            new TextBlock($"{view.Id} is now {view.SeverityLabel}") { Size = "Large", Weight = "Bolder" },
            new TextBlock($"{what} Its targets are now:") { Spacing = "None" },
            new FactSet([new("Severity", view.SeverityLabel), .. Targets(view)]),
        ])
        {
            Actions = [buttons.Create("Check status", Verbs.Status, view.Id)],
            FallbackText =
                $"{view.Id} is now {view.SeverityLabel}: first response target "
                + $"{Durations.Format(view.FirstResponseTarget)}, resolution {Durations.Format(view.ResolutionTarget)}.",
        };
    }

    private static Fact[] Targets(CaseView view) =>
        [
            new(
                "First response target",
                $"{Durations.Format(view.FirstResponseTarget)} (by {view.Clock.Moment(view.FirstResponseDue)})"
            ),
            new(
                "Resolution target",
                $"{Durations.Format(view.ResolutionTarget)} (by {view.Clock.Moment(view.ResolutionDue)})"
            ),
        ];

    /// <summary>The owner's question, with the reporter's reply form.</summary>
    public static AdaptiveCard Question(CaseView view, string question, Buttons buttons) =>
        new([
            new TextBlock($"A question about {view.Id}") { Size = "Large", Weight = "Bolder" },
            new TextBlock($"{view.OwnerName} asks:") { Spacing = "Small", IsSubtle = true },
            new TextBlock(question) { Spacing = "None" },
        ])
        {
            Actions = [AddInformation(view.Id, "Answer…", "Send answer", buttons)],
            FallbackText =
                $"{view.OwnerName} asks about {view.Id}: {question} Answer with: update {view.Id} <your answer>",
        };

    private static ShowCardAction AddInformation(string caseId, string title, string send, Buttons buttons) =>
        new(
            title,
            new AdaptiveCard([
                new InputText
                {
                    Id = CaseCard.UpdateField,
                    Label = "What would you like to add?",
                    IsMultiline = true,
                    IsRequired = true,
                    MaxLength = 2000,
                    ErrorMessage = "Write something to send.",
                },
            ])
            {
                Actions = [buttons.Create(send, Verbs.Update, caseId, "positive")],
            }
        );

    public static AdaptiveCard Claimed(CaseView view, Buttons buttons) =>
        new([
            new TextBlock($"{view.Id} is being handled") { Size = "Large", Weight = "Bolder" },
            new TextBlock($"{view.OwnerName} has claimed your escalation.") { Spacing = "None" },
            CaseFacts.Targets(view),
        ])
        {
            Actions = [buttons.Create("Check status", Verbs.Status, view.Id)],
            FallbackText = $"{view.Id} claimed by {view.OwnerName}.",
        };

    public static AdaptiveCard Resolved(CaseView view, Buttons buttons) =>
        new([
            new TextBlock($"{view.Id} resolved: {view.OutcomeLabel}")
            {
                Size = "Large",
                Weight = "Bolder",
                Color = "Good",
            },
            new TextBlock(view.ResolutionSummary ?? "") { Spacing = "Small" },
            new FactSet([
                new("Resolved by", view.OwnerName ?? ""),
                new("Resolved", view.Clock.Moment(view.ResolvedAt ?? view.Now)),
            ]),
        ])
        {
            Actions = view.Buttons.HasFlag(CaseButtons.Reopen) ? [CaseActionForms.Reopen(view.Id, buttons)] : null,
            FallbackText = $"{view.Id} resolved: {view.OutcomeLabel}. {view.ResolutionSummary}",
        };

    /// <summary>The reporter's view of their case: the same facts as the queue card, no buttons.</summary>
    public static AdaptiveCard Status(CaseView view) =>
        CaseCard.Build(view with { Buttons = CaseButtons.None, Timeline = [] }, new Buttons(ButtonMode.Submit));

    public static AdaptiveCard Reopened(CaseView view, string reason) =>
        new([
            new TextBlock($"{view.Id} reopened") { Size = "Large", Weight = "Bolder" },
            new TextBlock(reason) { Spacing = "Small" },
            new TextBlock(
                view.OwnerName is null ? "It is back in the specialists' queue." : $"{view.OwnerName} has it again."
            )
            {
                IsSubtle = true,
            },
        ])
        {
            FallbackText = $"{view.Id} reopened: {reason}",
        };
}
