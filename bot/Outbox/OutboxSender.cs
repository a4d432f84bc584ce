using EscalationBot.Cases;
using EscalationBot.Chat;

namespace EscalationBot.Outbox;

/// <summary>Sends one outbox row as its stream says: the queue card, the reporter's notice, the owner's news.</summary>
public sealed class OutboxSender(QueueCardSync queueCard, ReporterNotifier reporter, OwnerNotifier owner)
{
    public Task SendAsync(OutboxRow row, CancellationToken cancellationToken) =>
        row.Stream switch
        {
            OutboxStream.Queue => queueCard.SyncQueueCardAsync(row.Number, row.PostedMessageId, cancellationToken),
            OutboxStream.Reporter => reporter.NotifyReporterAsync(
                row.Number,
                Enum.Parse<ReporterNotice>(row.What!),
                row.Version,
                cancellationToken
            ),
            OutboxStream.Owner => owner.TellOwnerAsync(
                row.Number,
                Enum.Parse<OwnerNews>(row.What!),
                row.Version,
                row.RecipientId!,
                cancellationToken
            ),
            _ => throw new InvalidOperationException($"Unknown outbox stream {row.Stream}."),
        };
}
