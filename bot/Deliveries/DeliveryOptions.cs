namespace EscalationBot.Deliveries;

/// <summary>
/// How long a delivery being sent is reserved for the job sending it, before another may take it over. The setting
/// is Sla:DeliveryLease, where it was before SLA reminders and handovers shared this mechanism (checked with the SLA
/// settings at start).
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Sla";

    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(2);
}
