using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Outbox;

/// <summary>How the outbox sends what changes wrote: queue cards, notices to reporters and owners.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often each instance looks for rows left unsent (a crash, a lost job, a retry falling due).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a row being sent is reserved for its sender before another may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after a first failure; it doubles with each further one, up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed sends of one row before it is given up on, and logged as an error, for an operator to look at.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 60;
}
