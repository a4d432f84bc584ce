using EscalationBot.Cards;
using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>A notable case of the week, by id and labels only: the report goes to a shared channel.</summary>
public sealed record NotableCase(string Id, string Labels, string Why);

/// <summary>
/// The weekly report's few sentences, written from the numbers: volume against last week and what drove it, MTTA
/// held or moved, Sev1 cases that missed first response and when they were filed; then the cases Content Policy
/// should see (breached, reopened, needing a policy decision). Never anything written about a case.
/// </summary>
public static class WeeklyNarrative
{
    /// <summary>How many notable cases the report lists before "and N more".</summary>
    public const int MostNotable = 10;

    /// <summary>A change within this share of last week's figure "held".</summary>
    private const double Held = 0.10;

    public static IReadOnlyList<string> Sentences(InsightStats stats, TimeZoneInfo zone)
    {
        var sentences = new List<string> { Volume(stats) };
        if (Mtta(stats) is { } mtta)
        {
            sentences.Add(mtta);
        }

        sentences.Add(Sev1Breaches(stats, zone));
        return sentences;
    }

    private static string Volume(InsightStats stats)
    {
        var (now, before) = (stats.Volumes.Filed, stats.Prior?.Filed ?? 0);
        if (before == 0)
        {
            return $"{Count(now, "case was", "cases were")} filed; none the week before.";
        }

        var change = (now - before) / (double)before;
        var trend =
            Math.Abs(change) < Held ? $"Volume held at {now} (last week {before})"
            : change > 0 ? $"Volume rose {Percent(change)} on last week ({now} against {before})"
            : $"Volume fell {Percent(-change)} on last week ({now} against {before})";
        return Driver(stats, now > before) is { } driver ? $"{trend}, driven by {driver}." : $"{trend}.";
    }

    /// <summary>The partner and policy area whose count moved most in the direction of the whole.</summary>
    private static string? Driver(InsightStats stats, bool rose)
    {
        var prior = stats.Prior?.ByPartnerArea ?? new Dictionary<string, int>();
        var moved = stats
            .Cases.GroupBy(m => PartnerArea(m.Case))
            .Select(g => (Key: g.Key, Change: g.Count() - prior.GetValueOrDefault(g.Key)))
            .Concat(
                prior
                    .Keys.Where(k => stats.Cases.All(m => PartnerArea(m.Case) != k))
                    .Select(k => (Key: k, Change: -prior[k]))
            )
            .OrderByDescending(x => rose ? x.Change : -x.Change)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        return moved.Key is null || (rose ? moved.Change <= 0 : moved.Change >= 0)
            ? null
            : $"{moved.Key} ({(moved.Change > 0 ? "+" : "")}{moved.Change})";
    }

    /// <summary>"hate speech from Example News": how the driver of a change is named.</summary>
    public static string PartnerArea(Case c) =>
        $"{Labels.Of(c.Report.PolicyArea).ToLowerInvariant()} from {c.Report.Partner}";

    private static string? Mtta(InsightStats stats)
    {
        if (stats.Mtta.Median is not { } now)
        {
            return null;
        }

        if (stats.Prior?.Mtta.Median is not { } before || before <= TimeSpan.Zero)
        {
            return $"MTTA was {Minutes(now)}.";
        }

        var change = (now - before) / before;
        return Math.Abs(change) < Held ? $"MTTA held at {Minutes(now)}."
            : change > 0 ? $"MTTA rose to {Minutes(now)} from {Minutes(before)}."
            : $"MTTA fell to {Minutes(now)} from {Minutes(before)}.";
    }

    private static string Sev1Breaches(InsightStats stats, TimeZoneInfo zone)
    {
        var missed = stats
            .Cases.Where(m => m.Case.Report.Severity == Severity.Sev1 && m.FirstResponseMet == false)
            .Select(m => TimeZoneInfo.ConvertTime(m.Case.FiledAt, zone))
            .Order()
            .ToList();
        if (missed.Count == 0)
        {
            return "Every Sev1 case met its first-response target, or can still.";
        }

        var (from, to) = (missed[0].Hour, missed[^1].Hour + 1);
        var when =
            missed.Count == 1
                ? $"filed between {from:00}:00 and {to:00}:00"
                : $"all filed between {from:00}:00 and {to % 24:00}:00";
        return $"{Count(missed.Count, "Sev1 case", "Sev1 cases")} missed first response, {when}.";
    }

    /// <summary>Breached, reopened or needing a policy decision, oldest first: the gaps Content Policy should see.</summary>
    public static (IReadOnlyList<NotableCase> Shown, int More) Notable(InsightStats stats)
    {
        var notable = stats
            .Cases.Select(m => (m.Case, Why: Why(m)))
            .Where(x => x.Why.Length > 0)
            .OrderBy(x => x.Case.Number)
            .Select(x => new NotableCase(
                x.Case.Id,
                $"{Labels.Of(x.Case.Report.Severity)} · {Labels.Of(x.Case.Report.PolicyArea)}",
                x.Why
            ))
            .ToList();
        return (notable.Take(MostNotable).ToList(), Math.Max(0, notable.Count - MostNotable));
    }

    private static string Why(CaseMeasure m) =>
        string.Join(
            ", ",
            new[]
            {
                m.FirstResponseMet == false ? "missed first response" : null,
                m.ResolutionMet == false ? "missed resolution" : null,
                m.Case.ReopenCount > 0 ? "reopened" : null,
                m.Case.Resolution?.Outcome == Outcome.NeedsPolicyDecision ? "needs a policy decision" : null,
            }.OfType<string>()
        );

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string Percent(double share) => StatsViews.Percent(share);

    private static string Minutes(TimeSpan span) =>
        Durations.Format(TimeSpan.FromMinutes(Math.Max(1, Math.Round(span.TotalMinutes))));
}
