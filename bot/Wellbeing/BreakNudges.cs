using System.Collections.Concurrent;
using EscalationBot.Chat;
using Hangfire;

namespace EscalationBot.Wellbeing;

/// <summary>
/// Every minute (<see cref="WellbeingJob.CheckAsync"/>): who on the team has reached a limit this shift run and not
/// been nudged for it, each given a job of their own that sends the nudge once (<see cref="NudgeSender"/>). Only people
/// with a 1:1 chat can be told, and someone on a break is not disturbed. What this instance has handed out it
/// remembers for the run, so as not to hand it out every minute; after a restart the delivery records say it was sent.
/// </summary>
public sealed class BreakNudges(ExposureLedger ledger, PeopleDirectory people, IBackgroundJobClient jobs)
{
    private readonly ConcurrentDictionary<string, long> handedOut = new();

    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var period = ledger.Period();
        if (period.Run is not { } run)
        {
            return 0;
        }

        var round = run.Start.ToUnixTimeSeconds();
        foreach (var old in handedOut.Where(h => h.Value != round))
        {
            handedOut.TryRemove(old);
        }

        var reachable = (await people.StaffAsync(cancellationToken)).Where(p => p.PersonalAddress is not null);
        var exposures = await ledger.OfAsync(reachable.Select(p => p.Id).ToList(), period, cancellationToken);
        var given = 0;
        foreach (var exposure in exposures.Where(e => !e.Away))
        {
            foreach (var limit in ledger.Reached(exposure.Tally))
            {
                var personId = exposure.PersonId;
                if (handedOut.TryAdd($"{personId}|{limit}", round))
                {
                    jobs.Enqueue<WellbeingJob>(j =>
                        j.NudgeAsync(personId, limit, run.Index, round, null, CancellationToken.None)
                    );
                    given++;
                }
            }
        }

        return given;
    }
}
