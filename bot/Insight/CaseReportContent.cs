using EscalationBot.Cases;
using EscalationBot.Roster;

namespace EscalationBot.Insight;

/// <summary>
/// Serves a case report's link: reads the case again on every fetch and asks the rules again whether the person who
/// asked for it (their role now, from the roster) may still have it, then writes the .docx.
/// </summary>
public sealed class CaseReportContent(CaseReports reports, TeamRoster roster) : IInsightContent
{
    public InsightKind Kind => InsightKind.CaseReport;
    public string ContentType => CaseReportDocument.ContentType;

    public async Task<bool> WriteAsync(InsightLink link, Stream body, CancellationToken cancellationToken)
    {
        if (link.Kind != Kind || link.CaseNumber is not { } number)
        {
            return false;
        }

        var actor = new Actor(new Person(link.RequestedById, ""), roster.RoleOf(link.RequestedById));
        // The link went only where the rules allowed it (a sensitive case's to a 1:1 chat) and opens in the
        // requester's own browser: the fetch counts as personal.
        var read = await reports.ReadAsync(number, actor, personal: true, cancellationToken);
        if (read.Facts is not { } facts)
        {
            return false;
        }

        // The packaging seeks: write to memory (a case report is small), then copy to the response.
        using var buffer = new MemoryStream();
        CaseReportDocument.Write(buffer, facts);
        buffer.Position = 0;
        await buffer.CopyToAsync(body, cancellationToken);
        return true;
    }
}
