using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using Hangfire;

namespace EscalationBot.Shifts;

/// <summary>
/// Changes to a posted digest, each shown on every post of it: "I've got it" (someone on the incoming shift takes the
/// work over: who, and when), and a redraw after a choice for one of the outgoing shift's cases.
/// </summary>
public sealed class HandoverAcknowledgements(IHandoverStore handovers, HandoverDigests digests, ShiftSchedule schedule, IBackgroundJobClient jobs, TimeProvider clock)
{
    private const int MaxAttempts = 10;

    /// <summary>The digest as it stands after the acknowledgement, or why it was refused.</summary>
    public async Task<(string? Refusal, HandoverView? View)> AcknowledgeAsync(string? shift, string? start, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsStaff)
        {
            return ("Only specialists and leads take over a shift's work.", null);
        }

        if (!int.TryParse(shift, out var index) || !long.TryParse(start, out var unix) || unix is < 0 or > 253402300799)
        {
            return ("That button does not say which handover it is for.", null);
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var digest = await handovers.GetAsync(index, DateTimeOffset.FromUnixTimeSeconds(unix), cancellationToken);
            if (digest is null)
            {
                return ("There is no such handover digest.", null);
            }

            if (digest.View.Acknowledged.Any(a => a.Id == actor.Person.Id))
            {
                return (null, digest.View); // pressed twice, or a replayed invoke: nothing changes
            }

            var view = digest.View with { Acknowledged = [.. digest.View.Acknowledged, new Acknowledgement(actor.Person.Name, clock.GetUtcNow(), actor.Person.Id)] };
            if (await handovers.TryReplaceAsync(digest with { View = view }, cancellationToken))
            {
                jobs.Enqueue<HandoverJob>(j => j.RefreshAsync(index, unix, CancellationToken.None));
                return (null, view);
            }
        }

        return ("Several people are taking this over at once; please press again.", null);
    }

    /// <summary>
    /// Rebuilds a posted digest from the cases as they are now, keeping who acknowledged it, and edits every post.
    /// Null if the data names no posted digest (button data is user input).
    /// </summary>
    public async Task<HandoverView?> RedrawAsync(string? shift, string? start, CancellationToken cancellationToken)
    {
        // A run that started within the last fortnight: a forged far-off number would overflow the schedule's arithmetic.
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (!int.TryParse(shift, out var index) || !long.TryParse(start, out var unix) || unix > now || now - unix > TimeSpan.FromDays(15).TotalSeconds
            || schedule.RunAt(index, DateTimeOffset.FromUnixTimeSeconds(unix)) is not { } run)
        {
            return null;
        }

        // Built once from the cases; a conflicting write (someone pressing "I've got it") only changes who acknowledged.
        if (await handovers.GetAsync(index, run.Start, cancellationToken) is not { } first)
        {
            return null;
        }

        var rebuilt = await digests.AtBoundaryAsync(run, first.View.LateNote, first.View.Acknowledged, first.View.AcknowledgeData ?? new Dictionary<string, string>(), cancellationToken);
        var digest = first;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var view = rebuilt with { Acknowledged = digest.View.Acknowledged };
            if (await handovers.TryReplaceAsync(digest with { View = view }, cancellationToken))
            {
                jobs.Enqueue<HandoverJob>(j => j.RefreshAsync(index, unix, CancellationToken.None));
                return view;
            }

            if (await handovers.GetAsync(index, run.Start, cancellationToken) is not { } latest)
            {
                return null;
            }

            digest = latest;
        }

        return null;
    }
}
