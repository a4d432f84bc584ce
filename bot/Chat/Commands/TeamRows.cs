using EscalationBot.Cards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Handover;
using EscalationBot.Cards.Shifts;
using EscalationBot.Cases;
using static EscalationBot.Chat.Commands.ChatCommand;
using static EscalationBot.Chat.Commands.TypedArguments;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// The team's own: handovers, shifts, setting up conversations, and help. Rows of the <see cref="CommandTable"/>, in the order of the help list.
/// </summary>
internal static class TeamRows
{
    public static readonly IReadOnlyList<CommandRow> All =
    [
        new Command<HandoverNow>
        {
            Typed = "handover",
            ShownTo = Audience.Leads,
            Everyday = true,
            Help = "The handover digest for the shift now: open, at risk, who holds what (leads).",
            Text = Nothing(() => new HandoverNow()),
        },
        new Command<HandoverNoteFor>
        {
            Typed = "handover note",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n text",
            Example = "ESC-12 Partner calls back at 9",
            Help = "Leave a note about a case for the next shift's digest (specialists and leads).",
            Text = CaseAnd((id, text) => new HandoverNoteFor(id, text)),
            CardVerb = Verbs.HandoverNote,
            NeedsCase = true,
            Card = d => new HandoverNoteFor(d.Case, d.Text(CaseCard.HandoverNoteField)),
            Action = CaseAction.HandoverNote,
            Button = CaseButtons.HandoverNote,
        },
        new Command<HandoverChoice>
        {
            Typed = "handover keep",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n",
            Example = "ESC-12",
            Help = "Keep your case over the shift change, so it is not released to the queue (the owner or a lead).",
            Text = Case(id => new HandoverChoice(id, HandoverChoiceRows.Keep, null)),
            CardVerb = Verbs.HandoverChoice,
            NeedsCase = true,
            Card = HandoverChoiceData,
        },
        new Command<AcknowledgeHandover>
        {
            CardVerb = Verbs.AcknowledgeHandover,
            Card = d => new AcknowledgeHandover(d.Read(HandoverCard.ShiftKey), d.Read(HandoverCard.StartKey)),
        },
        new Command<StartShift>
        {
            Typed = "shift start",
            ShownTo = Audience.Staff,
            Everyday = true,
            Help = "Say that you are starting your shift (specialists and leads).",
            Text = Nothing(() => new StartShift()),
            CardVerb = Verbs.StartShift,
            Card = d => new StartShift(OnWho(d)),
        },
        new Command<EndShift>
        {
            Typed = "shift end",
            ShownTo = Audience.Staff,
            Everyday = true,
            Help = "Say that you are leaving your shift (specialists and leads).",
            Text = Nothing(() => new EndShift()),
            CardVerb = Verbs.EndShift,
            Card = d => new EndShift(OnWho(d)),
        },
        new Command<Who>
        {
            Typed = "who",
            ShownTo = Audience.Staff,
            Everyday = true,
            Aliases = ["who is on", "roster", "roster is on"],
            Help = "Who is on shift now, and on the next shift (specialists and leads).",
            Text = Nothing(() => new Who()),
        },
        new Command<ShowWellbeing>
        {
            Typed = "wellbeing",
            ShownTo = Audience.Staff,
            Help = "What you have handled of sensitive cases this shift, for you alone (in a 1:1 chat with me).",
            Text = Nothing(() => new ShowWellbeing()),
        },
        new Command<TakeBreak>
        {
            Typed = "break",
            ShownTo = Audience.Staff,
            Arguments = "[minutes]",
            Example = "15",
            Help =
                "Take a break: others see you as away, and you are not suggested for sensitive cases (in a 1:1 chat with me).",
            Text = Minutes,
            CardVerb = Verbs.TakeBreak,
            Card = _ => new TakeBreak(null),
        },
        new Command<EndBreak>
        {
            Typed = "break end",
            ShownTo = Audience.Staff,
            Help = "End your break early.",
            Text = Nothing(() => new EndBreak()),
        },
        new Command<NotNow> { CardVerb = Verbs.NotNow, Card = _ => new NotNow() },
        new Command<Setup>
        {
            Typed = "setup queue",
            ShownTo = Audience.Leads,
            Help = "Make this conversation the specialists' queue (leads).",
            Text = Nothing(() => new Setup(Bindings.Queue)),
        },
        new Command<Setup>
        {
            Typed = "setup leads",
            ShownTo = Audience.Leads,
            Help = "Make this conversation the leads' channel (leads).",
            Text = Nothing(() => new Setup(Bindings.Leads)),
        },
        new Command<Help>
        {
            Typed = "help",
            ShownTo = Audience.Everyone,
            Everyday = true,
            Aliases = ["?", "hi", "hello"],
            Help = "This list.",
            Text = _ => new Help(),
        },
        new Command<Unreadable>(),
    ];

    /// <summary>"break" alone, or "break 20"; anything else is typed wrong.</summary>
    private static TakeBreak? Minutes(string rest) =>
        rest.Length == 0 ? new TakeBreak(null)
        : int.TryParse(rest, System.Globalization.NumberStyles.None, null, out var minutes) ? new TakeBreak(minutes)
        : null;

    private static bool OnWho(CardData d) => d.Read(RosterCard.CardKey) == RosterCard.WhoCard;

    private static HandoverChoice HandoverChoiceData(CardData d) =>
        new(
            d.Case,
            d.Read(HandoverChoiceRows.ChoiceKey),
            d.Read(HandoverChoiceRows.BoundaryKey),
            d.Read(HandoverChoiceRows.AssigneeField),
            d.Read(HandoverChoiceRows.CardKey),
            d.Read(HandoverCard.ShiftKey),
            d.Read(HandoverCard.StartKey)
        );
}
