using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using EscalationBot.Chat;
using Hangfire;

namespace EscalationBot.Shifts;

/// <summary>
/// What the outgoing owners' part of a handover does, once <see cref="OutgoingJob"/> has made sure it happens
/// once: an owner asked what to do with their cases, the cases nobody chose for released, and the queue told.
/// Logs under <see cref="OutgoingJob"/>, where the handover's log lines have always been.
/// </summary>
public sealed class OutgoingHandover(
    OutgoingOwners outgoing,
    CaseWorkflow workflow,
    IConversationStore conversations,
    ChatSender sender,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<OutgoingJob> logger
)
{
    /// <summary>One outgoing owner's reminder: their card in their 1:1 chat, else a line in the queue.</summary>
    public async Task<string> AskOwnerAsync(ShiftRun run, string ownerId, CancellationToken cancellationToken)
    {
        var known = await conversations.GetPersonAsync(ownerId, cancellationToken);
        var owner = new Person(ownerId, known?.Name ?? ownerId);
        if (await outgoing.ForOwnerAsync(owner, run, null, cancellationToken) is not { Cases.Count: > 0 } view)
        {
            return "nothing to ask about";
        }

        if (known is { PersonalAddress: { } personal })
        {
            var buttons = ChatSender.ButtonsFor(ConversationAddress.Parse(personal).ChannelId);
            await sender.PostCardAsync(personal, OutgoingCard.Build(view, buttons), view.Title, cancellationToken);
            return "asked in their 1:1 chat";
        }

        var ids = string.Join(", ", view.Cases.Select(c => c.CaseId));
        var text =
            $"{known?.Name ?? ownerId}: your {run.Name} shift ends soon and you hold {ids}. "
            + "Choose for each on the handover digest, or type 'handover keep ESC-n', 'reassign ESC-n name' or "
            + "'release ESC-n'.";
        await sender.TellPersonAsync(ownerId, text, cancellationToken);
        return "asked in the queue";
    }

    /// <summary>The cases the outgoing shift still holds with no choice go back to the queue: their ids.</summary>
    public async Task<IReadOnlyList<string>> ReleaseUnchosenAsync(ShiftRun run, CancellationToken cancellationToken)
    {
        var released = new List<string>();
        foreach (var c in await outgoing.HeldAsync(run, cancellationToken))
        {
            var change = await workflow.ApplyAsync(
                c.Number,
                current => CaseRules.ReleaseAtHandover(current, c.Owner!.Id, run.End, run.Name, clock.GetUtcNow()),
                cancellationToken
            );
            if (change is Change.Done done)
            {
                // The release's own batch asked the outbox to refresh the queue card.
                released.Add(done.Case.Id);
            }
        }

        // The notice is a job of its own, enqueued before the claim completes: a failed send is retried by itself,
        // and a retry of this job, which finds the cases released already, cannot lose the list.
        if (released.Count > 0 && await conversations.GetBindingAsync(Bindings.Queue, cancellationToken) is { } queue)
        {
            var text =
                $"Back in the queue after the {run.Name} shift's handover, with no choice made by their owners: "
                + $"{string.Join(", ", released)}.";
            jobs.Enqueue<ChatSender>(m => m.SendTextAsync(queue.Address, text, CancellationToken.None));
        }

        logger.LogInformation(
            "Handover of the {Shift} shift released {Count} case(s) nobody chose for",
            run.Name,
            released.Count
        );
        return released;
    }
}
