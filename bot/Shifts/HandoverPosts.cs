using EscalationBot.Cards.Handover;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using Hangfire.Server;

namespace EscalationBot.Shifts;

/// <summary>
/// Where a digest goes: its card posted to the bound conversations, every post recorded with the digest (a press
/// counts only on a digest's own posts) and edited when the digest changes. Logs under <see cref="HandoverJob"/>,
/// where the handover's log lines have always been.
/// </summary>
public sealed class HandoverPosts(
    IHandoverStore handovers,
    IConversationStore conversations,
    ChatSender sender,
    DeliveryClaims claims,
    ILogger<HandoverJob> logger
)
{
    /// <summary>
    /// Posts the digest of <paramref name="run"/> to the leads' channel and the queue, recording each post with the
    /// digest as soon as it is made, and logs where it went; the posts made, none when neither conversation is
    /// bound.
    /// </summary>
    public async Task<IReadOnlyList<PostedMessage>> PostDigestAsync(
        int shiftIndex,
        ShiftRun run,
        HandoverView view,
        DateTimeOffset now,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        // A retry after a partial post reuses what was already posted: what the store has, and what an earlier
        // attempt of this job posted but could not store (kept with the job right after each post).
        var existing = await handovers.GetAsync(shiftIndex, run.Start, cancellationToken);
        var messages = existing?.Messages.ToList() ?? [];
        var kept = context?.GetJobParameter<List<PostedMessage>>(HandoverJob.PostedParameter, allowStale: false) ?? [];
        messages.AddRange(kept.Where(k => messages.All(m => m.Binding != k.Binding)));
        if (messages.Count > (existing?.Messages.Count ?? 0))
        {
            await StoreAsync();
        }

        foreach (var name in new[] { Bindings.Leads, Bindings.Queue })
        {
            if (
                messages.Any(m => m.Binding == name)
                || await conversations.GetBindingAsync(name, cancellationToken) is not { } binding
            )
            {
                continue;
            }

            var card = HandoverCard.Build(view, ChatSender.ButtonsFor(binding.ChannelId));
            var id = await sender.PostCardAsync(binding.Address, card, null, cancellationToken);
            messages.Add(new PostedMessage(name, binding.Address, binding.ChannelId, id));
            context?.SetJobParameter(HandoverJob.PostedParameter, messages);
            await StoreAsync();
        }

        if (messages.Count == 0)
        {
            logger.LogWarning(
                "Handover digest for {Shift} at {Start} has nowhere to go: bind the leads' channel and the queue",
                run.Name,
                run.Start
            );
        }
        else
        {
            logger.LogInformation(
                "Handover digest for {Shift} at {Start} posted to {Where}{Late}",
                run.Name,
                run.Start,
                string.Join(", ", messages.Select(m => m.Binding)),
                view.LateNote is null ? "" : " (late)"
            );
        }

        return messages;

        Task StoreAsync() =>
            claims.RetryWriteAsync(
                () =>
                    handovers.AddAsync(
                        new PostedDigest(shiftIndex, run.Start, DigestSnapshot.Of(view), messages, now),
                        cancellationToken
                    ),
                "handover digest",
                cancellationToken
            );
    }

    /// <summary>Where a nudge goes: the leads' channel, else the queue.</summary>
    public async Task<Binding?> LeadsAsync(CancellationToken cancellationToken) =>
        await conversations.GetBindingAsync(Bindings.Leads, cancellationToken)
        ?? await conversations.GetBindingAsync(Bindings.Queue, cancellationToken);

    /// <summary>Posts the digest again, with <paramref name="text"/>, as its post named <paramref name="post"/>.
    /// </summary>
    public async Task<PostedMessage> PostAgainAsync(
        PostedDigest digest,
        Binding binding,
        string post,
        string text,
        CancellationToken cancellationToken
    )
    {
        var card = HandoverCard.Build(digest.View.ToView(), ChatSender.ButtonsFor(binding.ChannelId));
        var id = await sender.PostCardAsync(binding.Address, card, text, cancellationToken);
        return new PostedMessage(post, binding.Address, binding.ChannelId, id);
    }

    /// <summary>
    /// Records another post of a digest: a press counts only on a digest's own posts (the button data is user
    /// input), and every post is edited when the digest changes.
    /// </summary>
    public async Task AddPostAsync(
        int shiftIndex,
        DateTimeOffset start,
        PostedMessage message,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var digest = await handovers.GetAsync(shiftIndex, start, cancellationToken);
            if (digest is null)
            {
                return;
            }

            if (
                await handovers.TryReplaceAsync(
                    digest with
                    {
                        Messages = [.. digest.Messages, message],
                    },
                    cancellationToken
                )
            )
            {
                return;
            }
        }

        logger.LogWarning(
            "Nudge for the digest of shift {Shift} at {Start} not recorded among its posts: too many changes at once",
            shiftIndex,
            start
        );
    }

    /// <summary>Edits every post of a digest to show who has acknowledged it.</summary>
    public async Task RefreshAsync(int shiftIndex, long runStartUnix, CancellationToken cancellationToken)
    {
        var digest = await handovers.GetAsync(
            shiftIndex,
            DateTimeOffset.FromUnixTimeSeconds(runStartUnix),
            cancellationToken
        );
        foreach (var message in digest?.Messages ?? [])
        {
            var card = HandoverCard.Build(digest!.View.ToView(), ChatSender.ButtonsFor(message.ChannelId));
            await sender.UpdateCardAsync(message.Address, message.MessageId, card, cancellationToken);
        }
    }
}
