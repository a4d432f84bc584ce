using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Cases;

/// <summary>Exposure to sensitive cases (README, "Wellbeing"): how long the record of it is kept.</summary>
public sealed class WellbeingOptions
{
    public const string Section = "Wellbeing";

    /// <summary>Exposure rows older than this are removed once a day: long enough for a quarter's look back.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(90);
}
