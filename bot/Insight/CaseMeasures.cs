using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>
/// One case measured against its targets, on its own calendar (business hours for the severities that count only
/// those), as the SLA chase judges it: the definitions the README gives, used by stats, exports and reports alike.
/// </summary>
/// <param name="FirstResponse">Filed to first claim; null while unclaimed.</param>
/// <param name="Resolution">
/// From filing, or the last reopening, to resolution, less the time spent waiting on the reporter; null while open.
/// </param>
/// <param name="FirstResponseMet">Claimed by the first-response target; false when unclaimed past it; null while it may still be met.</param>
/// <param name="ResolutionMet">Resolved by the resolution target; false when open past it; null while it may still be met.</param>
public sealed record CaseMeasure(
    Case Case,
    TimeSpan? FirstResponse,
    TimeSpan? Resolution,
    bool? FirstResponseMet,
    bool? ResolutionMet
)
{
    public bool Breached => FirstResponseMet == false || ResolutionMet == false;

    public static CaseMeasure Of(Case c, CasePolicy policy, DateTimeOffset now)
    {
        var calendar = policy.CalendarFor(c);
        var firstDue = c.FirstResponseDue(calendar);
        TimeSpan? firstResponse = c.ClaimedAt is { } claimed ? calendar.Between(c.FiledAt, claimed) : null;
        bool? firstMet =
            c.ClaimedAt is { } at ? at <= firstDue
            : now > firstDue ? false
            : null;

        TimeSpan? resolution = null;
        bool? resolutionMet = null;
        if (c.Resolution is { } r)
        {
            var worked = calendar.Between(c.ResolutionClockFrom ?? c.FiledAt, r.At) - c.PausedFor;
            resolution = worked < TimeSpan.Zero ? TimeSpan.Zero : worked;
            resolutionMet = r.At <= c.ResolutionDue(calendar);
        }
        else if (now > c.ResolutionDueAt(now, calendar))
        {
            resolutionMet = false;
        }

        return new CaseMeasure(c, firstResponse, resolution, firstMet, resolutionMet);
    }
}
