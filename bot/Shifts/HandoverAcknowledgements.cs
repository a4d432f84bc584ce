using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using Hangfire;

namespace EscalationBot.Shifts;

/// <summary>"I've got it": someone on the incoming shift takes the work over; every post of the digest shows who, and when.</summary>
public sealed class HandoverAcknowledgements(IHandoverStore handovers, IBackgroundJobClient jobs, TimeProvider clock)
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
}
