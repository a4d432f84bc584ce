namespace EscalationBot.Insight;

/// <summary>PLACEHOLDER until the links branch merges (its version replaces this file).</summary>
public sealed class InsightOptions
{
    public const string Section = "Insight";
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
