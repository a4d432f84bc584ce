using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>
/// The staff's case card as it is now: with the newest entries of its timeline and the people it can be handed to.
/// <c>version</c> is the case's version as read (<see cref="StoredCase.Version"/>, <see cref="Change.Done.Version"/>):
/// the timeline's newest entries are then one bounded read.
/// </summary>
public sealed class CaseCards(ICaseStore store, PeopleDirectory people, CasePolicy policy, TimeProvider clock)
{
    public Task<AdaptiveCard> ForStaffAsync(
        StoredCase stored,
        Buttons buttons,
        CancellationToken cancellationToken,
        bool revealed = false
    ) => ForStaffAsync(stored.Case, stored.Version, buttons, cancellationToken, revealed);

    public async Task<AdaptiveCard> ForStaffAsync(
        Case c,
        int version,
        Buttons buttons,
        CancellationToken cancellationToken,
        bool revealed = false
    )
    {
        var history = store.RecentHistoryAsync(c.Number, version, TimelineView.MaxEntries, cancellationToken);
        var staff = people.StaffAsync(cancellationToken);
        await Task.WhenAll(history, staff);
        var recent = await history;
        var view = CaseViews.Of(c, clock.GetUtcNow(), policy, recent.Entries, revealed) with
        {
            TimelineEarlier = recent.Earlier,
            Assignees = (await staff).Where(p => p.Id != c.Owner?.Id).Select(p => new Choice(p.Name, p.Id)).ToList(),
        };
        return CaseCard.Build(view, buttons);
    }
}
