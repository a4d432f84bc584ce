using EscalationBot.Cards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Handover;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using static EscalationBot.Chat.Commands.ChatCommand;
using static EscalationBot.Chat.Commands.TypedArguments;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// Every command, once, in the order of the help list. Adding one: a row here (and its record in
/// <see cref="ChatCommand"/>), its rule in the case rules if it changes a case, and a handler that implements
/// <see cref="ICommandHandler{T}"/> for it. The service does not start while a row has no handler.
/// </summary>
public static class CommandTable
{
    public static readonly IReadOnlyList<CommandRow> Rows =
    [
        new Command<OpenIntake>
        {
            Typed = "escalate", Aliases = ["report"], Arguments = "[description]", Help = "File an escalation (in a 1:1 chat with me).",
            Text = rest => new OpenIntake(rest.Length > 0 ? TextLimits.Trim(rest, TextLimits.Description) : null),
            CardVerb = Verbs.OpenIntake, Card = _ => new OpenIntake(null),
        },
        new Command<SubmitIntake> { CardVerb = Verbs.SubmitIntake, Card = d => new SubmitIntake(IntakeForm(d), d.Flag(IntakeFields.FileAnyway)) },
        new Command<AddToCase>
        {
            CardVerb = Verbs.AddToCase, NeedsCase = true, Card = d => new AddToCase(d.Case, IntakeForm(d)), Action = CaseAction.AddReport,
        },
        new Command<Status>
        {
            Typed = "status", Arguments = "ESC-n", Example = "ESC-12", Help = "Where a case stands.",
            Text = Case(id => new Status(id)), CardVerb = Verbs.Status, NeedsCase = true, Card = d => new Status(d.Case),
        },
        new Command<ShowQueue>
        {
            Typed = "queue", Arguments = "[filters]",
            Help = "Open cases, oldest first, with age and time left (specialists and leads). Filters: sev1–sev4, facebook, "
                + "instagram, new, claimed, reopened, waiting, consulting, a policy area such as hate-speech.",
            Text = rest => new ShowQueue(rest.Length > 0 ? rest : null),
        },
        new Command<ShowQueue>
        {
            Typed = "mine", Arguments = "[filters]", Help = "Your open cases, with the same filters.",
            Text = rest => new ShowQueue(rest.Length > 0 ? rest : null, Mine: true),
        },
        new Command<Claim>
        {
            Typed = "claim", Arguments = "ESC-n", Example = "ESC-12", Help = "Take a case (specialists and leads).",
            Text = Case(id => new Claim(id)), CardVerb = Verbs.Claim, NeedsCase = true, Card = d => new Claim(d.Case),
            Action = CaseAction.Claim, Button = CaseButtons.Claim,
        },
        new Command<Resolve>
        {
            Typed = "resolve", Arguments = "ESC-n [outcome] summary", Example = "ESC-12 actioned Removed the post and warned the account",
            Help = "Resolve your case; outcome is actioned, no-violation, policy-decision or other (default other).",
            Text = TypedArguments.Resolve, CardVerb = Verbs.Resolve, NeedsCase = true,
            Card = d => new Resolve(d.Case, d.Text(CaseCard.OutcomeField, TextLimits.Word), d.Text(CaseCard.SummaryField, TextLimits.Summary)),
            Action = CaseAction.Resolve, Button = CaseButtons.Resolve,
        },
        new Command<Release>
        {
            Typed = "release", Arguments = "ESC-n", Example = "ESC-12", Help = "Give your case back to the queue.",
            Text = Case(id => new Release(id)), CardVerb = Verbs.Release, NeedsCase = true, Card = d => new Release(d.Case),
            Action = CaseAction.Release, Button = CaseButtons.Release,
        },
        new Command<Reassign>
        {
            Typed = "reassign", Arguments = "ESC-n name", Example = "ESC-12 Sky Specialist",
            Help = "Hand your case to another specialist (the owner or a lead).",
            Text = CaseAnd((id, name) => new Reassign(id, null, TextLimits.Trim(name, TextLimits.Word))),
            CardVerb = Verbs.Reassign, NeedsCase = true, Card = d => new Reassign(d.Case, d.Read(CaseCard.AssigneeField)),
            Action = CaseAction.Reassign, Button = CaseButtons.Reassign,
        },
        new Command<Note>
        {
            Typed = "note", Arguments = "ESC-n text", Example = "ESC-12 Partner confirmed by phone",
            Help = "Add a note to the case's timeline (specialists and leads).",
            Text = CaseAnd((id, text) => new Note(id, text)), CardVerb = Verbs.Note, NeedsCase = true,
            Card = d => new Note(d.Case, d.Text(CaseCard.NoteField)), Action = CaseAction.Note, Button = CaseButtons.Note,
        },
        new Command<Reopen>
        {
            Typed = "reopen", Arguments = "ESC-n reason", Example = "ESC-12 The content is back up",
            Help = "Reopen a resolved case within the reopen window (reporter, owner or lead).",
            Text = CaseAnd((id, reason) => new Reopen(id, reason)), CardVerb = Verbs.Reopen, NeedsCase = true,
            Card = d => new Reopen(d.Case, d.Text(CaseCard.ReasonField)), Action = CaseAction.Reopen, Button = CaseButtons.Reopen,
        },
        new Command<History>
        {
            Typed = "history", Aliases = ["timeline"], Arguments = "ESC-n", Example = "ESC-12",
            Help = "The case's timeline: every change, who, when (specialists and leads).", Text = Case(id => new History(id)),
        },
        new Command<ChatCommand.Triage>
        {
            Typed = "triage", Arguments = "ESC-n sev1 [policy-area] reason", Example = "ESC-12 sev1 Threats name a date",
            Help = "Correct a case's severity or policy area, with the reason (the owner or a lead).",
            Text = CaseAnd(TypedArguments.Triage), CardVerb = Verbs.Triage, NeedsCase = true, Card = TriageForm,
            Action = CaseAction.Triage, Button = CaseButtons.Triage,
        },
        new Command<AskReporter>
        {
            Typed = "ask", Arguments = "ESC-n question", Example = "ESC-12 Which account posted it first?",
            Help = "Ask the reporter for more; the resolution clock pauses until they answer (the owner or a lead).",
            Text = CaseAnd((id, question) => new AskReporter(id, question)), CardVerb = Verbs.AskReporter, NeedsCase = true,
            Card = d => new AskReporter(d.Case, d.Text(CaseCard.ReporterQuestionField)),
            Action = CaseAction.AskReporter, Button = CaseButtons.AskReporter,
        },
        new Command<Update>
        {
            Typed = "update", Arguments = "ESC-n text", Example = "ESC-12 It has been reposted here: https://…",
            Help = "Add information to your own escalation, or answer the specialist's question.",
            Text = CaseAnd((id, text) => new Update(id, text)), CardVerb = Verbs.Update, NeedsCase = true,
            Card = d => new Update(d.Case, d.Text(CaseCard.UpdateField)), Action = CaseAction.Update,
        },
        new Command<ChatCommand.Consult>
        {
            Typed = "consult", Arguments = "ESC-n team question", Example = "ESC-12 Legal Is this post defamatory?",
            Help = "Ask another team (for example Legal or Content Policy) about your case.",
            Text = CaseAnd((id, text) => new ChatCommand.Consult(id, null, null, text)), CardVerb = Verbs.Consult, NeedsCase = true,
            Card = d => new ChatCommand.Consult(d.Case, d.Text(CaseCard.TeamField, TextLimits.Word), d.Text(CaseCard.QuestionField)),
            Action = CaseAction.Consult, Button = CaseButtons.Consult,
        },
        new Command<RecordAnswer>
        {
            Typed = "answer", Arguments = "ESC-n text", Example = "ESC-12 Legal: not defamatory",
            Help = "Record the consulted team's answer; the case goes back to its owner.",
            Text = CaseAnd((id, answer) => new RecordAnswer(id, answer)), CardVerb = Verbs.RecordAnswer, NeedsCase = true,
            Card = d => new RecordAnswer(d.Case, d.Text(CaseCard.AnswerField)), Action = CaseAction.RecordAnswer, Button = CaseButtons.RecordAnswer,
        },
        new Command<Reveal>
        {
            Typed = "reveal", Arguments = "ESC-n", Example = "ESC-12",
            Help = "Show a sensitive case's hidden details to you alone (specialists and leads; in a 1:1 chat).",
            Text = Case(id => new Reveal(id)), CardVerb = Verbs.Reveal, NeedsCase = true, Card = d => new Reveal(d.Case),
            Action = CaseAction.Reveal, Button = CaseButtons.Reveal,
        },
        new Command<MarkSensitive>
        {
            Typed = "sensitive", Arguments = "ESC-n", Example = "ESC-12", Help = "Hide a case's details from previews (the reporter, specialists and leads).",
            Text = Case(id => new MarkSensitive(id)), CardVerb = Verbs.MarkSensitive, NeedsCase = true, Card = d => new MarkSensitive(d.Case),
            Action = CaseAction.MarkSensitive, Button = CaseButtons.MarkSensitive,
        },
        new Command<HandoverNow>
        {
            Typed = "handover", Help = "The handover digest for the shift now: open, at risk, who holds what (leads).",
            Text = Nothing(() => new HandoverNow()),
        },
        new Command<HandoverNoteFor>
        {
            Typed = "handover note", Arguments = "ESC-n text", Example = "ESC-12 Partner calls back at 9",
            Help = "Leave a note about a case for the next shift's digest (specialists and leads).",
            Text = CaseAnd((id, text) => new HandoverNoteFor(id, text)), CardVerb = Verbs.HandoverNote, NeedsCase = true,
            Card = d => new HandoverNoteFor(d.Case, d.Text(CaseCard.HandoverNoteField)),
            Action = CaseAction.HandoverNote, Button = CaseButtons.HandoverNote,
        },
        new Command<HandoverChoice>
        {
            Typed = "handover keep", Arguments = "ESC-n", Example = "ESC-12",
            Help = "Keep your case over the shift change, so it is not released to the queue (the owner or a lead).",
            Text = Case(id => new HandoverChoice(id, HandoverChoiceRows.Keep, null)),
            CardVerb = Verbs.HandoverChoice, NeedsCase = true, Card = HandoverChoiceData,
        },
        new Command<StartShift>
        {
            Typed = "shift start", Help = "Say that you are starting your shift (specialists and leads).",
            Text = Nothing(() => new StartShift()), CardVerb = Verbs.StartShift, Card = _ => new StartShift(),
        },
        new Command<EndShift>
        {
            Typed = "shift end", Help = "Say that you are leaving your shift (specialists and leads).",
            Text = Nothing(() => new EndShift()), CardVerb = Verbs.EndShift, Card = _ => new EndShift(),
        },
        new Command<AcknowledgeHandover>
        {
            CardVerb = Verbs.AcknowledgeHandover,
            Card = d => new AcknowledgeHandover(d.Read(HandoverCardKeys.Shift), d.Read(HandoverCardKeys.Start)),
        },
        new Command<Who>
        {
            Typed = "who", Aliases = ["who is on", "roster", "roster is on"],
            Help = "Who is on shift now, and on the next shift (specialists and leads).", Text = Nothing(() => new Who()),
        },
        new Command<Setup>
        {
            Typed = "setup queue", Help = "Make this conversation the specialists' queue (leads).", Text = Nothing(() => new Setup(Bindings.Queue)),
        },
        new Command<Setup>
        {
            Typed = "setup leads", Help = "Make this conversation the leads' channel (leads).", Text = Nothing(() => new Setup(Bindings.Leads)),
        },
        new Command<Help> { Typed = "help", Aliases = ["?", "hi", "hello"], Help = "This list.", Text = _ => new Help() },
        new Command<Unreadable>(),
    ];

    /// <summary>The help list: each typed command with what it does.</summary>
    public static readonly IReadOnlyList<(string Command, string Meaning)> HelpLines =
        Rows.Where(r => r is { Typed: not null, Help: not null }).Select(r => ($"{r.Typed} {r.Arguments}".Trim(), r.Help!)).ToList();

    private static readonly Dictionary<Type, CommandRow> ByType = Rows.GroupBy(r => r.CommandType).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The row that carries out <paramref name="command"/>.</summary>
    public static CommandRow For(ChatCommand command) => ByType[command.GetType()];

    /// <summary>The buttons of a case card in <paramref name="state"/>: those of the actions the rules allow staff there.</summary>
    public static CaseButtons ButtonsFor(CaseState state) =>
        Rows.Where(r => r.Action is { } action && CaseActions.AllowedTo(Role.Specialist, action) && CaseRules.IsAllowedIn(action, state))
            .Aggregate(CaseButtons.None, (all, r) => all | r.Button);

    private static Dictionary<string, string> IntakeForm(CardData d) =>
        IntakeFields.All.Select(f => (f, d.Read(f))).Where(p => p.Item2 is not null).ToDictionary(p => p.f, p => p.Item2!);

    private static ChatCommand.Triage TriageForm(CardData d) => new(
        d.Case,
        d.Text(CaseCard.TriageAreaField, TextLimits.Word),
        d.Text(CaseCard.TriageSeverityField, TextLimits.Word),
        Cases.Triage.Checklist.Aggregate(Risk.None, (all, q) => d.Flag(CaseViews.RiskField(q.Risk)) ? all | q.Risk : all),
        d.Text(CaseCard.TriageReasonField));

    private static HandoverChoice HandoverChoiceData(CardData d) => new(
        d.Case,
        d.Read(HandoverChoiceRows.ChoiceKey),
        d.Read(HandoverChoiceRows.BoundaryKey),
        d.Read(HandoverChoiceRows.AssigneeField),
        d.Read(HandoverCardKeys.Card),
        d.Read(HandoverCardKeys.Shift),
        d.Read(HandoverCardKeys.Start));
}
