using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Outbox;
using EscalationBot.Shifts;

namespace EscalationBot.Features.Queue;

/// <summary>A lead makes a conversation the specialists' queue or the leads' channel.</summary>
public sealed class SetupHandler(
    IConversationStore conversations,
    ICaseStore store,
    OutboxSignal outbox,
    MissedDigests digests,
    TimeProvider clock,
    ILogger<SetupHandler> logger
) : ICommandHandler<ChatCommand.Setup>
{
    public async Task<Reply> HandleAsync(ChatCommand.Setup command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Role != Role.Lead)
        {
            return new Reply("Only leads can set up the queue and the leads' channel.");
        }

        var address = ConversationAddress.TopLevel(turn.Address);
        await conversations.SaveBindingAsync(
            new Binding(
                command.Binding,
                ConversationAddress.Of(address),
                turn.ChannelId,
                turn.Actor.Person.Id,
                clock.GetUtcNow()
            ),
            cancellationToken
        );
        logger.LogInformation(
            "Conversation {ConversationId} bound as {Binding} by {User}",
            address.Conversation.Id,
            command.Binding,
            turn.Actor.Person.Id
        );

        digests.AfterBinding(command.Binding);

        if (command.Binding != Bindings.Queue)
        {
            return new Reply(
                "This conversation is now the leads' channel: breaches and handover digests will come here."
            );
        }

        // Cases filed while no queue was bound have no queue card yet: post them now.
        // Through the outbox: a second 'setup queue', or a retry, finds the cards posted and edits them instead.
        var unposted = await store.ListUnpostedAsync(cancellationToken);
        await outbox.RequestQueueCardsAsync(unposted, cancellationToken);

        var backlog = unposted.Count > 0 ? $" {unposted.Count} open case(s) not yet posted will follow." : "";
        return new Reply(
            $"This conversation is now the specialists' queue: new escalations will appear here.{backlog}"
        );
    }
}
