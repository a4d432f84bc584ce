using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary>Where jobs are kept: <see cref="JobStores.InMemory"/> (one instance) or <see cref="JobStores.PostgreSql"/>
    /// (shared by every instance; connection string <c>ConnectionStrings:Hangfire</c>). Checked by <see cref="JobsOptionsValidator"/>.</summary>
    public string Storage { get; set; } = JobStores.InMemory;

    /// <summary>The PostgreSQL schema Hangfire's tables live in; created on start if missing.</summary>
    public string PostgreSqlSchema { get; set; } = "hangfire";

    /// <summary>How often the scheduler looks for due jobs. Reminders must arrive within 5 s of due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>With PostgreSql: how often an idle worker looks for enqueued jobs (Hangfire.PostgreSql's default is 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 100)]
    public int WorkerCount { get; set; } = 4;
}

public static class JobStores
{
    public const string InMemory = "InMemory";
    public const string PostgreSql = "PostgreSql";

    public static readonly string[] All = [InMemory, PostgreSql];
}
