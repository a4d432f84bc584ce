using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Features.CaseActions;
using EscalationBot.Shifts;

namespace EscalationBot.Features.Handover;

/// <summary>
/// Keep, hand to or release one of the outgoing shift's cases. The rules check the actor, the case and its
/// state on the server; the boundary must be a real shift end whose choices are still open. From a card, the
/// card it was pressed on is redrawn from the stored cases with what happened at its top.
/// </summary>
public sealed class HandoverChoiceHandler(
    OutgoingOwners outgoingOwners,
    HandoverAcknowledgements acknowledgements,
    HandoverDigests handovers,
    HandoverHandler handover,
    CaseWorkHandler work,
    ReassignHandler reassign,
    TimeProvider clock
) : ICommandHandler<ChatCommand.HandoverChoice>
{
    public async Task<Reply> HandleAsync(
        ChatCommand.HandoverChoice choice,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        if (Outgoing(choice, now) is not { } outgoing)
        {
            return new Reply(
                choice.Boundary is null
                    ? "No shift is running now, so there is no handover to keep a case over."
                    : "That button does not say which handover it is for."
            );
        }

        if (!outgoingOwners.IsOpen(outgoing, now))
        {
            return new Reply(
                $"The choices for the end of the {outgoing.Name} shift have closed. Use 'reassign ESC-n name' or 'release ESC-n' instead."
            );
        }

        // A press on a posted digest acts only on the digest it was pressed on: the card's data names one, the stored
        // message proves it, and its choices must be the open ones for this boundary. Non-staff are refused by every
        // rule below and never see a digest.
        PostedDigest? digest = null;
        if (
            turn.FromCard
            && turn.Actor.IsStaff
            && choice.Card == HandoverChoiceRows.DigestCard
            && choice.Shift is not null
        )
        {
            digest = await acknowledgements.PressedAsync(
                choice.Shift,
                choice.Start,
                HandoverHandler.PressedOn(turn),
                cancellationToken
            );
            if (digest?.View.Options?.Boundary is not { } boundary || boundary != choice.Boundary)
            {
                return new Reply("That button is not on a handover digest whose choices are open.");
            }
        }

        var plain = turn with { FromCard = false };
        var result = choice.Choice switch
        {
            HandoverChoiceRows.Keep => await handover.KeepAsync(choice.CaseRef, plain, outgoing.End, cancellationToken),
            HandoverChoiceRows.Release => await work.Release(choice.CaseRef, plain, cancellationToken),
            HandoverChoiceRows.HandTo => await reassign.HandleAsync(
                new ChatCommand.Reassign(choice.CaseRef, choice.AssigneeId),
                plain,
                cancellationToken
            ),
            _ => new Reply("Choose keep, hand to or release."),
        };
        // Only staff see a redrawn card: it names owners, notes and the people on the next shift.
        return turn.FromCard && turn.Actor.IsStaff
            ? await RedrawnAsync(choice, digest, outgoing, result, turn, cancellationToken)
            : result;
    }

    /// <summary>
    /// The shift whose end the choice is for. Typed: the handover in progress. From a button: a shift end near now
    /// (a forged far-off number would only make the schedule's date arithmetic overflow), of a run that has
    /// started: choices are for the handover at hand, not for one days away.
    /// </summary>
    private ShiftRun? Outgoing(ChatCommand.HandoverChoice choice, DateTimeOffset now)
    {
        if (choice.Boundary is null)
        {
            return outgoingOwners.RunHandingOver(now);
        }

        var outgoing =
            long.TryParse(choice.Boundary, out var unix)
            && Math.Abs(unix - now.ToUnixTimeSeconds()) <= TimeSpan.FromDays(2).TotalSeconds
                ? outgoingOwners.RunEndingAt(DateTimeOffset.FromUnixTimeSeconds(unix))
                : null;
        return outgoing is null || outgoing.Start > now ? null : outgoing;
    }

    /// <summary>The card pressed on, redrawn with what happened at its top; a digest on demand (not stored) is drawn afresh, for leads.</summary>
    private async Task<Reply> RedrawnAsync(
        ChatCommand.HandoverChoice choice,
        PostedDigest? digest,
        ShiftRun outgoing,
        Reply result,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (choice.Card == HandoverChoiceRows.DigestCard)
        {
            var redrawn =
                digest is not null ? await acknowledgements.RedrawAsync(digest, cancellationToken)
                : choice.Shift is null && turn.Actor.Role == Role.Lead ? await handovers.NowAsync(cancellationToken)
                : null;
            return redrawn is null
                ? result
                : new Reply(
                    Card: HandoverCard.Build(redrawn with { Message = result.Text }, turn.Buttons),
                    ReplacesCard: true
                );
        }

        var mine = await outgoingOwners.ForOwnerAsync(turn.Actor.Person, outgoing, result.Text, cancellationToken);
        return mine is null ? result : new Reply(Card: OutgoingCard.Build(mine, turn.Buttons), ReplacesCard: true);
    }
}
