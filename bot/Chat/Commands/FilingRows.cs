using EscalationBot.Cards;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using static EscalationBot.Chat.Commands.ChatCommand;
using static EscalationBot.Chat.Commands.TypedArguments;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// Filing an escalation and reading cases: the reporter's commands and the queue. Rows of the <see cref="CommandTable"/>, in the order of the help list.
/// </summary>
internal static class FilingRows
{
    public static readonly IReadOnlyList<CommandRow> All =
    [
        new Command<OpenIntake>
        {
            Typed = "escalate",
            ShownTo = Audience.Everyone,
            Aliases = ["report"],
            Arguments = "[description]",
            Help = "File an escalation (in a 1:1 chat with me).",
            Text = rest => new OpenIntake(rest.Length > 0 ? TextLimits.Trim(rest, TextLimits.Description) : null),
            CardVerb = Verbs.OpenIntake,
            Card = _ => new OpenIntake(null),
        },
        new Command<SubmitIntake>
        {
            CardVerb = Verbs.SubmitIntake,
            Card = d => new SubmitIntake(IntakeForm(d), d.Flag(IntakeFields.FileAnyway)),
        },
        new Command<AddToCase>
        {
            CardVerb = Verbs.AddToCase,
            NeedsCase = true,
            Card = d => new AddToCase(d.Case, IntakeForm(d)),
            Action = CaseAction.AddReport,
        },
        new Command<Status>
        {
            Typed = "status",
            ShownTo = Audience.Everyone,
            Everyday = true,
            Arguments = "ESC-n",
            Example = "ESC-12",
            Help = "Where a case stands.",
            Text = Case(id => new Status(id)),
            CardVerb = Verbs.Status,
            NeedsCase = true,
            Card = d => new Status(d.Case),
        },
        new Command<ShowQueue>
        {
            Typed = "queue",
            ShownTo = Audience.Staff,
            Everyday = true,
            Arguments = "[filters]",
            Help =
                "Open cases, oldest first, with age and time left (specialists and leads). Filters: sev1–sev4, facebook, "
                + "instagram, new, claimed, reopened, waiting, consulting, a policy area such as hate-speech.",
            Text = rest => new ShowQueue(rest.Length > 0 ? rest : null),
        },
        new Command<ShowQueue>
        {
            Typed = "mine",
            ShownTo = Audience.Staff,
            Everyday = true,
            Arguments = "[filters]",
            Help = "Your open cases, with the same filters.",
            Text = rest => new ShowQueue(rest.Length > 0 ? rest : null, Mine: true),
        },
        new Command<History>
        {
            Typed = "history",
            ShownTo = Audience.Staff,
            Aliases = ["timeline"],
            Arguments = "ESC-n",
            Example = "ESC-12",
            Help = "The case's timeline: every change, who, when (specialists and leads).",
            Text = Case(id => new History(id)),
        },
    ];

    private static Dictionary<string, string> IntakeForm(CardData d) =>
        IntakeFields
            .All.Select(f => (f, d.Read(f)))
            .Where(p => p.Item2 is not null)
            .ToDictionary(p => p.f, p => p.Item2!);
}
