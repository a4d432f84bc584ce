using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>
/// A queue card went out but its message id could not be stored on the case: the outbox keeps the id.
/// </summary>
public sealed class QueueCardNotRecordedException(string messageId, Exception inner)
    : Exception("A queue card was posted but its id was not stored on the case.", inner)
{
    public string MessageId { get; } = messageId;
}

/// <summary>
/// Keeps a case's card in the queue channel in step with the case: posts it once, then edits it in place.
/// </summary>
public sealed class QueueCardSync(
    ICaseStore store,
    CaseWorkflow workflow,
    IConversationStore conversations,
    CaseCards cards,
    ChatSender sender,
    TimeProvider clock,
    ILogger<QueueCardSync> logger
)
{
    /// <summary>
    /// Brings the case's queue card up to date: posts it if the case has none yet and is open (and a queue is bound),
    /// else edits it in place. Run by the outbox, which holds the case's queue row while this runs, so no other
    /// sender posts a second card meanwhile. <paramref name="posted"/>: a card an earlier attempt posted but could not
    /// record on the case (<see cref="QueueCardNotRecordedException"/>); it is recorded now instead of posted again.
    /// </summary>
    public async Task SyncQueueCardAsync(int number, string? posted, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(number, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var c = stored.Case;
        var queue = await conversations.GetBindingAsync(Bindings.Queue, cancellationToken);
        if (queue is null)
        {
            if (c.QueueMessageId is null)
            {
                logger.LogWarning(
                    "Case {CaseId} waits for a queue: no conversation is bound (a lead types 'setup queue')",
                    c.Id
                );
            }

            return;
        }

        if (c.QueueMessageId is null)
        {
            if (c.IsOpen || posted is not null)
            {
                await PostToQueueAsync(stored, queue, posted, cancellationToken);
            }

            return;
        }

        if (ConversationAddress.Parse(queue.Address).Conversation.Id != c.QueueConversationId)
        {
            // The queue was bound elsewhere since this card was posted: its message is not in the queue any more.
            logger.LogInformation(
                "Card of {CaseId} not edited: it is in {Conversation}, no longer the queue",
                c.Id,
                c.QueueConversationId
            );
            return;
        }

        var card = await cards.ForQueueAsync(
            c,
            stored.Version,
            ChatSender.ButtonsFor(queue.ChannelId),
            cancellationToken
        );
        await sender.UpdateCardAsync(queue.Address, c.QueueMessageId, card, cancellationToken);
    }

    private async Task PostToQueueAsync(
        StoredCase stored,
        Binding queue,
        string? postedBefore,
        CancellationToken cancellationToken
    )
    {
        var posted = stored.Case;
        var number = posted.Number;
        var queueConversation = ConversationAddress.Parse(queue.Address).Conversation.Id;
        var buttons = ChatSender.ButtonsFor(queue.ChannelId);
        var messageId =
            postedBefore
            ?? await sender.PostCardAsync(
                queue.Address,
                await cards.ForQueueAsync(stored.Case, stored.Version, buttons, cancellationToken),
                null,
                cancellationToken
            );

        // Recording the card's id changes nothing anyone sees: no outbox rows.
        var now = clock.GetUtcNow();
        Change change;
        try
        {
            change = await workflow.ApplyAsync(
                number,
                c =>
                    c.QueueMessageId is null
                        ? new Decision.Accepted(
                            c with
                            {
                                QueueMessageId = messageId,
                                QueueConversationId = queueConversation,
                            },
                            new AuditEntry(
                                number,
                                now,
                                CaseRules.SystemActor,
                                AuditAction.PostedToQueue,
                                c.State,
                                c.State
                            )
                        )
                        : new Decision.Refused(Refusal.AlreadyDone, "already posted"),
                cancellationToken,
                _ => CaseEffects.None
            );
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The card is in the channel: the next attempt must record this id, never post a second card.
            throw new QueueCardNotRecordedException(messageId, e);
        }

        logger.LogInformation("Case {CaseId} posted to the queue as message {MessageId}", posted.Id, messageId);

        // Changed while the card was on its way (or posted by an earlier attempt): show the latest state.
        if (
            change is Change.Done { Case: var latest, Version: var version }
            && (postedBefore is not null || latest.State != posted.State)
        )
        {
            var card = await cards.ForQueueAsync(latest, version, buttons, cancellationToken);
            await sender.UpdateCardAsync(queue.Address, messageId, card, cancellationToken);
        }
    }
}
