using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Sla;
using Microsoft.Extensions.Options;

namespace EscalationBot.Features.CaseActions;

/// <summary>The owner or a lead confirms or corrects a case's severity and policy area; a new severity brings its targets.</summary>
public sealed class TriageHandler(CaseChanges changes, IOptionsMonitor<SlaOptions> sla, CasePolicy policy)
    : ICommandHandler<ChatCommand.Triage>
{
    public async Task<Reply> HandleAsync(ChatCommand.Triage command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var area = IntakeValidator.ParseName<PolicyArea>(command.Area ?? "");
        var severity = IntakeValidator.ParseName<Severity>(command.Severity ?? "");
        if (
            (area is null && !string.IsNullOrEmpty(command.Area))
            || (severity is null && !string.IsNullOrEmpty(command.Severity))
        )
        {
            return new Reply("Choose a policy area and a severity from the lists.");
        }

        return await changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) =>
                CaseRules.Triage(
                    c,
                    turn.Actor,
                    area,
                    command.Risks,
                    severity,
                    command.Reason,
                    sla.CurrentValue.For,
                    now,
                    policy
                ),
            SeverityChanged,
            Triaged,
            cancellationToken
        );
    }

    /// <summary>The reporter hears of any change of severity, in their own chat: the new targets come with it.</summary>
    private static Notice? SeverityChanged(Case c) =>
        c.LastTriage is { } t && t.From != t.To ? new Notice.ToReporter(ReporterNotice.SeverityChanged) : null;

    private static string Triaged(Case c) =>
        $"{c.Id} is triaged: {Labels.Of(c.Report.Severity)}, {Labels.Of(c.Report.PolicyArea)}; "
        + $"first response target {Cards.Durations.Format(c.Targets.FirstResponse)}, resolution {Cards.Durations.Format(c.Targets.Resolution)}.";
}
