using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>Turns a case into what cards show, with the buttons its state allows.</summary>
public static class CaseViews
{
    public static readonly IReadOnlyList<Choice> Outcomes =
        Enum.GetValues<Outcome>().Select(o => new Choice(Labels.Of(o), o.ToString())).ToList();

    public static CaseView Of(Case c, DateTimeOffset now)
    {
        var r = c.Report;
        return new CaseView(
            c.Id,
            Labels.Of(c.State),
            (int)r.Severity,
            Labels.Of(r.Severity),
            Labels.Of(r.Platform),
            r.Partner,
            r.Account,
            r.ContentUrls,
            Labels.Of(r.PolicyArea),
            r.Description,
            c.Reporter.Name,
            c.FiledAt,
            r.PartnerDeadline,
            c.Targets.FirstResponse,
            c.Targets.Resolution,
            c.FirstResponseDue,
            c.ResolutionDue,
            c.Owner?.Name,
            c.ClaimedAt,
            c.Resolution?.At,
            c.Resolution is { } res ? Labels.Of(res.Outcome) : null,
            c.Resolution?.Summary,
            now)
        {
            Buttons = c.State switch
            {
                CaseState.New => CaseButtons.Claim,
                CaseState.Claimed => CaseButtons.Resolve,
                _ => CaseButtons.None,
            },
            Outcomes = Outcomes,
        };
    }
}
