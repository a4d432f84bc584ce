using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Jobs;

/// <summary>Running a job by hand as Hangfire would: in a job of its own, and again as the same job on a retry.</summary>
public static class JobRuns
{
    /// <summary>A job in the host's Hangfire store that no server runs (no state), for the test to run and retry.</summary>
    public static PerformContext Context(BotHost host, Job job)
    {
        var storage = host.Services.GetRequiredService<JobStorage>();
        var connection = storage.GetConnection();
        var id = connection.CreateExpiredJob(
            job,
            new Dictionary<string, string>(),
            DateTime.UtcNow,
            TimeSpan.FromHours(1)
        );
        return new PerformContext(
            storage,
            connection,
            new BackgroundJob(id, job, DateTime.UtcNow),
            new JobCancellationToken(false)
        );
    }

    /// <summary>Runs <paramref name="run"/>; if it throws, runs it again, as Hangfire's automatic retry would.</summary>
    public static async Task<string> WithOneRetryAsync(Func<Task<string>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception)
        {
            return await run();
        }
    }
}
