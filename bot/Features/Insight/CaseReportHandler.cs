using EscalationBot.Cards.Insight;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Insight;
using Microsoft.Extensions.Options;

namespace EscalationBot.Features.Insight;

/// <summary>
/// <c>report ESC-n</c>: the case's narrative report, as a preview card with a signed link to the Word document. The
/// owner or a lead; a sensitive case's only in a 1:1 chat, and asked elsewhere the answer names nothing of it.
/// </summary>
public sealed class CaseReportHandler(
    CaseReports reports,
    IInsightLinks links,
    IOptions<InsightOptions> options,
    TimeProvider clock,
    ILogger<CaseReportHandler> logger
) : ICommandHandler<ChatCommand.ReportCase>
{
    public async Task<Reply> HandleAsync(
        ChatCommand.ReportCase command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!CaseId.TryParse(command.CaseRef, out var number))
        {
            return CaseChanges.NotACaseId(command.CaseRef);
        }

        var read = await reports.ReadAsync(number, turn.Actor, turn.IsPersonal, cancellationToken);
        if (read.Refused is { } refused)
        {
            return new Reply(refused.Reason);
        }

        if (read.Facts is not { } facts)
        {
            return new Reply(CaseRules.NoSuchCase(CaseId.Format(number)));
        }

        var lifetime = options.Value.ExportLinkLifetime;
        var link = new InsightLink(InsightKind.CaseReport, turn.Actor.Person.Id, clock.GetUtcNow() + lifetime)
        {
            CaseNumber = number,
        };
        var url = links.Create(link, $"{facts.Case.Id}-report.docx");
        logger.LogInformation("Case {CaseId} report linked for {User}", facts.Case.Id, turn.Actor.Person.Id);
        var preview = new CaseReportPreview(facts.Case.Id, facts.TitleLine, facts.Outline(), url?.AbsoluteUri, lifetime)
        {
            Sensitive = facts.Case.IsSensitive,
        };
        return new Reply(Card: CaseReportCard.Build(preview));
    }
}
