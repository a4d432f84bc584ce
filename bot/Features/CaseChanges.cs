using EscalationBot.Cards.Cases;
using EscalationBot.Cases;
using EscalationBot.Chat;

namespace EscalationBot.Features;

/// <summary>
/// Applies a rule to a stored case for a chat turn, and answers it: the shared path of every command that changes
/// a case. A replay of the turn's activity (Teams' retry) gets the first answer again, and changes nothing: the
/// change's batch adds the activity's record, so a replay fails there (or, if the case moved on, its rule refuses and
/// the record is read then). The record is not read first: a turn that changes a case costs no read for it.
/// </summary>
public sealed class CaseChanges(
    ICaseStore store,
    CaseWorkflow workflow,
    CaseCards cards,
    CasePolicy policy,
    TimeProvider clock,
    ILogger<CaseChanges> logger
)
{
    /// <summary>
    /// When the rule accepts, the same batch asks the outbox to refresh the queue card and to send
    /// <paramref name="notice"/>, and records this activity with <paramref name="doneText"/> as its answer.
    /// </summary>
    public async Task<Reply> ChangeAsync(
        string caseRef,
        ChatTurn turn,
        Func<Case, DateTimeOffset, Decision> rule,
        Func<Case, Notice?>? notice,
        Func<Case, string> doneText,
        CancellationToken cancellationToken
    )
    {
        if (!CaseId.TryParse(caseRef, out var number))
        {
            return NotACaseId(caseRef);
        }

        var now = clock.GetUtcNow();
        var change = await workflow.ApplyAsync(
            number,
            c => rule(c, now),
            cancellationToken,
            c => new CaseEffects(notice?.Invoke(c) is { } n ? [n] : [], turn.Record(doneText(c)))
        );
        switch (change)
        {
            case Change.NotFound missing:
                return new Reply(CaseRules.NoSuchCase(CaseId.Format(missing.Number)));
            case Change.Refused refused:
                // A copy of this activity still in flight when it was read may have committed since, and the case as
                // it left refuses the copy: the copy gets the first answer, not the refusal.
                return await RecordedAsync(turn, cancellationToken) is { } first
                    ? await ReplayAsync(first, turn, cancellationToken)
                    : new Reply(refused.Reason);
            case Change.Replayed replayed:
                return await ReplayAsync(replayed.Turn, turn, cancellationToken);
        }

        var (done, version) = (Change.Done)change;
        logger.LogInformation("Case {CaseId} is {State} after {User}", done.Id, done.State, turn.Actor.Person.Id);
        return await AnswerAsync(done, version, doneText(done), turn, cancellationToken);
    }

    /// <summary>The record of this turn's activity, if it changed a case before: the turn is a replay.</summary>
    public async Task<TurnRecord?> RecordedAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        turn.ActivityKey is { } key ? await store.GetTurnAsync(key, cancellationToken) : null;

    /// <summary>The owner hears about the change in their 1:1 chat (the outbox skips it if they made it themselves).</summary>
    public static Notice? TellOwner(Case c, OwnerNews news) =>
        c.Owner is { } owner ? new Notice.ToOwner(news, owner.Id) : null;

    public static Reply NotACaseId(string text) =>
        new($"\"{(text.Length > 20 ? text[..20] + "…" : text)}\" is not a case id. Case ids look like ESC-12.");

    /// <summary>A replay gets the first answer's text again, or the card of the case as it is now; nothing changes.</summary>
    private async Task<Reply> ReplayAsync(TurnRecord recorded, ChatTurn turn, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Activity replayed by {User}: case {Number} unchanged",
            turn.Actor.Person.Id,
            recorded.Number
        );
        var text = recorded.Reply ?? "Done.";
        return await store.GetAsync(recorded.Number, cancellationToken) is { } stored
            ? await AnswerAsync(stored.Case, stored.Version, text, turn, cancellationToken)
            : new Reply(text);
    }

    /// <summary>What the actor sees after a change: the text when typed; from a card, the card redrawn for them.</summary>
    private async Task<Reply> AnswerAsync(
        Case c,
        int version,
        string text,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!turn.FromCard)
        {
            return new Reply(text);
        }

        // A reporter's button (reopen from their outcome card) gets their own view, never the staff card.
        if (!turn.Actor.IsStaff)
        {
            return new Reply(
                Card: CaseNoticeCard.Status(CaseViews.Of(c, clock.GetUtcNow(), policy)),
                ReplacesCard: true
            );
        }

        return new Reply(
            Card: await cards.ForStaffAsync(c, version, turn.Buttons, cancellationToken),
            ReplacesCard: true
        );
    }
}
