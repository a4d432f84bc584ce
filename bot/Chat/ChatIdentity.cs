using EscalationBot.Cases;
using EscalationBot.Roster;
using Microsoft.Bot.Schema;

namespace EscalationBot.Chat;

/// <summary>Who sent an activity, by the one rule of <see cref="PersonId"/>, with a display name of bounded length.</summary>
public static class ChatIdentity
{
    /// <summary>The sender, or null when the activity names nobody usable (no or an over-long <c>from.id</c>).</summary>
    public static Person? Of(IActivity activity)
    {
        var from = activity.From;
        if (PersonId.Of(activity.ChannelId, from?.Id, from?.AadObjectId) is not { } id)
        {
            return null;
        }

        var name = string.IsNullOrWhiteSpace(from!.Name) ? from.Id : from.Name.Trim();
        return new Person(id, TextLimits.Trim(name, TextLimits.Name));
    }

    /// <summary>
    /// Cuts the names the channel sends to <see cref="TextLimits.Name"/>, before anything reads the activity: they
    /// are shown on cards and stored, in the person's record and in conversation references.
    /// </summary>
    public static void BoundNames(Activity activity)
    {
        foreach (var account in new ChannelAccount?[] { activity.From, activity.Recipient })
        {
            if (account?.Name is { } name)
            {
                account.Name = TextLimits.Trim(name.Trim(), TextLimits.Name);
            }
        }

        if (activity.Conversation?.Name is { } conversation)
        {
            activity.Conversation.Name = TextLimits.Trim(conversation.Trim(), TextLimits.Name);
        }
    }
}
