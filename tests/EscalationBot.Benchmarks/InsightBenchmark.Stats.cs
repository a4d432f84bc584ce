using System.Diagnostics;
using EscalationBot.Cases;
using EscalationBot.Insight;
using EscalationBot.Storage;

namespace EscalationBot.Benchmarks;

/// <summary>
/// <c>stats week</c> and its charts, for <see cref="InsightBenchmark"/>: the time of each run, and the entities it read
/// split by the range they came from (the week, the week before it, point reads), as <see cref="EntityCounter"/> saw
/// them come back.
/// </summary>
internal static partial class InsightBenchmark
{
    private static async Task<(Stats Times, Reads Reads, InsightStats Stats)> MeasureStatsAsync(
        InsightReader reader,
        InsightPeriod week,
        EntityCounter counter,
        int runs,
        InsightSeedSummary seed
    )
    {
        Console.Error.WriteLine($"  measuring: stats week, {runs} runs after a warm-up");
        await reader.StatsAsync(week, CaseFilter.None, CancellationToken.None);
        // The first stats of a period also works out the week before's figures, which the reader keeps for an hour.
        var first = Split(counter.Take(), week);
        Console.WriteLine(
            $"stats week, first run (the week before worked out and kept): entities {first.Week + first.Previous + first.Points:N0}"
                + $" = the week {first.Week:N0} + the week before {first.Previous:N0} + point reads {first.Points:N0}"
        );
        var times = new double[runs];
        var split = new List<(int Week, int Previous, int Points, int Requests)>();
        InsightStats? stats = null;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var read = await reader.StatsAsync(week, CaseFilter.None, CancellationToken.None);
            times[i] = watch.Elapsed.TotalMilliseconds;
            stats = read.Stats ?? throw new InvalidOperationException($"No stats: {read.Refusal}.");
            if (stats.Volumes.Filed != seed.InWeek || stats.Prior?.Filed != seed.InPreviousWeek)
            {
                throw new InvalidOperationException(
                    $"The stats count {stats.Volumes.Filed} and {stats.Prior?.Filed} filed, not {seed.InWeek} and "
                        + $"{seed.InPreviousWeek}."
                );
            }

            split.Add(Split(counter.Take(), week));
        }

        return (
            new Stats(times),
            new Reads(
                new Stats(split.Select(s => (double)s.Week)),
                new Stats(split.Select(s => (double)s.Previous)),
                new Stats(split.Select(s => (double)s.Points)),
                new Stats(split.Select(s => (double)(s.Week + s.Previous + s.Points))),
                new Stats(split.Select(s => (double)s.Requests))
            ),
            stats!
        );
    }

    /// <summary>
    /// Where a run's time goes: each range read alone through the store, an empty range (what Azurite charges any query
    /// on this table before it returns a row), and the figures computed from cases already in memory.
    /// </summary>
    private static async Task<List<(string Name, Stats Times)>> MeasurePartsAsync(
        TableCaseStore store,
        CasePolicy policy,
        DateTimeOffset now,
        InsightPeriod week,
        int runs
    )
    {
        Console.Error.WriteLine($"  measuring: the parts of stats week, {runs} runs each");
        async Task<List<Case>> Read(DateTimeOffset from, DateTimeOffset to)
        {
            var cases = new List<Case>();
            await foreach (var c in store.ListFiledAsync(from, to, CaseFilter.None, false, CancellationToken.None))
            {
                cases.Add(c);
            }

            return cases;
        }

        async Task<Stats> Time(Func<Task> run)
        {
            await run();
            var times = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await run();
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            return new Stats(times);
        }

        var previous = week.Previous!;
        var (filed, before) = (await Read(week.From, week.To), await Read(previous.From, previous.To));
        return
        [
            ("  the week's range read alone", await Time(() => Read(week.From, week.To))),
            ("  the week before's range read alone", await Time(() => Read(previous.From, previous.To))),
            (
                "  an empty range (Azurite's floor)",
                await Time(() => Read(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))
            ),
            (
                "  the figures from memory (no I/O)",
                await Time(() =>
                {
                    var prior = InsightStats.PriorOf(before, policy, now);
                    return Task.FromResult(InsightStats.Of(week, CaseFilter.None, filed, prior, policy, now));
                })
            ),
        ];
    }

    /// <summary>The entities of one run by what they were read for: the week's range, the week before's, point reads.</summary>
    private static (int Week, int Previous, int Points, int Requests) Split(
        IReadOnlyList<EntityRead> reads,
        InsightPeriod week
    )
    {
        var ofWeek = $"RowKey ge '{StorageFormats.FiledFrom(week.From)}'";
        var ofPrevious = $"RowKey ge '{StorageFormats.FiledFrom(week.Previous!.From)}'";
        var points = reads.Where(r => r.Point).Sum(r => r.Entities);
        var inWeek = reads.Where(r => !r.Point && r.Query.Contains(ofWeek, StringComparison.Ordinal)).ToList();
        var inPrevious = reads.Where(r => !r.Point && r.Query.Contains(ofPrevious, StringComparison.Ordinal)).ToList();
        if (inWeek.Count + inPrevious.Count + reads.Count(r => r.Point) != reads.Count)
        {
            throw new InvalidOperationException(
                "A read of neither week: " + string.Join(" | ", reads.Select(r => r.Query))
            );
        }

        return (inWeek.Sum(r => r.Entities), inPrevious.Sum(r => r.Entities), points, reads.Count);
    }

    private sealed record Reads(Stats Week, Stats Previous, Stats Points, Stats Total, Stats Requests);

    private sealed record ChartSample(string Name, Stats Times, double ColdMs, int Bytes);

    private static List<ChartSample> MeasureCharts(InsightStats stats, int runs)
    {
        Console.Error.WriteLine($"  measuring: the charts, {runs} runs each after a warm-up");
        var chart = new StatsChart();
        var areas = stats.Breakdowns["Policy area"];
        return
        [
            Chart("Volume (7 days)", runs, () => chart.Volume(stats.Days)),
            Chart($"Areas ({areas.Count} bars)", runs, () => chart.Areas(areas)),
        ];
    }

    private static ChartSample Chart(string name, int runs, Func<byte[]> render)
    {
        var watch = Stopwatch.StartNew();
        var png = render();
        var cold = watch.Elapsed.TotalMilliseconds;
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            png = render();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        return new ChartSample(name, new Stats(times), cold, png.Length);
    }

    private static void PrintStats(
        Stats times,
        Reads reads,
        List<(string Name, Stats Times)> parts,
        InsightSeedSummary seed
    )
    {
        Console.WriteLine(
            $"{"read", -44}{"runs", 6}{"median ms", 11}{"p99 ms", 10}{"max ms", 10}{"entities/run", 14}{"requests", 10}"
        );
        Console.WriteLine(
            $"{"stats week: InsightReader.StatsAsync", -44}{times.Count, 6}{times.Median, 11:F1}{times.P(0.99), 10:F1}"
                + $"{times.Max, 10:F1}{Range(reads.Total), 14}{Range(reads.Requests), 10}"
        );
        foreach (var (name, part) in parts)
        {
            Console.WriteLine($"{name, -44}{part.Count, 6}{part.Median, 11:F1}{part.P(0.99), 10:F1}{part.Max, 10:F1}");
        }

        Console.WriteLine(
            $"  entities by period: the week {Range(reads.Week)} (filed in it: {seed.InWeek:N0}), the week before "
                + $"{Range(reads.Previous)} (filed in it: {seed.InPreviousWeek:N0}), point reads {Range(reads.Points)}"
        );
        Console.WriteLine(
            "  (counted from Azurite's answers by a pipeline policy on the TableClient, which also parses them: its cost "
                + "is in the times)"
        );
    }

    private static void PrintCharts(List<ChartSample> charts)
    {
        foreach (var c in charts)
        {
            Console.WriteLine(
                $"{"chart: " + c.Name, -44}{c.Times.Count, 6}{c.Times.Median, 11:F1}{c.Times.P(0.99), 10:F1}"
                    + $"{c.Times.Max, 10:F1}  (first, cold: {c.ColdMs:F0} ms; PNG {c.Bytes / 1024.0:F0} KB)"
            );
        }
    }
}
