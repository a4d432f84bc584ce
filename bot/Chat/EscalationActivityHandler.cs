using EscalationBot.Cases;
using EscalationBot.Chat.Commands;
using EscalationBot.Roster;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Chat;

/// <summary>The chat edge: turns activities into commands for the <see cref="CommandDispatcher"/> and its replies into activities.</summary>
public sealed class EscalationActivityHandler(
    CommandDispatcher commands,
    TeamRoster roster,
    IConversationStore conversations,
    PeopleDirectory people,
    TimeProvider clock,
    ILogger<EscalationActivityHandler> logger
) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity is Activity activity)
        {
            ChatIdentity.BoundNames(activity);
        }

        // Alongside the turn, not before it: with the store hanging, the two waits would add up past the few seconds
        // Teams gives an invoke. Nothing in a turn needs its own sender remembered first.
        var remembered = people.RememberAsync(turnContext, cancellationToken);
        try
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
        }
        finally
        {
            await remembered;
        }
    }

    protected override async Task OnMessageActivityAsync(
        ITurnContext<IMessageActivity> turnContext,
        CancellationToken cancellationToken
    )
    {
        var activity = turnContext.Activity;
        if (Turn(turnContext, fromCard: activity.Value is not null) is not { } turn)
        {
            return;
        }

        var command = activity.Value switch
        {
            null => CommandParser.FromText(activity.RemoveRecipientMention()),
            JObject value => CommandParser.FromSubmit(value),
            _ => new ChatCommand.Unreadable("I couldn't read what that button sent."),
        };

        var reply = await commands.HandleAsync(command, turn, cancellationToken);
        if (reply.Text is not null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(reply.Text), cancellationToken);
        }

        if (reply.Card is not null)
        {
            await turnContext.SendActivityAsync(CardActivity.Of(reply.Card), cancellationToken);
        }
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext,
        AdaptiveCardInvokeValue invokeValue,
        CancellationToken cancellationToken
    )
    {
        if (Turn(turnContext, fromCard: true) is not { } turn)
        {
            return Message("I can't tell who pressed that button.");
        }

        var command = CommandParser.FromCard(invokeValue.Action?.Verb, invokeValue.Action?.Data as JObject);
        Reply reply;
        try
        {
            reply = await commands.HandleAsync(command, turn, cancellationToken);
        }
        catch (Exception e)
        {
            // Teams shows an invoke's answer on the card; a thrown exception would leave the user with a spinner.
            var reference = Guid.NewGuid().ToString("N")[..8];
            logger.LogError(
                e,
                "Card action {Verb} failed (ref {Reference}) for {User}",
                invokeValue.Action?.Verb,
                reference,
                turn.Actor.Person.Id
            );
            return Message($"Sorry, that didn't work on my side. Please try again (ref {reference}).");
        }

        if (reply.Card is not null && reply.ReplacesCard)
        {
            return new AdaptiveCardInvokeResponse
            {
                StatusCode = 200,
                Type = CardActivity.ContentType,
                Value = CardActivity.Content(reply.Card),
            };
        }

        if (reply.Card is not null)
        {
            await turnContext.SendActivityAsync(CardActivity.Of(reply.Card), cancellationToken);
        }

        return Message(reply.Text ?? "Done.");
    }

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded,
        ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken
    )
    {
        // Greet a person who opens a 1:1 chat with the bot; stay quiet when added to a team or group.
        var conversationType = turnContext.Activity.Conversation?.ConversationType;
        if (conversationType is not (null or "personal"))
        {
            return;
        }

        // Teams sends this once, at install; other clients (the Agents Playground on every page load) more often.
        if (
            membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id)
            && Turn(turnContext, fromCard: false) is { } turn
            && await conversations.TryMarkWelcomedAsync(turn.Actor.Person.Id, clock.GetUtcNow(), cancellationToken)
        )
        {
            var reply = await commands.HandleAsync(
                new ChatCommand.Help("Hello! I'm EscalationBot."),
                turn,
                cancellationToken
            );
            if (reply.Card is not null)
            {
                await turnContext.SendActivityAsync(CardActivity.Of(reply.Card), cancellationToken);
            }
        }
    }

    private ChatTurn? Turn(ITurnContext turnContext, bool fromCard)
    {
        var activity = turnContext.Activity;
        if (ChatIdentity.Of(activity) is not { } person || activity.Conversation?.Id is null)
        {
            logger.LogWarning("Ignored a {Type} activity with no usable sender or conversation", activity.Type);
            return null;
        }

        var actor = new Actor(person, roster.RoleOf(person.Id));
        var isPersonal =
            activity.Conversation.ConversationType is null or "personal" && activity.Conversation.IsGroup != true;
        // A retried activity (Teams retries an invoke it got no answer to in time) keeps its id: changes record it.
        var key = string.IsNullOrEmpty(activity.Id)
            ? null
            : $"{activity.ChannelId}|{activity.Conversation.Id}|{person.Id}|{activity.Id}";
        return new ChatTurn(actor, activity.ChannelId ?? "", isPersonal, activity.GetConversationReference(), fromCard)
        {
            ActivityKey = key,
            ReplyToId = activity.ReplyToId,
        };
    }

    private static AdaptiveCardInvokeResponse Message(string text) =>
        new()
        {
            StatusCode = 200,
            Type = "application/vnd.microsoft.activity.message",
            Value = text,
        };
}
