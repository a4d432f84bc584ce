using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>One day of a period: the cases filed by severity, and the share of them that met their targets so far.</summary>
public sealed record DayVolume(
    DateOnly Day,
    IReadOnlyDictionary<Severity, int> FiledBySeverity,
    double? TargetsMetShare
);

/// <summary>A count under a label, for bars: a policy area, a partner, "Other".</summary>
public sealed record LabelledCount(string Label, int Count);
