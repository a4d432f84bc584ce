using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>Sends an SLA reminder to whoever must hear it now: the queue, the case's owner or the leads.</summary>
public sealed class ReminderSender(
    IConversationStore conversations,
    CaseCards cards,
    ChatSender sender,
    CasePolicy policy,
    IOptions<TeamOptions> team,
    TimeProvider clock,
    ILogger<ReminderSender> logger
)
{
    /// <summary>
    /// Sends one SLA reminder to whoever must hear it now: the queue while nobody holds the case, the owner in their
    /// 1:1 chat while someone does (the queue, naming them, if they have no such chat or are away), and the leads on a
    /// breach, with the case card and its buttons (the queue while no leads' channel is bound). Returns where it went, or
    /// null when nothing is bound to send it to.
    /// </summary>
    public async Task<string?> SendReminderAsync(
        StoredCase stored,
        Reminder reminder,
        CancellationToken cancellationToken
    )
    {
        var c = stored.Case;
        var now = clock.GetUtcNow();
        var text = ReminderText.Of(c, reminder, now, policy, team.Value.Zone());
        if (reminder.IsBreach)
        {
            var leads =
                await conversations.GetBindingAsync(Bindings.Leads, cancellationToken)
                ?? await conversations.GetBindingAsync(Bindings.Queue, cancellationToken);
            if (leads is not null)
            {
                var reference = ConversationAddress.Parse(leads.Address);
                var card = await cards.ForStaffAsync(
                    stored,
                    ChatSender.ButtonsFor(reference.ChannelId),
                    cancellationToken
                );
                await sender.PostCardAsync(leads.Address, card, text, cancellationToken);
                return leads.Name;
            }
        }
        else if (await OwnerOrQueueAsync(c, text, now, cancellationToken) is { } sentTo)
        {
            return sentTo;
        }

        logger.LogWarning(
            "Reminder {Key} about {CaseId} has nowhere to go: no queue or leads' channel is bound ('setup queue', 'setup leads')",
            reminder.Key,
            c.Id
        );
        return null;
    }

    /// <summary>
    /// The owner, in their 1:1 chat; else the queue, naming them. An owner on a break is only "away" there (README,
    /// "Wellbeing"). Null: no queue is bound.
    /// </summary>
    private async Task<string?> OwnerOrQueueAsync(
        Case c,
        string text,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var owner = c.Owner is null ? null : await conversations.GetPersonAsync(c.Owner.Id, cancellationToken);
        var away = owner?.IsAway(now) == true;
        if (owner is { PersonalAddress: { } personal } && !away)
        {
            await sender.SendTextAsync(personal, text, cancellationToken);
            return $"owner:{owner.Id}";
        }

        if (await conversations.GetBindingAsync(Bindings.Queue, cancellationToken) is not { } queue)
        {
            return null;
        }

        var to =
            c.Owner is null ? ""
            : away ? $"{c.Owner.Name} is away. "
            : $"{c.Owner.Name}: ";
        await sender.SendTextAsync(queue.Address, to + text, cancellationToken);
        return queue.Name;
    }
}
