using EscalationBot.Cases;
using EscalationBot.Deliveries;

namespace EscalationBot.Sla;

public sealed class SeverityTargets
{
    public TimeSpan FirstResponse { get; set; }
    public TimeSpan Resolution { get; set; }

    /// <summary>Count only business hours towards this severity's targets (the default counts every hour).</summary>
    public bool BusinessHoursOnly { get; set; }
}

/// <summary>First-response (claimed) and resolution targets per severity, and how they are chased. A case keeps the targets it was filed with.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    public SeverityTargets Sev1 { get; set; } =
        new() { FirstResponse = TimeSpan.FromMinutes(15), Resolution = TimeSpan.FromHours(4) };
    public SeverityTargets Sev2 { get; set; } =
        new() { FirstResponse = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(24) };
    public SeverityTargets Sev3 { get; set; } =
        new() { FirstResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(72) };
    public SeverityTargets Sev4 { get; set; } =
        new() { FirstResponse = TimeSpan.FromDays(1), Resolution = TimeSpan.FromDays(7) };

    public BusinessHoursOptions BusinessHours { get; set; } = new();

    public IdleOptions Idle { get; set; } = new();

    /// <summary>How often each instance reads the due-time index to schedule what falls due next (and anything missed).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a reminder being sent is reserved for the job sending it, before another may take it over.</summary>
    public TimeSpan DeliveryLease { get; set; } = new DeliveryOptions().DeliveryLease;

    public SlaTargets For(Severity severity)
    {
        var t = severity switch
        {
            Severity.Sev1 => Sev1,
            Severity.Sev2 => Sev2,
            Severity.Sev3 => Sev3,
            _ => Sev4,
        };
        return new SlaTargets(t.FirstResponse, t.Resolution, t.BusinessHoursOnly);
    }

    public IEnumerable<string> Problems()
    {
        foreach (var severity in Enum.GetValues<Severity>())
        {
            var t = For(severity);
            if (t.FirstResponse <= TimeSpan.Zero || t.Resolution <= TimeSpan.Zero)
            {
                yield return $"Sla:{severity} targets must be positive.";
            }
            else if (t.FirstResponse > t.Resolution)
            {
                yield return $"Sla:{severity}:FirstResponse must not exceed Sla:{severity}:Resolution.";
            }
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(BusinessHours.TimeZone, out _))
        {
            yield return "Sla:BusinessHours:TimeZone must be a time zone id such as Asia/Singapore.";
        }

        if (BusinessHours.Start == BusinessHours.End)
        {
            yield return "Sla:BusinessHours:Start and End must differ (End before Start means the hours cross midnight).";
        }

        if (
            Idle.Nudge < TimeSpan.Zero
            || Idle.Release < TimeSpan.Zero
            || (Idle.Nudge > TimeSpan.Zero && Idle.Release > TimeSpan.Zero && Idle.Nudge >= Idle.Release)
        )
        {
            yield return "Sla:Idle:Nudge must come before Sla:Idle:Release (zero turns either off).";
        }

        if (SweepInterval < TimeSpan.FromSeconds(1) || SweepInterval > TimeSpan.FromMinutes(10))
        {
            yield return "Sla:SweepInterval must be between 1 second and 10 minutes.";
        }

        if (DeliveryLease < TimeSpan.FromSeconds(10))
        {
            yield return "Sla:DeliveryLease must be at least 10 seconds.";
        }
    }
}
