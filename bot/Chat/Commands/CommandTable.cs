using EscalationBot.Cards.Cases;
using EscalationBot.Cases;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// Every command, once, in the order of the help list: the rows of <see cref="FilingRows"/>,
/// <see cref="CaseWorkRows"/> and <see cref="TeamRows"/>. Adding one: its record in <see cref="ChatCommand"/> and its
/// row; its rule in the case rules if it changes a case; and a handler in bot/Features that implements
/// <see cref="ICommandHandler{T}"/> for it. The service does not start while a row has no handler.
/// </summary>
public static class CommandTable
{
    public static readonly IReadOnlyList<CommandRow> Rows = [.. FilingRows.All, .. CaseWorkRows.All, .. TeamRows.All];

    /// <summary>The help list: each typed command with what it does.</summary>
    public static readonly IReadOnlyList<(string Command, string Meaning)> HelpLines = Rows.Where(r =>
            r is { Typed: not null, Help: not null }
        )
        .Select(r => ($"{r.Typed} {r.Arguments}".Trim(), r.Help!))
        .ToList();

    private static readonly Dictionary<Type, CommandRow> ByType = Rows.GroupBy(r => r.CommandType)
        .ToDictionary(g => g.Key, g => g.First());

    /// <summary>The row that carries out <paramref name="command"/>.</summary>
    public static CommandRow For(ChatCommand command) => ByType[command.GetType()];

    /// <summary>The buttons of a case card in <paramref name="state"/>: those of the actions the rules allow staff there.</summary>
    public static CaseButtons ButtonsFor(CaseState state) => Buttons[state];

    /// <summary>Worked out once: every case card and every line of the queue asks.</summary>
    private static readonly Dictionary<CaseState, CaseButtons> Buttons = Enum.GetValues<CaseState>()
        .ToDictionary(
            state => state,
            state =>
                Rows.Where(r =>
                        r.Action is { } action
                        && CaseActions.AllowedTo(Role.Specialist, action)
                        && CaseRules.IsAllowedIn(action, state)
                    )
                    .Aggregate(CaseButtons.None, (all, r) => all | r.Button)
        );
}
