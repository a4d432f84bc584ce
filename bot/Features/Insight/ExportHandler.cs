using EscalationBot.Cards;
using EscalationBot.Cards.Insight;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Insight;
using Microsoft.Extensions.Options;

namespace EscalationBot.Features.Insight;

/// <summary>
/// "export [period] [filters] [with details]": signed, short-lived links to the period's cases as CSV and as a
/// workbook, for staff; with details (descriptions, links, accounts) for leads only, and on the audit record.
/// </summary>
public sealed class ExportHandler(
    IInsightLinks links,
    ICaseStore store,
    CasePolicy policy,
    TimeProvider clock,
    IOptions<InsightOptions> options
) : ICommandHandler<ChatCommand.Export>
{
    private const string WithDetails = "with details";

    public async Task<Reply> HandleAsync(ChatCommand.Export command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply("Exports are for specialists and leads. To follow your own case, type: status ESC-n");
        }

        var text = (command.Text ?? "").Trim();
        var details = text.EndsWith(WithDetails, StringComparison.OrdinalIgnoreCase);
        if (details && turn.Actor.Role != Role.Lead)
        {
            return new Reply(
                "An export with details (descriptions, links and accounts) is for leads. Without them, type: export "
                    + text[..^WithDetails.Length].Trim()
            );
        }

        if (details && !turn.IsPersonal)
        {
            // Its link would be on a shared surface, and it holds what people wrote, about sensitive cases too.
            return new Reply(
                "An export with details holds what people wrote about cases, sensitive ones too: ask for it in your "
                    + "1:1 chat with me."
            );
        }

        var now = clock.GetUtcNow();
        var (query, refusal) = InsightQuery.Parse(details ? text[..^WithDetails.Length] : text, now, policy.Zone);
        if (query is null)
        {
            return new Reply(refusal);
        }

        var expires = now + options.Value.ExportLinkLifetime;
        var link = new InsightLink(InsightKind.Csv, turn.Actor.Person.Id, expires)
        {
            From = query.Period.From,
            To = query.Period.To,
            Filter = query.FilterText,
            Details = details,
        };
        var name = $"escalations-{TimeZoneInfo.ConvertTime(query.Period.From, policy.Zone):yyyy-MM-dd}";
        var csv = links.Create(link, name + ".csv");
        var xlsx = links.Create(link with { Kind = InsightKind.Xlsx }, name + ".xlsx");
        if (csv is null || xlsx is null)
        {
            return new Reply("I don't know my public address, so I can't give you links: set Bot:PublicUrl.");
        }

        if (details)
        {
            await store.RecordExportAsync(
                new ExportAudit(turn.Actor.Person, now, query.Period.From, query.Period.To, query.FilterText),
                cancellationToken
            );
        }

        var clockText = new TeamClock(policy.Zone);
        var filter = query.Filter.Describe();
        return new Reply(
            Card: ExportCard.Build(
                new ExportView(
                    $"Export · {query.Period.Name}",
                    $"Cases filed {StatsViews.Span(query.Period, clockText)}{(filter.Length > 0 ? $" · {filter}" : "")}",
                    details
                        ? "One row per case, with descriptions, links and accounts. This export is on the audit record: keep the file safe."
                        : "One row per case: times, severity, policy area, partner, state, outcome, owner, minutes to "
                            + "first response and to resolution, targets met. No descriptions, links or accounts.",
                    $"The links work until {clockText.Time(expires)}, for you and other staff who have them.",
                    csv.ToString(),
                    xlsx.ToString()
                )
            )
        );
    }
}
