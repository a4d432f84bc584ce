using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Insight;

public sealed class InsightOptions
{
    public const string Section = "Insight";

    /// <summary>How long an export's link (CSV, XLSX, a case report) can be fetched after it is made.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a chart's link can be fetched. Teams loads a card's images every time the card is shown, not once,
    /// so a short-lived image breaks in the conversation's history.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan ChartLinkLifetime { get; set; } = TimeSpan.FromDays(30);
}
