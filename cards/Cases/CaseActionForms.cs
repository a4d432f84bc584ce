using EscalationBot.Cards.AdaptiveCards;
using static EscalationBot.Cards.Cases.CaseCard;

namespace EscalationBot.Cards.Cases;

/// <summary>
/// The forms behind the queue card's actions (<see cref="CaseCard"/>): what a button opens to ask before it sends.
/// The field ids are <see cref="CaseCard"/>'s, which the parsers read back.
/// </summary>
public static class CaseActionForms
{
    /// <summary>
    /// The triage form opens with the last answers ticked and says what they suggest, and how ticks map to a
    /// severity: a card cannot recompute the suggestion as boxes are ticked without a round trip to the bot.
    /// </summary>
    public static AdaptiveCard Triage(string caseId, TriageChoices triage, Buttons buttons) =>
        new([
            new InputChoiceSet(triage.PolicyAreas)
            {
                Id = TriageAreaField,
                Label = "Policy area",
                Style = "compact",
                Value = triage.PolicyArea,
            },
            new TextBlock("Risk checklist") { Weight = "Bolder", Spacing = "Medium" },
            new TextBlock(
                triage.AnswersHidden
                    ? "The last answers are hidden on a sensitive case: reveal its details to see them ticked here."
                : triage.Ticked.Count > 0 ? "Ticked as at the last triage."
                : "Nothing ticked at the last triage, or no triage yet."
            )
            {
                Spacing = "None",
                IsSubtle = true,
                Size = "Small",
            },
            .. triage.Risks.Select(r => new InputToggle(r.Title)
            {
                Id = r.Value,
                Value = triage.Ticked.Contains(r.Value) ? "true" : "false",
            }),
            new TextBlock($"Suggested now: {triage.Suggested} ({triage.SuggestedBecause})")
            {
                Weight = "Bolder",
                Spacing = "Medium",
            },
            new TextBlock(
                $"{triage.Mapping} The suggestion follows the boxes as they are when you apply; the case is "
                    + $"{triage.Severity} now."
            )
            {
                Spacing = "None",
                IsSubtle = true,
                Size = "Small",
            },
            new InputChoiceSet(triage.Severities)
            {
                Id = TriageSeverityField,
                Label = "Severity (leave empty to take the checklist's suggestion)",
                Style = "compact",
                Placeholder = "Use the suggestion",
            },
            new InputText
            {
                Id = TriageReasonField,
                Label =
                    "Reason: needed to lower the severity, whatever the checklist says, or to choose below the suggestion",
                IsMultiline = true,
                MaxLength = 2000,
            },
        ])
        {
            Actions = [buttons.Create("Apply triage", Verbs.Triage, caseId, "positive")],
        };

    public static AdaptiveCard RecordAnswer(CaseView view, Buttons buttons) =>
        Text(
            AnswerField,
            $"Answer from {view.Consult?.Team ?? "the team"}",
            "Record",
            Verbs.RecordAnswer,
            view.Id,
            buttons
        );

    public static AdaptiveCard Resolve(CaseView view, Buttons buttons) =>
        new([
            new InputChoiceSet(view.Outcomes)
            {
                Id = OutcomeField,
                Label = "Outcome",
                Style = "expanded",
                IsRequired = true,
                ErrorMessage = "Choose an outcome.",
            },
            new InputText
            {
                Id = SummaryField,
                Label = "Summary for the reporter",
                IsMultiline = true,
                IsRequired = true,
                MaxLength = 2000,
                ErrorMessage = "Write a summary for the reporter.",
            },
        ])
        {
            Actions = [buttons.Create("Resolve", Verbs.Resolve, view.Id, "positive")],
        };

    /// <summary>The reopen button with its form; on the queue card and on the reporter's resolved notice.</summary>
    public static ShowCardAction Reopen(string caseId, Buttons buttons) =>
        new("Reopen…", Text(ReasonField, "Why reopen?", "Reopen", Verbs.Reopen, caseId, buttons));

    public static AdaptiveCard Consult(CaseView view, Buttons buttons) =>
        new([
            new InputChoiceSet(view.ConsultTeams)
            {
                Id = TeamField,
                Label = "Team",
                Style = "compact",
                IsRequired = true,
                ErrorMessage = "Choose a team.",
            },
            new InputText
            {
                Id = QuestionField,
                Label = "Question",
                IsMultiline = true,
                IsRequired = true,
                MaxLength = 2000,
                ErrorMessage = "Question is required.",
            },
        ])
        {
            Actions = [buttons.Create("Ask", Verbs.Consult, view.Id)],
        };

    public static AdaptiveCard Note(string caseId, Buttons buttons) =>
        Text(NoteField, "Note for the timeline", "Add note", Verbs.Note, caseId, buttons);

    /// <summary>The rarer steps, behind "More…"; null when the viewer may take none of them.</summary>
    public static ShowCardAction? More(CaseView view, Buttons buttons)
    {
        var more = new List<CardAction>();
        if (view.Buttons.HasFlag(CaseButtons.Release))
        {
            more.Add(buttons.Create("Release to the queue", Verbs.Release, view.Id));
        }

        if (!view.Sensitive && view.Buttons.HasFlag(CaseButtons.MarkSensitive))
        {
            more.Add(buttons.Create("Mark sensitive", Verbs.MarkSensitive, view.Id));
        }

        var moreBody = new List<Element> { new TextBlock($"More for {view.Id}") { IsSubtle = true } };
        if (view.Buttons.HasFlag(CaseButtons.AskReporter))
        {
            moreBody.Add(
                new InputText
                {
                    Id = ReporterQuestionField,
                    Label = "Question for the reporter",
                    IsMultiline = true,
                    MaxLength = 2000,
                }
            );
            more.Insert(0, buttons.Create("Ask the reporter", Verbs.AskReporter, view.Id));
        }

        if (view.Buttons.HasFlag(CaseButtons.HandoverNote))
        {
            moreBody.Add(
                new InputText
                {
                    Id = HandoverNoteField,
                    Label = "Note for the next shift's handover digest",
                    IsMultiline = true,
                    MaxLength = 2000,
                }
            );
            more.Add(buttons.Create("Leave for the next shift", Verbs.HandoverNote, view.Id));
        }

        if (view.Buttons.HasFlag(CaseButtons.Reassign) && view.Assignees.Count > 0)
        {
            // Not required: the other buttons here share this card and must work without it.
            moreBody.Add(
                new InputChoiceSet(view.Assignees)
                {
                    Id = AssigneeField,
                    Label = "Hand to",
                    Style = "compact",
                    Placeholder = "Choose a specialist…",
                }
            );
            more.Insert(0, buttons.Create("Reassign", Verbs.Reassign, view.Id));
        }

        return more.Count > 0 ? new ShowCardAction("More…", new AdaptiveCard(moreBody) { Actions = more }) : null;
    }

    private static AdaptiveCard Text(
        string field,
        string label,
        string submit,
        string verb,
        string caseId,
        Buttons buttons
    ) =>
        new([
            new InputText
            {
                Id = field,
                Label = label,
                IsMultiline = true,
                IsRequired = true,
                MaxLength = 2000,
                ErrorMessage = $"{label} is required.",
            },
        ])
        {
            Actions = [buttons.Create(submit, verb, caseId)],
        };
}
