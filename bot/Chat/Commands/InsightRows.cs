using static EscalationBot.Chat.Commands.ChatCommand;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// What the team's work adds up to: stats, exports and reports. Rows of the <see cref="CommandTable"/>, in the order
/// of the help list.
/// </summary>
internal static class InsightRows
{
    public static readonly IReadOnlyList<CommandRow> All =
    [
        new Command<ReportCase>
        {
            Typed = "report",
            ShownTo = Audience.Staff,
            Arguments = "ESC-n",
            Example = "ESC-12",
            Help = "A case's narrative report, as a Word document to review and send on (the owner or a lead).",
            // Only a case id: "report" is also how a partner manager may start an escalation ("report <what>"), and
            // "report week" is a command of its own, tried first as the longer one.
            Text = rest => TypedArguments.IsCaseRef(rest) ? new ReportCase(rest) : null,
        },
    ];
}
