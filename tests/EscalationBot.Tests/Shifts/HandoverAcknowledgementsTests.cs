using EscalationBot.Cards.Handover;
using EscalationBot.Chat;
using EscalationBot.Shifts;
using Microsoft.Bot.Schema;

namespace EscalationBot.Tests.Shifts;

/// <summary>Which presses count as made on a posted digest: its own posts only, matched by the stored message.</summary>
public sealed class HandoverAcknowledgementsTests
{
    private static PostedMessage Post(string channelId, string conversationId, string messageId) =>
        new(
            "queue",
            ConversationAddress.Of(
                new ConversationReference
                {
                    ChannelId = channelId,
                    Conversation = new ConversationAccount(id: conversationId),
                }
            ),
            channelId,
            messageId
        );

    private static readonly PostedDigest Digest = new(
        0,
        DateTimeOffset.UnixEpoch,
        new DigestSnapshot("Handover", "", [], [], null, null, null),
        [Post("msteams", "19:queue@thread.tacv2", "1700000000001"), Post("webchat", "webchat-queue", "wc-7")],
        DateTimeOffset.UnixEpoch
    );

    [Fact]
    public void In_Teams_a_press_counts_on_the_stored_message_in_its_conversation_only()
    {
        Assert.True(
            HandoverAcknowledgements.WasPostedAs(Digest, new PressedOn("19:queue@thread.tacv2", "1700000000001"))
        );
        Assert.False(
            HandoverAcknowledgements.WasPostedAs(Digest, new PressedOn("19:queue@thread.tacv2", "1700000000002"))
        );
        Assert.False(
            HandoverAcknowledgements.WasPostedAs(Digest, new PressedOn("19:leads@thread.tacv2", "1700000000001"))
        );
        Assert.False(HandoverAcknowledgements.WasPostedAs(Digest, new PressedOn("19:queue@thread.tacv2", null)));
    }

    [Fact]
    public void On_Web_Chat_whose_submit_names_no_message_a_press_counts_in_a_conversation_the_digest_was_posted_to()
    {
        Assert.True(HandoverAcknowledgements.WasPostedAs(Digest, new PressedOn("webchat-queue", null)));
        Assert.True(HandoverAcknowledgements.WasPostedAs(Digest, new PressedOn("webchat-queue", "wc-7")));
        Assert.False(HandoverAcknowledgements.WasPostedAs(Digest, new PressedOn("webchat-queue", "wc-8")));
        Assert.False(HandoverAcknowledgements.WasPostedAs(Digest, new PressedOn("webchat-other", null)));
    }
}
