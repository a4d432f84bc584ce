using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Insight;

namespace EscalationBot.Features.Insight;

/// <summary>"report week": the weekly report of the week that ended, in this conversation, for leads.</summary>
public sealed class WeeklyReportHandler(WeeklyReports reports, TimeProvider clock)
    : ICommandHandler<ChatCommand.WeeklyReport>
{
    public async Task<Reply> HandleAsync(
        ChatCommand.WeeklyReport command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (turn.Actor.Role != Role.Lead)
        {
            return new Reply(
                "The weekly report is for leads; the leads' channel gets it every Monday. For figures, type: stats"
            );
        }

        var (card, refusal) = await reports.BuildAsync(reports.LastWeek(clock.GetUtcNow()), null, cancellationToken);
        return card is null ? new Reply(InsightQuery.Explain(refusal)) : new Reply(Card: card);
    }
}
