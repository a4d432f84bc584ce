using Hangfire;
using Hangfire.Server;

namespace EscalationBot.Shifts;

/// <summary>
/// Posts the handover digest at a shift boundary, once: a Hangfire recurring job per shift (cron in the shift's own
/// time zone) and a catch-up at start for a boundary missed while no instance ran, which says it is late. The
/// same delivery records as the SLA reminders make a second instance, a retry or a restart post nothing twice.
/// Hangfire stores these jobs by type, method and arguments, so this class keeps those and hands each job to the
/// class that does the work: <see cref="DigestPoster"/>, <see cref="HandoverNudges"/>, <see cref="HandoverPosts"/>.
/// </summary>
public sealed class HandoverJob(DigestPoster poster, HandoverNudges nudges, HandoverPosts posts)
{
    /// <summary>The job parameter that keeps the posts made so far, for a retry when storing one failed.</summary>
    public const string PostedParameter = "PostedMessages";

    /// <summary>The nudge's copy of the digest, among its posts.</summary>
    public const string NudgePost = "nudge";

    /// <summary>The recurring job's entry: the run of this shift that has just started.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public Task<string> BoundaryAsync(int shiftIndex, PerformContext? context, CancellationToken cancellationToken) =>
        poster.BoundaryAsync(shiftIndex, context, cancellationToken);

    /// <summary>Posts the digest of one run, unless it was posted already.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public Task<string> PostAsync(
        int shiftIndex,
        long runStartUnix,
        PerformContext? context,
        CancellationToken cancellationToken
    ) => poster.PostAsync(shiftIndex, runStartUnix, context, cancellationToken);

    /// <summary>
    /// After <c>setup</c> binds <paramref name="binding"/>: the digest of the shift in progress, to every bound
    /// conversation that has not had it. One at a time, on every instance: two setups in a row must not both find
    /// the digest missing from a channel, nor write its record of posts over each other.
    /// </summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<string> AfterBindingAsync(
        string binding,
        PerformContext? context,
        CancellationToken cancellationToken
    ) => poster.AfterBindingAsync(binding, context, cancellationToken);

    /// <summary>If nobody on the incoming shift has taken the work over, the leads hear about it, once.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public Task<string> CheckAcknowledgedAsync(
        int shiftIndex,
        long runStartUnix,
        PerformContext? context,
        CancellationToken cancellationToken
    ) => nudges.CheckAcknowledgedAsync(shiftIndex, runStartUnix, context, cancellationToken);

    /// <summary>Edits every post of a digest to show who has acknowledged it.</summary>
    public Task RefreshAsync(int shiftIndex, long runStartUnix, CancellationToken cancellationToken) =>
        posts.RefreshAsync(shiftIndex, runStartUnix, cancellationToken);
}
