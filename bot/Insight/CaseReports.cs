using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>A case's report as read for someone: its facts, or why they may not; neither: no such case.</summary>
public sealed record ReportRead(CaseReportFacts? Facts, Decision.Refused? Refused);

/// <summary>
/// Reads what a case's report needs, for the person asking, after the rules say they may have it: the case row and
/// its own history, nothing else. The chat turn and the link's fetch both come through here.
/// </summary>
public sealed class CaseReports(ICaseStore store, CasePolicy policy, TimeProvider clock)
{
    public async Task<ReportRead> ReadAsync(int number, Actor actor, bool personal, CancellationToken cancellationToken)
    {
        // Before the read: a partner manager learns nothing about the case, not even that it exists.
        if (CaseRules.ReportRefused(actor) is { } notStaff)
        {
            return new ReportRead(null, notStaff);
        }

        if (await store.GetAsync(number, cancellationToken) is not { } stored)
        {
            return new ReportRead(null, null);
        }

        if (CaseRules.ReportRefused(stored.Case, actor, personal) is { } refused)
        {
            return new ReportRead(null, refused);
        }

        var history = await store.HistoryAsync(number, cancellationToken);
        return new ReportRead(CaseReportFacts.Of(stored.Case, history, policy, clock.GetUtcNow()), null);
    }
}
