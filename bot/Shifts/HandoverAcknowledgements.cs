using EscalationBot.Cards;
using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using EscalationBot.Chat;
using Hangfire;

namespace EscalationBot.Shifts;

/// <summary>
/// Where a digest's button was pressed: the conversation (top level, not a thread in it) and the message the card
/// is in, when the channel says (Teams' invokes do; Web Chat's Action.Submit does not).
/// </summary>
public sealed record PressedOn(string ConversationId, string? MessageId);

/// <summary>
/// Changes to a posted digest, each shown on every post of it: "I've got it" (someone on the incoming shift takes the
/// work over: who, and when), and a redraw after a choice for one of the outgoing shift's cases.
/// </summary>
public sealed class HandoverAcknowledgements(
    IHandoverStore handovers,
    HandoverDigests digests,
    ShiftSchedule schedule,
    IBackgroundJobClient jobs,
    TimeProvider clock
)
{
    private const int MaxAttempts = 10;

    /// <summary>The digest as it stands after the acknowledgement, or why it was refused.</summary>
    public async Task<(string? Refusal, HandoverView? View)> AcknowledgeAsync(
        string? shift,
        string? start,
        PressedOn where,
        Actor actor,
        CancellationToken cancellationToken
    )
    {
        if (!actor.IsStaff)
        {
            return ("Only specialists and leads take over a shift's work.", null);
        }

        if (!TryParse(shift, start, out var index, out var runStart))
        {
            return ("That button does not say which handover it is for.", null);
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // Pressed on one of the digest's own posts: the card's data alone could name any stored digest.
            var digest = await handovers.GetAsync(index, runStart, cancellationToken);
            if (digest is null || !WasPostedAs(digest, where))
            {
                return ("There is no such handover digest.", null);
            }

            if (digest.View.Acknowledged.Any(a => a.Id == actor.Person.Id))
            {
                return (null, digest.View.ToView()); // pressed twice, or a replayed invoke: nothing changes
            }

            if (schedule.RunAt(index, runStart) is not { } run || run.End <= clock.GetUtcNow())
            {
                return ("That shift is over: its handover can no longer be taken over.", null);
            }

            var taken = new DigestSnapshot.Takeover(actor.Person.Name, clock.GetUtcNow(), actor.Person.Id);
            var snapshot = digest.View with { Acknowledged = [.. digest.View.Acknowledged, taken] };
            if (await handovers.TryReplaceAsync(digest with { View = snapshot }, cancellationToken))
            {
                var unix = runStart.ToUnixTimeSeconds();
                jobs.Enqueue<HandoverJob>(j => j.RefreshAsync(index, unix, CancellationToken.None));
                return (null, snapshot.ToView());
            }
        }

        return ("Several people are taking this over at once; please press again.", null);
    }

    /// <summary>
    /// The posted digest the button data names, if the button was pressed on one of that digest's posts; null
    /// otherwise (button data is user input, and names any digest as easily as its own).
    /// </summary>
    public async Task<PostedDigest?> PressedAsync(
        string? shift,
        string? start,
        PressedOn where,
        CancellationToken cancellationToken
    ) =>
        TryParse(shift, start, out var index, out var runStart)
        && await handovers.GetAsync(index, runStart, cancellationToken) is { } digest
        && WasPostedAs(digest, where)
            ? digest
            : null;

    /// <summary>
    /// Whether a press <paramref name="where"/> was on one of the digest's posts: the same conversation and the same
    /// message. A press that names no message counts only on a post in a channel whose buttons are Action.Submit
    /// (Web Chat), which sends none; an Action.Execute press (Teams) always names the message its card is in.
    /// </summary>
    public static bool WasPostedAs(PostedDigest digest, PressedOn where) =>
        digest.Messages.Any(m =>
            ConversationAddress.TopLevel(ConversationAddress.Parse(m.Address)).Conversation.Id == where.ConversationId
            && (
                where.MessageId is { Length: > 0 } id
                    ? m.MessageId == id
                    : ChatSender.ButtonsFor(m.ChannelId).Mode == ButtonMode.Submit
            )
        );

    /// <summary>
    /// Rebuilds a posted digest (one a press was checked to be on) from the cases as they are now, keeping who
    /// acknowledged it, and edits every post. Null if its run is not in the schedule any more.
    /// </summary>
    public async Task<HandoverView?> RedrawAsync(PostedDigest pressed, CancellationToken cancellationToken)
    {
        if (schedule.RunAt(pressed.ShiftIndex, pressed.RunStart) is not { } run)
        {
            return null;
        }

        // Built once from the cases; a conflicting write (someone pressing "I've got it") only changes who acknowledged.
        var data = pressed.View.AcknowledgeData ?? new Dictionary<string, string>();
        var rebuilt = await digests.AtBoundaryAsync(
            run,
            pressed.View.LateNote,
            pressed.View.ToView().Acknowledged,
            data,
            cancellationToken
        );
        var (index, unix) = (pressed.ShiftIndex, pressed.RunStart.ToUnixTimeSeconds());
        var digest = pressed;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var view = rebuilt with { Acknowledged = digest.View.ToView().Acknowledged };
            if (await handovers.TryReplaceAsync(digest with { View = DigestSnapshot.Of(view) }, cancellationToken))
            {
                jobs.Enqueue<HandoverJob>(j => j.RefreshAsync(index, unix, CancellationToken.None));
                return view;
            }

            if (await handovers.GetAsync(index, pressed.RunStart, cancellationToken) is not { } latest)
            {
                return null;
            }

            digest = latest;
        }

        return null;
    }

    private static bool TryParse(string? shift, string? start, out int index, out DateTimeOffset runStart)
    {
        runStart = default;
        if (!int.TryParse(shift, out index) || !long.TryParse(start, out var unix) || unix is < 0 or > 253402300799)
        {
            return false;
        }

        runStart = DateTimeOffset.FromUnixTimeSeconds(unix);
        return true;
    }
}
