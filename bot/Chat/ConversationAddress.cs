using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace EscalationBot.Chat;

/// <summary>Where the bot can reach a conversation later, stored as the conversation reference's JSON.</summary>
public static class ConversationAddress
{
    public static string Of(ConversationReference reference) => JsonConvert.SerializeObject(reference);

    public static ConversationReference Parse(string address) =>
        JsonConvert.DeserializeObject<ConversationReference>(address)
        ?? throw new InvalidOperationException("A stored conversation address is empty.");

    /// <summary>
    /// The conversation itself rather than the message that mentioned the bot: in a Teams channel the id of a
    /// thread carries <c>;messageid=</c>, and posting to the bare channel id starts a new top-level post.
    /// </summary>
    public static ConversationReference TopLevel(ConversationReference reference)
    {
        var conversationId = reference.Conversation.Id;
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return new ConversationReference
        {
            ActivityId = null,
            Bot = reference.Bot,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Locale = reference.Locale,
            Conversation = new ConversationAccount(
                reference.Conversation.IsGroup,
                reference.Conversation.ConversationType,
                thread < 0 ? conversationId : conversationId[..thread],
                reference.Conversation.Name,
                reference.Conversation.AadObjectId,
                reference.Conversation.Role,
                reference.Conversation.TenantId
            ),
        };
    }
}
