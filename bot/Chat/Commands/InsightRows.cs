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
        new Command<ShowStats>
        {
            Typed = "stats",
            ShownTo = Audience.Staff,
            Arguments = "[period] [filters]",
            Example = "month sev1",
            Help =
                "The team's figures for the cases filed in a period: volumes, backlog, MTTA, MTTR, targets met, "
                + "breakdowns and charts. Periods: today, week (the default), month, 7d, 30d, or 2026-11-01..2026-11-30; "
                + "filters as for queue (specialists and leads).",
            Text = rest => new ShowStats(rest.Length > 0 ? rest : null),
        },
        new Command<Export>
        {
            Typed = "export",
            ShownTo = Audience.Staff,
            Arguments = "[period] [filters] [with details]",
            Example = "month sev1",
            Help =
                "The period's cases as CSV and Excel, at links that expire; no descriptions, links or accounts unless "
                + "a lead adds 'with details' (specialists and leads).",
            Text = rest => new Export(rest.Length > 0 ? rest : null),
        },
        new Command<WeeklyReport>
        {
            Typed = "report week",
            ShownTo = Audience.Leads,
            Help =
                "The weekly report of the week that ended, here, now; the leads' channel gets it every Monday (leads).",
            Text = TypedArguments.Nothing(() => new WeeklyReport()),
        },
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
