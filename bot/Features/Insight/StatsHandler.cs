using EscalationBot.Cards;
using EscalationBot.Cards.Insight;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Insight;

namespace EscalationBot.Features.Insight;

/// <summary>"stats [period] [filters]": the team's figures for the cases filed in a period, for staff.</summary>
public sealed class StatsHandler(InsightReader reader, InsightCharts charts, CasePolicy policy, TimeProvider clock)
    : ICommandHandler<ChatCommand.ShowStats>
{
    public async Task<Reply> HandleAsync(
        ChatCommand.ShowStats command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply(
                "The team's figures are for specialists and leads. To follow your own case, type: status ESC-n"
            );
        }

        var (query, refusal) = InsightQuery.Parse(command.Text, clock.GetUtcNow(), policy.Zone);
        if (query is null)
        {
            return new Reply(refusal);
        }

        var read = await reader.StatsAsync(query.Period, query.Filter, cancellationToken);
        if (read.Stats is not { } stats)
        {
            return new Reply(InsightQuery.Explain(read.Refusal));
        }

        var images = charts.For(query.Period, query.FilterText, turn.Actor.Person.Id);
        return new Reply(Card: StatsCard.Build(StatsViews.Of(stats, new TeamClock(policy.Zone), images)));
    }
}
