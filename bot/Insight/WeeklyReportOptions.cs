using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Insight;

/// <summary>The weekly report to the leads' channel (<c>Insight:WeeklyReport</c>).</summary>
public sealed class WeeklyReportOptions
{
    public const string Section = "Insight:WeeklyReport";

    public bool Enabled { get; set; } = true;

    /// <summary>When it is posted, a cron in the team's zone (<c>Team:TimeZone</c>): by default Monday 09:00, for the week that ended.</summary>
    [Required]
    public string Cron { get; set; } = "0 9 * * 1";

    /// <summary>At start, the reports of this many past weeks are posted if they never were (late, and saying so).</summary>
    [Range(0, 8)]
    public int CatchUpWeeks { get; set; } = 1;
}
