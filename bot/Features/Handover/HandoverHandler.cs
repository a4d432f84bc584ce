using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Shifts;

namespace EscalationBot.Features.Handover;

/// <summary>The handover digest on demand, notes for the next shift, and the incoming shift's "I've got it".</summary>
public sealed class HandoverHandler(
    HandoverDigests handovers,
    HandoverAcknowledgements acknowledgements,
    CaseChanges changes,
    CasePolicy policy
)
    : ICommandHandler<ChatCommand.HandoverNow>,
        ICommandHandler<ChatCommand.HandoverNoteFor>,
        ICommandHandler<ChatCommand.AcknowledgeHandover>
{
    public async Task<Reply> HandleAsync(
        ChatCommand.HandoverNow command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (turn.Actor.Role != Role.Lead)
        {
            return new Reply("Only leads can post the handover digest on demand.");
        }

        return new Reply(Card: HandoverCard.Build(await handovers.NowAsync(cancellationToken), turn.Buttons));
    }

    public Task<Reply> HandleAsync(
        ChatCommand.HandoverNoteFor command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) =>
        changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.LeaveHandoverNote(c, turn.Actor, command.Text, now, policy),
            null,
            c => $"Handover note left on {c.Id}: the next shift's digest shows it.",
            cancellationToken
        );

    /// <summary>The owner or a lead keeps a case over the shift end at <paramref name="boundary"/>.</summary>
    public Task<Reply> KeepAsync(
        string caseRef,
        ChatTurn turn,
        DateTimeOffset boundary,
        CancellationToken cancellationToken
    ) =>
        changes.ChangeAsync(
            caseRef,
            turn,
            (c, now) => CaseRules.KeepOverHandover(c, turn.Actor, boundary, now, policy),
            null,
            c => $"{c.Id} stays with {c.Owner?.Name} over the handover.",
            cancellationToken
        );

    public async Task<Reply> HandleAsync(
        ChatCommand.AcknowledgeHandover command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) =>
        await acknowledgements.AcknowledgeAsync(
            command.Shift,
            command.Start,
            PressedOn(turn),
            turn.Actor,
            cancellationToken
        ) switch
        {
            (string refusal, _) => new Reply(refusal),
            (_, { } view) => new Reply(Card: HandoverCard.Build(view, turn.Buttons), ReplacesCard: turn.FromCard),
            _ => new Reply("That handover could not be acknowledged."),
        };

    /// <summary>Where a card was pressed: the conversation (not a channel thread in it), and the message, if the channel says.</summary>
    public static PressedOn PressedOn(ChatTurn turn) =>
        new(ConversationAddress.TopLevel(turn.Address).Conversation.Id, turn.ReplyToId);
}
