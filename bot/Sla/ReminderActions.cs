using EscalationBot.Cases;
using EscalationBot.Chat;

namespace EscalationBot.Sla;

/// <summary>
/// What an SLA reminder reads and does, apart from the bookkeeping that makes it happen once (<see cref="SlaChaser"/>):
/// finds the reminder in the case's schedule as stored now, and acts on it: releases an idle case at its last step,
/// else tells whoever must hear it.
/// </summary>
public sealed class ReminderActions(
    ICaseStore store,
    CaseWorkflow workflow,
    CasePolicy policy,
    ReminderSender sender,
    TimeProvider clock
)
{
    /// <summary>
    /// The case and the reminder as the case schedules it now; null when the case moved on and it no longer applies.
    /// </summary>
    public async Task<(StoredCase Stored, Reminder Reminder)?> FindAsync(
        int number,
        Chase chase,
        int step,
        long round,
        CancellationToken cancellationToken
    )
    {
        var stored = await store.GetAsync(number, cancellationToken);
        var current = stored is null
            ? null
            : SlaSchedule
                .Of(stored.Case, policy)
                .FirstOrDefault(r => r.Chase == chase && r.Step == step && r.Round == round);
        return current is null ? null : (stored!, current);
    }

    /// <summary>Acts on a due reminder; returns the delivery's state and where it went (or why it was dropped).</summary>
    public async Task<(string State, string Outcome)> ActAsync(
        StoredCase stored,
        Reminder current,
        CancellationToken cancellationToken
    )
    {
        var c = stored.Case;
        if (current.Chase == Chase.Idle && current.Step == 2)
        {
            // The release's own batch asks the outbox for the queue card and for the owner's notice: a failed send is
            // retried on its own, and a retry of this job, which finds the case released, cannot lose it.
            var ownerId = c.Owner!.Id;
            var change = await workflow.ApplyAsync(
                c.Number,
                x => CaseRules.ReleaseIdle(x, clock.GetUtcNow(), policy),
                cancellationToken,
                _ => new CaseEffects([new Notice.ToOwner(OwnerNews.ReleasedIdle, ownerId)])
            );
            return change is Change.Done ? ("sent", $"owner:{ownerId}") : ("dropped", ((Change.Refused)change).Reason);
        }

        var outcome = await sender.SendReminderAsync(stored, current, cancellationToken) ?? "";
        return (outcome.Length > 0 ? "sent" : "undeliverable", outcome);
    }
}
