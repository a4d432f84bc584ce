using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>The staff's case card as it is now: with its timeline and the people it can be handed to.</summary>
public sealed class CaseCards(ICaseStore store, PeopleDirectory people, CasePolicy policy, TimeProvider clock)
{
    public async Task<AdaptiveCard> ForStaffAsync(
        Case c,
        Buttons buttons,
        CancellationToken cancellationToken,
        bool revealed = false
    )
    {
        var history = await store.HistoryAsync(c.Number, cancellationToken);
        var staff = await people.StaffAsync(cancellationToken);
        var view = CaseViews.Of(c, clock.GetUtcNow(), policy, history, revealed) with
        {
            Assignees = staff.Where(p => p.Id != c.Owner?.Id).Select(p => new Choice(p.Name, p.Id)).ToList(),
        };
        return CaseCard.Build(view, buttons);
    }
}
