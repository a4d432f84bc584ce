using Hangfire;

namespace EscalationBot.Shifts;

/// <summary>
/// When <c>setup</c> binds a conversation, the digest of the shift in progress follows it there if its boundary came
/// with nowhere to post (a first start), through a job (<see cref="DigestPoster.AfterBindingAsync"/>).
/// </summary>
public sealed class MissedDigests(IBackgroundJobClient jobs)
{
    public void AfterBinding(string binding) =>
        jobs.Enqueue<HandoverJob>(j => j.AfterBindingAsync(binding, null, CancellationToken.None));
}
