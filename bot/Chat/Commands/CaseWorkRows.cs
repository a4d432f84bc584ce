using EscalationBot.Cards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Wellbeing;
using EscalationBot.Cases;
using static EscalationBot.Chat.Commands.ChatCommand;
using static EscalationBot.Chat.Commands.TypedArguments;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// Working a case: its steps, the questions around it, and its sensitive details. Rows of the <see cref="CommandTable"/>, in the order of the help list.
/// </summary>
internal static class CaseWorkRows
{
    public static readonly IReadOnlyList<CommandRow> All =
    [
        new Command<Claim>
        {
            Typed = "claim",
            ShownTo = Audience.Staff,
            Everyday = true,
            Arguments = "ESC-n",
            Example = "ESC-12",
            Help = "Take a case (specialists and leads).",
            Text = Case(id => new Claim(id)),
            CardVerb = Verbs.Claim,
            NeedsCase = true,
            Card = d => new Claim(d.Case, d.Flag(ClaimLimitCard.AnywayKey)),
            Action = CaseAction.Claim,
            Button = CaseButtons.Claim,
        },
        new Command<LeaveCase>
        {
            CardVerb = Verbs.LeaveCase,
            NeedsCase = true,
            Card = d => new LeaveCase(d.Case),
        },
        new Command<Resolve>
        {
            Typed = "resolve",
            ShownTo = Audience.Staff,
            Everyday = true,
            Arguments = "ESC-n [outcome] summary",
            Example = "ESC-12 actioned Removed the post and warned the account",
            Help = "Resolve your case; outcome is actioned, no-violation, policy-decision or other (default other).",
            Text = TypedArguments.Resolve,
            CardVerb = Verbs.Resolve,
            NeedsCase = true,
            Card = d => new Resolve(
                d.Case,
                d.Text(CaseCard.OutcomeField, TextLimits.Word),
                d.Text(CaseCard.SummaryField, TextLimits.Summary)
            ),
            Action = CaseAction.Resolve,
            Button = CaseButtons.Resolve,
        },
        new Command<Release>
        {
            Typed = "release",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n",
            Example = "ESC-12",
            Help = "Give your case back to the queue.",
            Text = Case(id => new Release(id)),
            CardVerb = Verbs.Release,
            NeedsCase = true,
            Card = d => new Release(d.Case),
            Action = CaseAction.Release,
            Button = CaseButtons.Release,
        },
        new Command<Reassign>
        {
            Typed = "reassign",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n name",
            Example = "ESC-12 Sky Specialist",
            Help = "Hand your case to another specialist (the owner or a lead).",
            Text = CaseAnd((id, name) => new Reassign(id, null, TextLimits.Trim(name, TextLimits.Word))),
            CardVerb = Verbs.Reassign,
            NeedsCase = true,
            Card = d => new Reassign(d.Case, d.Read(CaseCard.AssigneeField)),
            Action = CaseAction.Reassign,
            Button = CaseButtons.Reassign,
        },
        new Command<Note>
        {
            Typed = "note",
            ShownTo = Audience.Staff,
            Everyday = true,
            Arguments = "ESC-n text",
            Example = "ESC-12 Partner confirmed by phone",
            Help = "Add a note to the case's timeline (specialists and leads).",
            Text = CaseAnd((id, text) => new Note(id, text)),
            CardVerb = Verbs.Note,
            NeedsCase = true,
            Card = d => new Note(d.Case, d.Text(CaseCard.NoteField)),
            Action = CaseAction.Note,
            Button = CaseButtons.Note,
        },
        new Command<Reopen>
        {
            Typed = "reopen",
            ShownTo = Audience.Everyone,
            Arguments = "ESC-n reason",
            Example = "ESC-12 The content is back up",
            Help = "Reopen a resolved case within the reopen window (reporter, owner or lead).",
            Text = CaseAnd((id, reason) => new Reopen(id, reason)),
            CardVerb = Verbs.Reopen,
            NeedsCase = true,
            Card = d => new Reopen(d.Case, d.Text(CaseCard.ReasonField)),
            Action = CaseAction.Reopen,
            Button = CaseButtons.Reopen,
        },
        new Command<ChatCommand.Triage>
        {
            Typed = "triage",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n sev1 [policy-area] reason",
            Example = "ESC-12 sev1 Threats name a date",
            Help = "Correct a case's severity or policy area, with the reason (the owner or a lead).",
            Text = CaseAnd(TypedArguments.Triage),
            CardVerb = Verbs.Triage,
            NeedsCase = true,
            Card = TriageForm,
            Action = CaseAction.Triage,
            Button = CaseButtons.Triage,
        },
        new Command<AskReporter>
        {
            Typed = "ask",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n question",
            Example = "ESC-12 Which account posted it first?",
            Help = "Ask the reporter for more; the resolution clock pauses until they answer (the owner or a lead).",
            Text = CaseAnd((id, question) => new AskReporter(id, question)),
            CardVerb = Verbs.AskReporter,
            NeedsCase = true,
            Card = d => new AskReporter(d.Case, d.Text(CaseCard.ReporterQuestionField)),
            Action = CaseAction.AskReporter,
            Button = CaseButtons.AskReporter,
        },
        new Command<Update>
        {
            Typed = "update",
            ShownTo = Audience.Reporters,
            Arguments = "ESC-n text",
            Example = "ESC-12 It has been reposted here: https://…",
            Help = "Add information to your own escalation, or answer the specialist's question.",
            Text = CaseAnd((id, text) => new Update(id, text)),
            CardVerb = Verbs.Update,
            NeedsCase = true,
            Card = d => new Update(d.Case, d.Text(CaseCard.UpdateField)),
            Action = CaseAction.Update,
        },
        new Command<ChatCommand.Consult>
        {
            Typed = "consult",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n team question",
            Example = "ESC-12 Legal Is this post defamatory?",
            Help = "Ask another team (for example Legal or Content Policy) about your case.",
            Text = CaseAnd((id, text) => new ChatCommand.Consult(id, null, null, text)),
            CardVerb = Verbs.Consult,
            NeedsCase = true,
            Card = d => new ChatCommand.Consult(
                d.Case,
                d.Text(CaseCard.TeamField, TextLimits.Word),
                d.Text(CaseCard.QuestionField)
            ),
            Action = CaseAction.Consult,
            Button = CaseButtons.Consult,
        },
        new Command<RecordAnswer>
        {
            Typed = "answer",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n text",
            Example = "ESC-12 Legal: not defamatory",
            Help = "Record the consulted team's answer; the case goes back to its owner.",
            Text = CaseAnd((id, answer) => new RecordAnswer(id, answer)),
            CardVerb = Verbs.RecordAnswer,
            NeedsCase = true,
            Card = d => new RecordAnswer(d.Case, d.Text(CaseCard.AnswerField)),
            Action = CaseAction.RecordAnswer,
            Button = CaseButtons.RecordAnswer,
        },
        new Command<Reveal>
        {
            Typed = "reveal",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n",
            Example = "ESC-12",
            Help = "Show a sensitive case's hidden details to you alone (specialists and leads; in a 1:1 chat).",
            Text = Case(id => new Reveal(id)),
            CardVerb = Verbs.Reveal,
            NeedsCase = true,
            Card = d => new Reveal(d.Case),
            Action = CaseAction.Reveal,
            Button = CaseButtons.Reveal,
        },
        new Command<MarkSensitive>
        {
            Typed = "sensitive",
            ShownTo = Audience.Everyone,
            Arguments = "ESC-n",
            Example = "ESC-12",
            Help = "Hide a case's details from previews (the reporter, specialists and leads).",
            Text = Case(id => new MarkSensitive(id)),
            CardVerb = Verbs.MarkSensitive,
            NeedsCase = true,
            Card = d => new MarkSensitive(d.Case),
            Action = CaseAction.MarkSensitive,
            Button = CaseButtons.MarkSensitive,
        },
    ];

    private static ChatCommand.Triage TriageForm(CardData d) =>
        new(
            d.Case,
            d.Text(CaseCard.TriageAreaField, TextLimits.Word),
            d.Text(CaseCard.TriageSeverityField, TextLimits.Word),
            Cases.Triage.Checklist.Aggregate(
                Risk.None,
                (all, q) => d.Flag(CaseViews.RiskField(q.Risk)) ? all | q.Risk : all
            ),
            d.Text(CaseCard.TriageReasonField)
        );
}
