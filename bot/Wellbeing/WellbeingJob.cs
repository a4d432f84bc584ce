using Hangfire;
using Hangfire.Server;

namespace EscalationBot.Wellbeing;

/// <summary>
/// The nudges' Hangfire entries: the check every minute (<see cref="CheckAsync"/>, a recurring job), and one
/// person's nudge for one limit of one run. Arguments are ids, a limit and times only.
/// </summary>
public sealed class WellbeingJob(BreakNudges nudges, NudgeSender sender)
{
    public const string CheckJobId = "wellbeing-nudges";

    [AutomaticRetry(Attempts = 0)] // the next minute's check is the retry
    public async Task<string> CheckAsync(CancellationToken cancellationToken) =>
        $"{await nudges.CheckAsync(cancellationToken)} nudge(s) handed out";

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public Task<string> NudgeAsync(
        string personId,
        ExposureLimit limit,
        int shiftIndex,
        long runStartUnix,
        PerformContext? context,
        CancellationToken cancellationToken
    ) => sender.NudgeAsync(personId, limit, shiftIndex, runStartUnix, context, cancellationToken);
}
