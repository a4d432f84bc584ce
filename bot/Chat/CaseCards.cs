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
public sealed class CaseCards(
    ICaseStore store,
    PeopleDirectory people,
    ICaseSuggestions suggestions,
    CasePolicy policy,
    TimeProvider clock
)
{
    /// <summary>
    /// The card in the queue channel: the staff's card, and for a case nobody holds, who to suggest for it
    /// (<see cref="ICaseSuggestions"/>). Only this card suggests: it is edited with every change, so the line goes
    /// once someone takes the case.
    /// </summary>
    public async Task<AdaptiveCard> ForQueueAsync(
        Case c,
        int version,
        Buttons buttons,
        CancellationToken cancellationToken
    ) =>
        CaseCard.Build(
            await ViewAsync(c, version, false, cancellationToken) with
            {
                Suggested = await suggestions.ForAsync(c, cancellationToken),
            },
            buttons
        );

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
    ) => CaseCard.Build(await ViewAsync(c, version, revealed, cancellationToken), buttons);

    private async Task<CaseView> ViewAsync(Case c, int version, bool revealed, CancellationToken cancellationToken)
    {
        var history = store.RecentHistoryAsync(c.Number, version, TimelineView.MaxEntries, cancellationToken);
        var staff = people.StaffAsync(cancellationToken);
        await Task.WhenAll(history, staff);
        var recent = await history;
        return CaseViews.Of(c, clock.GetUtcNow(), policy, recent.Entries, revealed) with
        {
            TimelineEarlier = recent.Earlier,
            Assignees = (await staff).Where(p => p.Id != c.Owner?.Id).Select(p => new Choice(p.Name, p.Id)).ToList(),
        };
    }
}
