using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>A duration's spread over the cases that have one: median and 90th percentile, as PostgreSQL's percentile_cont.</summary>
public sealed record Spread(int Count, TimeSpan? Median, TimeSpan? P90)
{
    public static Spread Of(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Select(v => v.TotalMinutes).Order().ToArray();
        return new Spread(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.9));
    }

    /// <summary>Linear interpolation between the closest ranks, as percentile_cont: the value at rank p × (n − 1).</summary>
    private static TimeSpan? Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = p * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return TimeSpan.FromMinutes(sorted[below] + ((sorted[above] - sorted[below]) * (rank - below)));
    }
}

/// <summary>Targets met and missed; cases that may still meet theirs count in neither.</summary>
public sealed record TargetTally(int Met, int Missed)
{
    public double? Share => Met + Missed == 0 ? null : (double)Met / (Met + Missed);

    public static TargetTally Of(IEnumerable<bool?> results)
    {
        var list = results.ToList();
        return new TargetTally(list.Count(r => r == true), list.Count(r => r == false));
    }
}

public sealed record SeverityTargets(Severity Severity, TargetTally FirstResponse, TargetTally Resolution);

/// <summary>What became of the cases filed in the period, by now.</summary>
public sealed record Volumes(int Filed, int Claimed, int Resolved, int Reopened, int StillOpen);

/// <summary>How long the still-open cases have waited since filing: the oldest, and counts by age.</summary>
public sealed record Backlog(Case? Oldest, int UnderADay, int OneToThreeDays, int ThreeToSevenDays, int OverAWeek)
{
    public static Backlog Of(IEnumerable<Case> open, DateTimeOffset now)
    {
        var ages = open.Select(c => (Case: c, Age: now - c.FiledAt)).ToList();
        return new Backlog(
            ages.OrderBy(a => a.Case.FiledAt).Select(a => a.Case).FirstOrDefault(),
            ages.Count(a => a.Age < TimeSpan.FromDays(1)),
            ages.Count(a => a.Age >= TimeSpan.FromDays(1) && a.Age < TimeSpan.FromDays(3)),
            ages.Count(a => a.Age >= TimeSpan.FromDays(3) && a.Age < TimeSpan.FromDays(7)),
            ages.Count(a => a.Age >= TimeSpan.FromDays(7))
        );
    }
}

/// <summary>The comparison figures of the period before: what the ▲/▼ beside each metric are against.</summary>
public sealed record PriorFigures(int Filed, Spread Mtta, Spread Mttr, IReadOnlyDictionary<string, int> ByPartnerArea);

/// <summary>
/// The team's figures for the cases filed in a period, as they stand now (the cohort of the period, as PagerDuty
/// counts incidents opened in it): so an export of the period reproduces every one of them.
/// </summary>
public sealed record InsightStats(
    InsightPeriod Period,
    CaseFilter Filter,
    DateTimeOffset Now,
    IReadOnlyList<CaseMeasure> Cases,
    Volumes Volumes,
    Backlog Backlog,
    Spread Mtta,
    Spread Mttr,
    PriorFigures? Prior,
    IReadOnlyList<SeverityTargets> Targets,
    IReadOnlyDictionary<string, IReadOnlyList<LabelledCount>> Breakdowns,
    IReadOnlyList<DayVolume> Days
)
{
    /// <summary>How many bars a breakdown shows before "Other".</summary>
    public const int Top = 5;

    /// <summary>The breakdown the second chart draws.</summary>
    public const string AreaBreakdown = "Policy area";

    public int Breaches => Cases.Sum(m => (m.FirstResponseMet == false ? 1 : 0) + (m.ResolutionMet == false ? 1 : 0));

    public static InsightStats Of(
        InsightPeriod period,
        CaseFilter filter,
        IReadOnlyList<Case> filed,
        PriorFigures? prior,
        CasePolicy policy,
        DateTimeOffset now
    )
    {
        var measures = filed.Select(c => CaseMeasure.Of(c, policy, now)).ToList();
        var open = filed.Where(c => c.IsOpen).ToList();
        return new InsightStats(
            period,
            filter,
            now,
            measures,
            new Volumes(
                filed.Count,
                filed.Count(c => c.ClaimedAt is not null),
                filed.Count(c => c.Resolution is not null),
                filed.Count(c => c.ReopenCount > 0),
                open.Count
            ),
            Backlog.Of(open, now),
            Spread.Of(measures.Select(m => m.FirstResponse).OfType<TimeSpan>()),
            Spread.Of(measures.Select(m => m.Resolution).OfType<TimeSpan>()),
            prior,
            [
                .. Enum.GetValues<Severity>()
                    .Select(s =>
                    {
                        var of = measures.Where(m => m.Case.Report.Severity == s).ToList();
                        return new SeverityTargets(
                            s,
                            TargetTally.Of(of.Select(m => m.FirstResponseMet)),
                            TargetTally.Of(of.Select(m => m.ResolutionMet))
                        );
                    }),
            ],
            BreakdownsOf(filed),
            DaysOf(period, measures, policy.Zone, now)
        );
    }

    /// <summary>The figures of the period before, for comparison.</summary>
    public static PriorFigures PriorOf(IReadOnlyList<Case> filed, CasePolicy policy, DateTimeOffset now)
    {
        var measures = filed.Select(c => CaseMeasure.Of(c, policy, now)).ToList();
        return new PriorFigures(
            filed.Count,
            Spread.Of(measures.Select(m => m.FirstResponse).OfType<TimeSpan>()),
            Spread.Of(measures.Select(m => m.Resolution).OfType<TimeSpan>()),
            filed.GroupBy(WeeklyNarrative.PartnerArea).ToDictionary(g => g.Key, g => g.Count())
        );
    }

    private static Dictionary<string, IReadOnlyList<LabelledCount>> BreakdownsOf(IReadOnlyList<Case> filed) =>
        new()
        {
            [AreaBreakdown] = TopOf(filed, c => Labels.Of(c.Report.PolicyArea)),
            ["Partner"] = TopOf(filed, c => c.Report.Partner),
            ["Platform"] = TopOf(filed, c => Labels.Of(c.Report.Platform)),
            ["Severity"] = TopOf(filed, c => Labels.Of(c.Report.Severity)),
            ["Outcome"] = TopOf(filed, c => c.Resolution is { } r ? Labels.Of(r.Outcome) : "Not resolved yet"),
        };

    /// <summary>The <see cref="Top"/> largest groups, then the rest as one "Other".</summary>
    public static IReadOnlyList<LabelledCount> TopOf(IEnumerable<Case> cases, Func<Case, string> label)
    {
        var groups = cases
            .GroupBy(label)
            .Select(g => new LabelledCount(g.Key, g.Count()))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Label, StringComparer.Ordinal)
            .ToList();
        return groups.Count <= Top + 1
            ? groups
            : [.. groups.Take(Top), new LabelledCount("Other", groups.Skip(Top).Sum(g => g.Count))];
    }

    /// <summary>Each local day of the period up to today: filed by severity, and the share of their targets met so far.</summary>
    private static List<DayVolume> DaysOf(
        InsightPeriod period,
        IReadOnlyList<CaseMeasure> measures,
        TimeZoneInfo zone,
        DateTimeOffset now
    )
    {
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var byDay = measures.ToLookup(m => Local(m.Case.FiledAt));
        var last = Local((now < period.To ? now : period.To.AddSeconds(-1)));
        var days = new List<DayVolume>();
        for (var day = Local(period.From); day <= last; day = day.AddDays(1))
        {
            var of = byDay[day].ToList();
            var tally = TargetTally.Of(of.SelectMany(m => new[] { m.FirstResponseMet, m.ResolutionMet }));
            days.Add(
                new DayVolume(
                    day,
                    Enum.GetValues<Severity>().ToDictionary(s => s, s => of.Count(m => m.Case.Report.Severity == s)),
                    tally.Share
                )
            );
        }

        return days;
    }
}
