using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>The card in the specialists' queue: one per case, edited in place as the case moves.</summary>
public static class CaseCard
{
    public const string OutcomeField = "outcome";
    public const string SummaryField = "summary";
    public const string NoteField = "note";
    public const string ReasonField = "reason";
    public const string TeamField = "team";
    public const string QuestionField = "question";
    public const string AnswerField = "answer";
    public const string AssigneeField = "assignee";
    public const string ReporterQuestionField = "reporterQuestion";
    public const string UpdateField = "update";
    public const string TriageAreaField = "triageArea";
    public const string TriageSeverityField = "triageSeverity";
    public const string TriageReasonField = "triageReason";
    public const string HandoverNoteField = "handoverNote";

    /// <summary>Teams, like the official renderer, shows at most five actions on a card.</summary>
    public const int MaxActions = 5;

    public static AdaptiveCard Build(CaseView view, Buttons buttons)
    {
        var body = new List<Element> { CaseFacts.Headline(view), StateBanner(view) };
        if (view.Suggested.Count > 0)
        {
            body.Add(
                new TextBlock($"Suggested: {string.Join(", ", view.Suggested)}")
                {
                    Size = "Small",
                    IsSubtle = true,
                    Spacing = "Small",
                }
            );
        }

        body.AddRange([CaseFacts.Summary(view), CaseFacts.Targets(view)]);
        if (view.LastTriage is { } recorded)
        {
            body.Add(TriageLine(recorded, view.Clock));
        }

        body.AddRange(CaseFacts.Content(view, buttons));
        if (view.HandoverNote is { } note)
        {
            body.Add(
                new Container([
                    new TextBlock($"For the next shift, from {note.Who} ({view.Clock.Moment(note.At)})")
                    {
                        Weight = "Bolder",
                        Size = "Small",
                    },
                    new TextBlock(Shown(view, note.Text)) { Spacing = "None", IsSubtle = view.HidesDetails },
                ])
                {
                    Style = "emphasis",
                    Spacing = "Medium",
                }
            );
        }
        if (view.Timeline.Count > 0)
        {
            // The toggle sits in the body, next to what it opens, and leaves the action bar to the case's next steps.
            body.Add(
                new ActionSet([new ToggleVisibilityAction("Timeline", [TimelineView.ElementId])]) { Spacing = "Medium" }
            );
            body.Add(
                new Container([.. TimelineView.Entries(view.Timeline, view.Clock, view.TimelineEarlier)])
                {
                    Id = TimelineView.ElementId,
                    IsVisible = false,
                }
            );
        }

        var actions = new List<CardAction>();
        if (view.Buttons.HasFlag(CaseButtons.Claim))
        {
            actions.Add(buttons.Create("Claim", Verbs.Claim, view.Id, "positive"));
        }

        if (view.Buttons.HasFlag(CaseButtons.Triage) && view.Triage is { } triage)
        {
            actions.Add(new ShowCardAction("Triage…", CaseActionForms.Triage(view.Id, triage, buttons)));
        }

        if (view.Buttons.HasFlag(CaseButtons.RecordAnswer))
        {
            actions.Add(new ShowCardAction("Record answer…", CaseActionForms.RecordAnswer(view, buttons)));
        }

        if (view.Buttons.HasFlag(CaseButtons.Resolve))
        {
            actions.Add(new ShowCardAction("Resolve…", CaseActionForms.Resolve(view, buttons)));
        }

        if (view.Buttons.HasFlag(CaseButtons.Reopen))
        {
            actions.Add(CaseActionForms.Reopen(view.Id, buttons));
        }

        if (view.Buttons.HasFlag(CaseButtons.Consult) && view.ConsultTeams.Count > 0)
        {
            actions.Add(new ShowCardAction("Consult…", CaseActionForms.Consult(view, buttons)));
        }

        if (view.Buttons.HasFlag(CaseButtons.Note))
        {
            actions.Add(new ShowCardAction("Add note…", CaseActionForms.Note(view.Id, buttons)));
        }

        if (CaseActionForms.More(view, buttons) is { } more)
        {
            actions.Add(more);
        }

        return new AdaptiveCard(body)
        {
            Actions = actions.Count > 0 ? actions : null,
            FallbackText =
                $"{view.Id} ({view.SeverityLabel}, {view.StateLabel}): {view.PolicyAreaLabel}, {view.PlatformLabel}",
        };
    }

    /// <summary>
    /// Every triage is confirmed on the card itself, for everyone: the outbox redraws the queue card for all right
    /// after, so a line only in the presser's copy would be gone within a second.
    /// </summary>
    private static TextBlock TriageLine(TriageRecorded triage, TeamClock clock) =>
        new(
            $"Triage recorded by {triage.By} ({clock.Moment(triage.At)}): "
                + (triage.From is { } from ? $"{from} → {triage.Severity}" : $"{triage.Severity} kept")
        )
        {
            Size = "Small",
            IsSubtle = true,
            Spacing = "Small",
        };

    /// <summary>A text written about the case, or the placeholder where the viewer has not revealed a sensitive case.</summary>
    private static string Shown(CaseView view, string? text) =>
        string.IsNullOrEmpty(text) ? ""
        : view.HidesDetails ? CaseView.HiddenText
        : text;

    private static Container StateBanner(CaseView view)
    {
        if (view.OutcomeLabel is not null)
        {
            return new Container([
                new TextBlock($"Resolved by {view.OwnerName}: {view.OutcomeLabel}") { Weight = "Bolder" },
                new TextBlock(Shown(view, view.ResolutionSummary)) { Spacing = "None" },
            ])
            {
                Style = "good",
            };
        }

        if (view.WaitingSince is { } waiting)
        {
            return new Container([
                new TextBlock($"Waiting on the reporter since {view.Clock.Moment(waiting)}") { Weight = "Bolder" },
                new TextBlock(
                    $"Held by {view.OwnerName}; the resolution clock is paused. The question is on the timeline."
                )
                {
                    Spacing = "None",
                    IsSubtle = true,
                },
            ])
            {
                Style = "warning",
            };
        }

        if (view.Consult is { } consult)
        {
            return new Container([
                new TextBlock(
                    $"Consulting {consult.Team}: asked by {consult.AskedBy} at {view.Clock.Moment(consult.Since)}"
                )
                {
                    Weight = "Bolder",
                },
                new TextBlock(Shown(view, consult.Question)) { Spacing = "None" },
                new TextBlock($"Held by {view.OwnerName}") { Spacing = "None", IsSubtle = true },
            ])
            {
                Style = "warning",
            };
        }

        if (view.OwnerName is not null && view.ClaimedAt is { } claimed)
        {
            return new Container([
                new TextBlock($"Claimed by {view.OwnerName} after {Durations.Format(claimed - view.FiledAt)}")
                {
                    Weight = "Bolder",
                },
            ])
            {
                Style = "accent",
            };
        }

        return new Container([
            // The time it was filed, not an age: the queue card stays up for hours and is not redrawn as time passes.
            new TextBlock($"Unclaimed · filed {view.Clock.Moment(view.FiledAt)}") { Weight = "Bolder" },
        ])
        {
            Style = view.SeverityLevel == 1 ? "attention" : "warning",
        };
    }
}
