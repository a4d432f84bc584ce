namespace EscalationBot.Cases;

/// <summary>
/// A claimed case nobody has touched for <see cref="Nudge"/> is nudged to its owner, and after <see cref="Release"/>
/// released (bound from Sla:Idle).
/// </summary>
public sealed class IdleOptions
{
    /// <summary>Zero turns the nudge off.</summary>
    public TimeSpan Nudge { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Zero turns the release off.</summary>
    public TimeSpan Release { get; set; } = TimeSpan.FromHours(8);
}
