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

    /// <summary>Workers for everything but the outbox: reminders, digests, handovers.</summary>
    [Range(1, 100)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// Workers of this instance's outbox server, which takes only <see cref="JobQueues.Outbox"/>: queue cards and
    /// notices never wait behind reminders or digests, and a burst of filings has senders of its own.
    /// </summary>
    [Range(1, 100)]
    public int OutboxWorkerCount { get; set; } = 16;

    public JobsDashboardOptions Dashboard { get; set; } = new();
}

/// <summary>Who may open the Hangfire dashboard at /hangfire.</summary>
public sealed class JobsDashboardOptions
{
    /// <summary><see cref="DashboardAuthentication.LocalOnly"/> or <see cref="DashboardAuthentication.AppServiceAuthentication"/>.</summary>
    public string Authentication { get; set; } = DashboardAuthentication.LocalOnly;
}

/// <summary>The Hangfire queues: each has its own server, and so its own workers.</summary>
public static class JobQueues
{
    public const string Default = "default";

    /// <summary>The outbox's sends (queue cards, notices): what people are waiting to see.</summary>
    public const string Outbox = "outbox";
}

public static class JobStores
{
    public const string InMemory = "InMemory";
    public const string PostgreSql = "PostgreSql";

    public static readonly string[] All = [InMemory, PostgreSql];
}

public static class DashboardAuthentication
{
    /// <summary>Requests from this machine only: a loopback address, and no forwarding header naming anyone else.</summary>
    public const string LocalOnly = "LocalOnly";

    /// <summary>Behind App Service authentication (Easy Auth), which signs people in with Entra ID and passes their
    /// object id in X-MS-CLIENT-PRINCIPAL-ID: leads in the roster only.</summary>
    public const string AppServiceAuthentication = "AppServiceAuthentication";

    public static readonly string[] All = [LocalOnly, AppServiceAuthentication];
}
