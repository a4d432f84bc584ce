using EscalationBot.Cards.Cases;
using EscalationBot.Cases;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// Every command, once, in the order of the help list: the rows of <see cref="FilingRows"/>,
/// <see cref="CaseWorkRows"/>, <see cref="InsightRows"/> and <see cref="TeamRows"/>. Adding one: its record in <see cref="ChatCommand"/> and its
/// row; its rule in the case rules if it changes a case; and a handler in bot/Features that implements
/// <see cref="ICommandHandler{T}"/> for it. The service does not start while a row has no handler.
/// </summary>
public static class CommandTable
{
    public static readonly IReadOnlyList<CommandRow> Rows =
    [
        .. FilingRows.All,
        .. CaseWorkRows.All,
        .. InsightRows.All,
        .. TeamRows.All,
    ];

    /// <summary>The help list of <paramref name="role"/>: the commands its rows show to that role.</summary>
    public static HelpList HelpFor(Role role) => Help[role];

    /// <summary>Worked out once: every greeting and every command typed wrong shows help.</summary>
    private static readonly Dictionary<Role, HelpList> Help = Enum.GetValues<Role>()
        .ToDictionary(
            role => role,
            role =>
            {
                var rows = Rows.Where(r =>
                        r is { Typed: not null, Help: not null } && r.ShownTo.HasFlag(Audiences.Of(role))
                    )
                    .ToList();
                // A reporter's few commands all show; staff see their everyday ones, and the rest under "More".
                var everyday = role == Role.Reporter ? rows : rows.Where(r => r.Everyday).ToList();
                return new HelpList(Lines(everyday), Lines(rows.Except(everyday)));
            }
        );

    private static List<(string Command, string Meaning)> Lines(IEnumerable<CommandRow> rows) =>
        rows.Select(r => ($"{r.Typed} {r.Arguments}".Trim(), r.Help!)).ToList();

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

/// <summary>A role's help: each typed command it can use with what it does, everyday first, the rest for "More".</summary>
public sealed record HelpList(
    IReadOnlyList<(string Command, string Meaning)> Everyday,
    IReadOnlyList<(string Command, string Meaning)> More
);
