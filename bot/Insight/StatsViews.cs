using System.Globalization;
using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Insight;
using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>Writes the figures as the stats card shows them, each metric with the line that says how it is computed.</summary>
public static class StatsViews
{
    public static StatsView Of(InsightStats stats, TeamClock clock, IReadOnlyList<ChartImage> charts)
    {
        var period = stats.Period;
        var filter = stats.Filter.Describe();
        var subtitle =
            $"Cases filed {Span(period, clock)}{(filter.Length > 0 ? $" · {filter}" : "")}"
            + $" · as of {clock.Time(stats.Now)}";
        return new StatsView($"Stats · {period.Name}", subtitle, Metrics(stats), charts);
    }

    /// <summary>"Mon 4 Jan to Sun 10 Jan 2027 (Singapore, UTC+8)" for whole days, else from moment to moment.</summary>
    public static string Span(InsightPeriod period, TeamClock clock)
    {
        var (from, to) = (Local(period.From, clock), Local(period.To, clock));
        if (from.TimeOfDay != TimeSpan.Zero || to.TimeOfDay != TimeSpan.Zero)
        {
            return $"{clock.Moment(period.From)} to {clock.Moment(period.To)}";
        }

        var last = to.AddDays(-1);
        var days = from == last ? Day(from, true) : $"{Day(from, from.Year != last.Year)} to {Day(last, true)}";
        return $"{days} ({clock.ZoneName(period.From)})";
    }

    private static DateTime Local(DateTimeOffset at, TeamClock clock) =>
        TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime;

    private static string Day(DateTime day, bool year) =>
        day.ToString(year ? "ddd d MMM yyyy" : "ddd d MMM", CultureInfo.InvariantCulture);

    public static IReadOnlyList<StatsMetric> Metrics(InsightStats s)
    {
        var v = s.Volumes;
        var b = s.Backlog;
        return
        [
            new(
                "Volumes",
                [
                    new("Filed", Change(v.Filed, s.Prior?.Filed)),
                    new("Claimed", $"{v.Claimed}"),
                    new("Resolved", $"{v.Resolved}"),
                    new("Reopened", $"{v.Reopened}"),
                    new("Still open", $"{v.StillOpen}"),
                ],
                "The cases filed in the period, and what has become of them by now; ▲/▼ against the period before."
            ),
            new(
                "Backlog of the still open",
                [
                    new("Oldest", b.Oldest is { } o ? $"{o.Id}, {Durations.Format(s.Now - o.FiledAt)}" : "none"),
                    new("Under 1 day", $"{b.UnderADay}"),
                    new("1–3 days", $"{b.OneToThreeDays}"),
                    new("3–7 days", $"{b.ThreeToSevenDays}"),
                    new("Over 7 days", $"{b.OverAWeek}"),
                ],
                "Cases filed in the period and still open, by time since filing."
            ),
            new(
                "MTTA: time to first claim",
                SpreadFacts(s.Mtta, s.Prior?.Mtta),
                "Filed to the first claim, on the case's calendar (business hours for severities that count only those)."
                    + " Median and 90th percentile with linear interpolation, of the claimed cases."
            ),
            new(
                "MTTR: time to resolution",
                SpreadFacts(s.Mttr, s.Prior?.Mttr),
                "Filed (or last reopened) to resolved, less the time waiting on the reporter, on the case's calendar."
                    + " Median and 90th percentile of the resolved cases."
            ),
            new(
                $"Targets met · {s.Breaches} {(s.Breaches == 1 ? "breach" : "breaches")}",
                [
                    .. s
                        .Targets.Where(t =>
                            t.FirstResponse.Met + t.FirstResponse.Missed + t.Resolution.Met + t.Resolution.Missed > 0
                        )
                        .Select(t => new Fact(
                            Labels.Of(t.Severity),
                            $"first response {Tally(t.FirstResponse)} · resolution {Tally(t.Resolution)}"
                        )),
                ],
                "Met: claimed or resolved by the case's target. Missed (a breach): late, or still open past it."
                    + " Cases that can still meet a target are not counted for it."
            ),
            .. s.Breakdowns.Select(kv => new StatsMetric(
                $"By {kv.Key.ToLowerInvariant()}",
                [.. kv.Value.Select(c => new Fact(c.Label, $"{c.Count}"))],
                $"Cases filed in the period by their current {kv.Key.ToLowerInvariant()}: the top "
                    + $"{InsightStats.Top}, then the rest as Other."
            )),
        ];
    }

    private static List<Fact> SpreadFacts(Spread now, Spread? before) =>
        [
            new("Median", Change(now.Median, before?.Median)),
            new("90th percentile", Change(now.P90, before?.P90)),
            new("Cases measured", $"{now.Count}"),
        ];

    private static string Tally(TargetTally t) =>
        t.Share is { } share ? $"{t.Met}/{t.Met + t.Missed} ({Percent(share)})" : "none due yet";

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"23 ▲ (18 before)": the figure, and the period before's beside it.</summary>
    private static string Change(int now, int? before) =>
        before is { } b ? $"{now} {Arrow(now.CompareTo(b))} ({b} before)" : $"{now}";

    private static string Change(TimeSpan? now, TimeSpan? before) =>
        (now, before) switch
        {
            (null, _) => "no cases",
            ({ } n, { } b) => $"{Minutes(n)} {Arrow(Math.Round(n.TotalMinutes).CompareTo(Math.Round(b.TotalMinutes)))}"
                + $" ({Minutes(b)} before)",
            ({ } n, null) => Minutes(n),
        };

    private static string Arrow(int comparison) =>
        comparison switch
        {
            > 0 => "▲",
            < 0 => "▼",
            _ => "=",
        };

    private static string Minutes(TimeSpan span) =>
        span < TimeSpan.FromMinutes(1)
            ? "under 1 min"
            : Durations.Format(TimeSpan.FromMinutes(Math.Round(span.TotalMinutes)));
}
