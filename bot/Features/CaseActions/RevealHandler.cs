using EscalationBot.Cards;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;

namespace EscalationBot.Features.CaseActions;

/// <summary>
/// Shows a sensitive case's details to the one person who asked, and records that they looked. In Teams the
/// answer to a card press replaces the card for that viewer only; elsewhere only a 1:1 chat is private.
/// </summary>
public sealed class RevealHandler(
    CaseChanges changes,
    ICaseStore store,
    CaseWorkflow workflow,
    CaseCards cards,
    CasePolicy policy,
    TimeProvider clock,
    ILogger<RevealHandler> logger
) : ICommandHandler<ChatCommand.Reveal>
{
    public async Task<Reply> HandleAsync(ChatCommand.Reveal command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(command.CaseRef, out var number))
        {
            return CaseChanges.NotACaseId(command.CaseRef);
        }

        var perViewer = turn.IsPersonal || (turn.FromCard && turn.Buttons.Mode == ButtonMode.Execute);
        if (!perViewer)
        {
            return new Reply(
                $"Here the details would show to everyone in the conversation. Type 'reveal {CaseId.Format(number)}' in your 1:1 chat with me instead."
            );
        }

        // A replay shows the details again to the same staff member, without a second entry on the timeline.
        var now = clock.GetUtcNow();
        var change = await changes.RecordedAsync(turn, cancellationToken) is { } recorded
            ? new Change.Replayed(recorded)
            : await workflow.ApplyAsync(
                number,
                c => CaseRules.Reveal(c, turn.Actor, now, policy),
                cancellationToken,
                _ => CaseEffects.None with { Turn = turn.Record(null) }
            );
        switch (change)
        {
            case Change.NotFound missing:
                return new Reply(CaseRules.NoSuchCase(CaseId.Format(missing.Number)));
            case Change.Refused refused:
                return new Reply(refused.Reason);
            case Change.Done done:
                logger.LogInformation("Case {CaseId} details revealed to {User}", done.Case.Id, turn.Actor.Person.Id);
                return await RevealedAsync(done.Case, done.Version, turn, cancellationToken);
            // Only the case the first copy revealed (and recorded on its timeline), and only to staff.
            case Change.Replayed { Turn.Number: var revealed }
                when revealed == number
                    && turn.Actor.IsStaff
                    && await store.GetAsync(number, cancellationToken) is { } stored:
                return await RevealedAsync(stored.Case, stored.Version, turn, cancellationToken);
            default:
                return new Reply("Done.");
        }
    }

    private async Task<Reply> RevealedAsync(Case c, int version, ChatTurn turn, CancellationToken cancellationToken) =>
        new(
            Card: await cards.ForStaffAsync(c, version, turn.Buttons, cancellationToken, revealed: true),
            ReplacesCard: turn.FromCard
        );
}
