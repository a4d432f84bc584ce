using Hangfire;
using Microsoft.Extensions.Options;

namespace EscalationBot.Wellbeing;

/// <summary>At start: the nudges' check, every minute, as a recurring job with a stable id (removed when turned off).</summary>
public sealed class NudgeScheduler(IRecurringJobManager recurring, IOptions<WellbeingOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Nudges)
        {
            recurring.RemoveIfExists(WellbeingJob.CheckJobId);
            return Task.CompletedTask;
        }

        recurring.AddOrUpdate<WellbeingJob>(
            WellbeingJob.CheckJobId,
            j => j.CheckAsync(CancellationToken.None),
            Cron.Minutely()
        );
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
