using EscalationBot.Cases;

namespace EscalationBot.Sla;

public sealed class SeverityTargets
{
    public TimeSpan FirstResponse { get; set; }
    public TimeSpan Resolution { get; set; }
}

/// <summary>First-response (claimed) and resolution targets per severity. A case keeps the targets it was filed with.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    public SeverityTargets Sev1 { get; set; } = new() { FirstResponse = TimeSpan.FromMinutes(15), Resolution = TimeSpan.FromHours(4) };
    public SeverityTargets Sev2 { get; set; } = new() { FirstResponse = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(24) };
    public SeverityTargets Sev3 { get; set; } = new() { FirstResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(72) };
    public SeverityTargets Sev4 { get; set; } = new() { FirstResponse = TimeSpan.FromDays(1), Resolution = TimeSpan.FromDays(7) };

    public SlaTargets For(Severity severity)
    {
        var t = severity switch
        {
            Severity.Sev1 => Sev1,
            Severity.Sev2 => Sev2,
            Severity.Sev3 => Sev3,
            _ => Sev4,
        };
        return new SlaTargets(t.FirstResponse, t.Resolution);
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
    }
}
