using EscalationBot.Cards.Cases;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;

namespace EscalationBot.Features.Queue;

/// <summary>Reading cases: one case's status, its history, and the open queue with filters.</summary>
public sealed class QueueHandler(ICaseStore store, CaseCards cards, CasePolicy policy, TimeProvider clock)
    : ICommandHandler<ChatCommand.Status>,
        ICommandHandler<ChatCommand.History>,
        ICommandHandler<ChatCommand.ShowQueue>
{
    public const int QueueListLength = 15;

    /// <summary>The most cases a queue turn reads, whatever the number open: beyond it the list says "at least".</summary>
    public const int QueuePageSize = 50;

    public async Task<Reply> HandleAsync(ChatCommand.Status command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(command.CaseRef, out var number))
        {
            return CaseChanges.NotACaseId(command.CaseRef);
        }

        var stored = await store.GetAsync(number, cancellationToken);
        if (stored is null || !CaseRules.CanView(stored.Case, turn.Actor))
        {
            // The same answer for "missing" and "not yours": a reporter learns nothing about other cases.
            return new Reply($"I can't find {CaseId.Format(number)} among the cases you can see.");
        }

        // The reporter wrote the details; they see them. Staff see a sensitive case's details only when they reveal them.
        var card = turn.Actor.IsStaff
            ? await cards.ForStaffAsync(stored, turn.Buttons, cancellationToken)
            : CaseNoticeCard.Status(CaseViews.Of(stored.Case, clock.GetUtcNow(), policy) with { Revealed = true });
        return new Reply(Card: card);
    }

    public async Task<Reply> HandleAsync(
        ChatCommand.History command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!CaseId.TryParse(command.CaseRef, out var number))
        {
            return CaseChanges.NotACaseId(command.CaseRef);
        }

        if (!turn.Actor.IsStaff)
        {
            return new Reply(
                "A case's history is for specialists and leads. To follow your own case, type: status ESC-n"
            );
        }

        var stored = await store.GetAsync(number, cancellationToken);
        if (stored is null)
        {
            return new Reply(CaseRules.NoSuchCase(CaseId.Format(number)));
        }

        // Hidden texts stay hidden here too, in a 1:1 chat as in a channel, as on the card that 'status' shows:
        // only a reveal (audited, per viewer) shows what people wrote about a sensitive case.
        var history = await store.HistoryAsync(number, cancellationToken);
        var view = CaseViews.Of(stored.Case, clock.GetUtcNow(), policy, history, showReveals: turn.IsPersonal);
        var note = view.HidesDetails
            ? $"{view.Id} is sensitive: what people wrote is hidden. Reveal its details on its card, or type "
                + $"'reveal {view.Id}' in your 1:1 chat with me, to read it; each reveal is recorded."
            : null;
        return new Reply(Card: TimelineView.Card(view.Id, view.Timeline, view.Clock, note));
    }

    public async Task<Reply> HandleAsync(
        ChatCommand.ShowQueue command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply(
                "The queue is for on-shift specialists and leads. To follow your own case, type: status ESC-n"
            );
        }

        var (filter, unknown) = CaseFilter.Parse(command.Filters);
        if (unknown is not null)
        {
            return new Reply(
                $"I don't know the filter \"{(unknown.Length > 30 ? unknown[..30] + "…" : unknown)}\". Filters: {CaseFilter.Words}."
            );
        }

        if (command.Mine)
        {
            filter = filter with { OwnerId = turn.Actor.Person.Id };
        }

        var now = clock.GetUtcNow();
        var page = await store.PageOpenAsync(filter, QueuePageSize, cancellationToken);
        var shown = page.Cases.Take(QueueListLength).Select(c => CaseViews.Of(c, now, policy)).ToList();
        var what = command.Mine ? "Your open cases" : "Open cases";
        var described = filter.Describe();

        // A full page says "50+": the storage was asked for no more, so only that many are known to match.
        var count = page.More ? $"{page.Cases.Count}+" : $"{page.Cases.Count}";
        var title = described.Length == 0 ? $"{what} ({count})" : $"{what}: {described} ({count})";
        var narrow =
            $"Add a filter to narrow the list, such as '{(command.Mine ? "mine" : "queue")} sev1 new'. "
            + $"Filters: {CaseFilter.Words}.";
        return new Reply(Card: QueueCard.Build(title, shown, page.Cases.Count, page.More ? narrow : null));
    }
}
