using EscalationBot.Cards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Bot.Schema;

namespace EscalationBot.Chat;

/// <summary>A queue card went out but its message id could not be stored on the case: the outbox keeps the id.</summary>
public sealed class QueueCardNotRecordedException(string messageId, Exception inner)
    : Exception("A queue card was posted but its id was not stored on the case.", inner)
{
    public string MessageId { get; } = messageId;
}

/// <summary>
/// What the bot posts on its own, run as Hangfire jobs so that a card press is answered at once and a failed
/// send is retried. Each job takes a case number and reads the case as it is now.
/// </summary>
public sealed class CaseMessenger(
    BotAdapter adapter,
    ICaseStore store,
    CaseWorkflow workflow,
    IConversationStore conversations,
    CaseCards cards,
    IConfiguration configuration,
    CasePolicy policy,
    IOptions<TeamOptions> team,
    TimeProvider clock,
    ILogger<CaseMessenger> logger)
{
    private string BotAppId => configuration["MicrosoftAppId"] ?? "";

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
                logger.LogWarning("Case {CaseId} waits for a queue: no conversation is bound (a lead types 'setup queue')", c.Id);
            }

            return;
        }

        if (c.QueueMessageId is null)
        {
            if (c.IsOpen || posted is not null)
            {
                await PostToQueueAsync(c, queue, posted, cancellationToken);
            }

            return;
        }

        if (ConversationAddress.Parse(queue.Address).Conversation.Id != c.QueueConversationId)
        {
            // The queue was bound elsewhere since this card was posted: its message is not in the queue any more.
            logger.LogInformation("Card of {CaseId} not edited: it is in {Conversation}, no longer the queue", c.Id, c.QueueConversationId);
            return;
        }

        var card = await cards.ForStaffAsync(c, ButtonsFor(queue.ChannelId), cancellationToken);
        await UpdateCardAsync(queue.Address, c.QueueMessageId, card, cancellationToken);
    }

    private async Task PostToQueueAsync(Case posted, Binding queue, string? postedBefore, CancellationToken cancellationToken)
    {
        var number = posted.Number;
        var queueConversation = ConversationAddress.Parse(queue.Address).Conversation.Id;
        var messageId = postedBefore
            ?? await SendAsync(queue.Address, await cards.ForStaffAsync(posted, ButtonsFor(queue.ChannelId), cancellationToken), cancellationToken);

        // Recording the card's id changes nothing anyone sees: no outbox rows.
        var now = clock.GetUtcNow();
        Change change;
        try
        {
            change = await workflow.ApplyAsync(
                number,
                c => c.QueueMessageId is null
                    ? new Decision.Accepted(
                        c with { QueueMessageId = messageId, QueueConversationId = queueConversation },
                        new AuditEntry(number, now, CaseRules.SystemActor, AuditAction.PostedToQueue, c.State, c.State))
                    : new Decision.Refused(Refusal.AlreadyDone, "already posted"),
                cancellationToken,
                _ => CaseEffects.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The card is in the channel: the next attempt must record this id, never post a second card.
            throw new QueueCardNotRecordedException(messageId, e);
        }

        logger.LogInformation("Case {CaseId} posted to the queue as message {MessageId}", posted.Id, messageId);

        // Changed while the card was on its way (or posted by an earlier attempt): show the latest state.
        if (change is Change.Done { Case: var latest } && (postedBefore is not null || latest.State != posted.State))
        {
            var card = await cards.ForStaffAsync(latest, ButtonsFor(queue.ChannelId), cancellationToken);
            await UpdateCardAsync(queue.Address, messageId, card, cancellationToken);
        }
    }

    /// <summary>Posts a card to a conversation (a bound channel, a 1:1 chat); returns the new message's id.</summary>
    public Task<string> PostCardAsync(string address, Cards.AdaptiveCards.AdaptiveCard card, string? text, CancellationToken cancellationToken) =>
        SendAsync(address, card, cancellationToken, text);

    /// <summary>Edits a card the bot posted, in place, for everyone who sees it.</summary>
    public async Task UpdateCardAsync(string address, string messageId, Cards.AdaptiveCards.AdaptiveCard card, CancellationToken cancellationToken) =>
        await adapter.ContinueConversationAsync(
            BotAppId,
            ConversationAddress.Parse(address),
            async (turn, ct) =>
            {
                var update = CardActivity.Of(card);
                update.Id = messageId;
                await turn.UpdateActivityAsync(update, ct);
            },
            cancellationToken);

    public static Buttons ButtonsForChannel(string channelId) => ButtonsFor(channelId);

    /// <summary>
    /// Tells <paramref name="ownerId"/>, while they still own the case (or, for a release, its former owner), in their
    /// 1:1 chat with the bot, what the change that made case version <paramref name="version"/> did, with the case's
    /// current card. Nobody is told about their own action.
    /// </summary>
    public async Task TellOwnerAsync(int number, OwnerNews news, int version, string ownerId, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(number, cancellationToken);
        var change = await store.GetAuditAsync(number, version, cancellationToken);
        var stillTheirs = news == OwnerNews.ReleasedIdle || stored?.Case.Owner?.Id == ownerId;
        if (stored is null || !stillTheirs || change is null || change.Actor.Id == ownerId)
        {
            return;
        }

        var person = await conversations.GetPersonAsync(ownerId, cancellationToken);
        if (person?.PersonalAddress is not { } address)
        {
            logger.LogInformation("{User} has no 1:1 chat with the bot; {CaseId} shows them as owner on its card only", ownerId, stored.Case.Id);
            return;
        }

        var c = stored.Case;
        var text = news switch
        {
            OwnerNews.ReporterUpdate => $"{change.Actor.Name}, who reported {c.Id}, sent more information{Quote(c, change.Text)}",
            OwnerNews.ConsultAnswer => $"{change.Actor.Name} recorded the consult's answer on {c.Id}{Quote(c, change.Text)}",
            OwnerNews.ReportAdded => $"{change.Actor.Name} added a report to {c.Id} instead of filing a new case.",
            OwnerNews.ReleasedIdle => ReminderText.Of(c, new Reminder(number, Chase.Idle, 2, 0, change.At), change.At, policy, team.Value.Zone()),
            _ => $"{change.Actor.Name} handed {c.Id} to you.",
        };
        var reference = ConversationAddress.Parse(address);
        await SendAsync(address, await cards.ForStaffAsync(c, ButtonsFor(reference.ChannelId), cancellationToken), cancellationToken, text: text);
        logger.LogInformation("{User} told about {CaseId}: {News}", ownerId, c.Id, news);
    }

    /// <summary>
    /// The start of a person's text for a one-line notice (the whole text is on the case). A sensitive case's text
    /// stays out of it: notices show up in previews and pop-ups.
    /// </summary>
    private static string Quote(Case c, string? text) =>
        c.IsSensitive || string.IsNullOrWhiteSpace(text) ? "."
        : text.Length <= 200 ? $": \u201c{text.Trim()}\u201d"
        : $": \u201c{text[..200].Trim()}\u2026\u201d";

    /// <summary>
    /// Sends one SLA reminder to whoever must hear it now: the queue while nobody holds the case, the owner in their
    /// 1:1 chat while someone does (the queue, naming them, if they have no such chat), and the leads on a breach,
    /// with the case card and its buttons (the queue while no leads' channel is bound). Returns where it went, or
    /// null when nothing is bound to send it to.
    /// </summary>
    public async Task<string?> SendReminderAsync(Case c, Reminder reminder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var text = ReminderText.Of(c, reminder, now, policy, team.Value.Zone());
        if (reminder.IsBreach)
        {
            var leads = await conversations.GetBindingAsync(Bindings.Leads, cancellationToken)
                ?? await conversations.GetBindingAsync(Bindings.Queue, cancellationToken);
            if (leads is not null)
            {
                var reference = ConversationAddress.Parse(leads.Address);
                await SendAsync(leads.Address, await cards.ForStaffAsync(c, ButtonsFor(reference.ChannelId), cancellationToken), cancellationToken, text);
                return leads.Name;
            }
        }
        else if (c.Owner is { } owner && await conversations.GetPersonAsync(owner.Id, cancellationToken) is { PersonalAddress: { } personal })
        {
            await SendTextAsync(personal, text, cancellationToken);
            return $"owner:{owner.Id}";
        }
        else if (await conversations.GetBindingAsync(Bindings.Queue, cancellationToken) is { } queue)
        {
            await SendTextAsync(queue.Address, c.Owner is { } o ? $"{o.Name}: {text}" : text, cancellationToken);
            return queue.Name;
        }

        logger.LogWarning("Reminder {Key} about {CaseId} has nowhere to go: no queue or leads' channel is bound ('setup queue', 'setup leads')", reminder.Key, c.Id);
        return null;
    }

    /// <summary>A line to someone in their 1:1 chat with the bot, if they have one.</summary>
    public async Task TellPersonAsync(string personId, string text, CancellationToken cancellationToken)
    {
        if (await conversations.GetPersonAsync(personId, cancellationToken) is { PersonalAddress: { } personal })
        {
            await SendTextAsync(personal, text, cancellationToken);
        }
        else if (await conversations.GetBindingAsync(Bindings.Queue, cancellationToken) is { } queue)
        {
            await SendTextAsync(queue.Address, text, cancellationToken);
        }
    }

    /// <summary>Tells the reporter what the change that made case version <paramref name="version"/> means for them.</summary>
    public async Task NotifyReporterAsync(int number, ReporterNotice notice, int version, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(number, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var c = stored.Case;
        var reference = ConversationAddress.Parse(c.ReporterAddress);
        var view = CaseViews.Of(c, clock.GetUtcNow(), policy);
        var buttons = ButtonsFor(reference.ChannelId);
        var card = notice switch
        {
            ReporterNotice.Claimed => CaseNoticeCard.Claimed(view, buttons),
            ReporterNotice.Resolved => CaseNoticeCard.Resolved(view, buttons),
            ReporterNotice.Question => CaseNoticeCard.Question(view, await ChangeTextAsync(number, version, cancellationToken), buttons),
            _ => CaseNoticeCard.Reopened(view, await ChangeTextAsync(number, version, cancellationToken)),
        };
        await SendAsync(c.ReporterAddress, card, cancellationToken);
        logger.LogInformation("Reporter {User} told that {CaseId} is {Notice}", c.Reporter.Id, c.Id, notice);
    }

    private async Task<string> ChangeTextAsync(int number, int version, CancellationToken cancellationToken) =>
        (await store.GetAuditAsync(number, version, cancellationToken))?.Text ?? "";

    public Task<string> SendTextAsync(string address, string text, CancellationToken cancellationToken) =>
        SendAsync(address, null, cancellationToken, text);

    private async Task<string> SendAsync(string address, Cards.AdaptiveCards.AdaptiveCard? card, CancellationToken cancellationToken, string? text = null)
    {
        string? id = null;
        var reference = ConversationAddress.TopLevel(ConversationAddress.Parse(address));
        await adapter.ContinueConversationAsync(
            BotAppId,
            reference,
            async (turn, ct) =>
            {
                // Not turn.SendActivityAsync: the continuation activity has an id of its own, which would make this a
                // reply to a message that does not exist. A new post goes to the conversation itself.
                var activity = card is null ? (Activity)MessageFactory.Text(text) : (Activity)CardActivity.Of(card);
                activity.Text = text;
                activity.ApplyConversationReference(reference);
                activity.ReplyToId = null;
                var connector = turn.TurnState.Get<IConnectorClient>();
                id = (await connector.Conversations.SendToConversationAsync(activity, ct))?.Id;
            },
            cancellationToken);
        return id ?? throw new InvalidOperationException("The channel accepted the message but returned no id.");
    }

    private static Buttons ButtonsFor(string channelId) =>
        new(channelId == Channels.Msteams ? ButtonMode.Execute : ButtonMode.Submit);
}
