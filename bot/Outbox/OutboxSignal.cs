using Hangfire;

namespace EscalationBot.Outbox;

/// <summary>
/// Starts sending a case's outbox rows as soon as a change has committed them, without waiting for the sweep; and asks
/// for queue cards outside a change (a queue bound after cases were filed).
/// </summary>
public sealed class OutboxSignal(
    IOutboxStore outbox,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<OutboxSignal> logger
)
{
    /// <summary>Starts sending the case's rows; only its queue card (read by key) when nothing else was asked for.</summary>
    public void Wake(int number, bool onlyQueueCard = false)
    {
        try
        {
            jobs.Enqueue(OutboxDispatcher.Send(number, onlyQueueCard));
        }
        catch (Exception e)
        {
            // The rows are committed; the sweep sends them.
            logger.LogWarning(e, "Could not start sending the outbox of case {Number}; the sweep will", number);
        }
    }

    public async Task RequestQueueCardsAsync(IReadOnlyCollection<int> numbers, CancellationToken cancellationToken)
    {
        await outbox.RequestQueueCardsAsync(numbers, clock.GetUtcNow(), cancellationToken);
        foreach (var number in numbers)
        {
            Wake(number, onlyQueueCard: true);
        }
    }
}
