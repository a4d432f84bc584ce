using Hangfire.Server;

namespace EscalationBot.Jobs;

/// <summary>
/// This process, among every instance sharing the same tables: made once per process. A delivery's claimant is
/// this id plus the Hangfire job id, because a job id alone is not unique: Hangfire.InMemory numbers jobs from 1 in
/// every process, so two overlapping instances (a restart, a slot swap) would both take a claim for their own.
/// </summary>
public sealed class InstanceId
{
    public string Value { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Who holds a claim: this instance and the job, or (run outside Hangfire) this one call.</summary>
    public string Claimant(PerformContext? context) => Claimant(context?.BackgroundJob?.Id);

    public string Claimant(string? jobId) => $"{Value}/{jobId ?? "call-" + Guid.NewGuid().ToString("N")}";
}
