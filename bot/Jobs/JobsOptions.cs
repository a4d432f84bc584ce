using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary>Where jobs are kept. InMemory is the local default; PostgreSql arrives with the SLA work.</summary>
    [RegularExpression("^InMemory$", ErrorMessage = "Hangfire:Storage must be InMemory.")]
    public string Storage { get; set; } = "InMemory";

    /// <summary>How often the scheduler looks for due jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 100)]
    public int WorkerCount { get; set; } = 4;
}
