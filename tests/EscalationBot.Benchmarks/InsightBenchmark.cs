using System.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Insight;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Testing;

namespace EscalationBot.Benchmarks;

/// <summary>
/// Issue 15's reads bounded by the period (§5), on a table of <c>cases</c> cases (<see cref="CaseTableSeed"/>):
/// <list type="bullet">
/// <item><c>stats week</c>: the real <see cref="InsightReader.StatsAsync"/> on a <see cref="TableCaseStore"/>, Asia/Singapore,
/// the clock fixed on the Sunday of the week; entities read per run, counted from the responses by
/// <see cref="EntityCounter"/> and split by the period they belong to (the week, and the week before for ▲/▼);</item>
/// <item>the two charts (<see cref="StatsChart"/>) of those stats, warm;</item>
/// <item>the CSV export of 2,000 and of 10,000 rows into a stream that discards them: time and peak managed heap; and
/// the XLSX export, for information.</item>
/// </list>
/// </summary>
internal static partial class InsightBenchmark
{
    private const string Zone = "Asia/Singapore";

    public static async Task RunAsync(int cases, int inWeek, int runs, int exportRows)
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var counter = new EntityCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("InsightBenchCases");
        await table.CreateIfNotExistsAsync();

        var policy = CasePolicy.Default with { Zone = TimeZoneInfo.FindSystemTimeZoneById(Zone) };
        // A Sunday noon in Singapore: `stats week` is then Monday 23 to Sunday 29 November 2026, all but its last 12 h.
        var now = InsightPeriod.Midnight(new DateOnly(2026, 11, 29), policy.Zone).AddHours(12);
        var week = InsightPeriod.Parse("week", now, policy.Zone).Period!;
        var time = new FixedTime(now);
        var seed = await CaseTableSeed.WriteInsightAsync(
            table,
            cases,
            inWeek,
            week.From,
            now,
            new SlaOptions(),
            policy
        );
        var store = new TableCaseStore(table, policy);
        await CheckSeedAsync(store, week, seed);
        counter.Take();

        var reader = new InsightReader(store, policy, time);
        var (statsTimes, reads, stats) = await MeasureStatsAsync(reader, week, counter, runs, seed);
        var parts = await MeasurePartsAsync(store, policy, now, week, 10);
        var charts = MeasureCharts(stats, 20);
        var since = seed.FiledAt[cases - exportRows];
        var exports = await MeasureExportsAsync(store, policy, time, week, since, exportRows);

        Console.WriteLine();
        Console.WriteLine(
            $"Insight reads: {seed.Cases:N0} stored cases, {seed.InWeek:N0} filed in {week.Name} (Asia/Singapore; "
                + $"{seed.OpenInWeek:N0} still open at the clock, Sun 12:00), {seed.InPreviousWeek:N0} in the week before"
        );
        Console.WriteLine(
            $"  (the other {seed.Cases - seed.InWeek:N0} spread evenly over the two years before); {seed.Entities:N0} "
                + $"entities (case| and filed| rows), written in {seed.Took.TotalSeconds:F0} s; real Azurite on "
                + $"{Environment.ProcessorCount} cores"
        );
        PrintStats(statsTimes, reads, parts, seed);
        PrintCharts(charts);
        PrintExports(exports, exportRows);

        var statsMet = statsTimes.Median <= 1000;
        var beyond = reads.Total.Max - seed.InWeek;
        Goals.Print(
            "insight 1",
            "stats week <= 1 s on Azurite, reading no more entities than the cases in the period plus a constant",
            $"median {statsTimes.Median:F0} ms, p99 {statsTimes.P(0.99):F0} ms of {statsTimes.Count}; entities/run "
                + $"{reads.Total.Max:N0} = the week {reads.Week.Max:N0} + the week before {reads.Previous.Max:N0} "
                + $"(for ▲/▼) + point reads {reads.Points.Max:N0}; {beyond:N0} beyond the period's {seed.InWeek:N0}; "
                + $"time {(statsMet ? "met" : "NOT met")}, entities {(beyond <= Constant ? "met" : "NOT met: the week before")}",
            statsMet && beyond <= Constant
        );
        var slowest = charts.MaxBy(c => c.Times.Median)!;
        Goals.Print(
            "insight 2",
            "the chart <= 200 ms",
            string.Join(
                "; ",
                charts.Select(c => $"{c.Name} median {c.Times.Median:F0} ms, p99 {c.Times.P(0.99):F0} ms")
            ) + $" (warm, {slowest.Times.Count} each)",
            slowest.Times.Median <= 200
        );
        var (small, large) = (exports.Csv[0], exports.Csv[^1]);
        var ratio = (double)large.LiveHeap / small.LiveHeap;
        Goals.Print(
            "insight 3",
            $"an export of {exportRows:N0} rows streamed with flat memory, in <= 3 s",
            $"CSV {large.Rows:N0} rows median {large.Times.Median:F0} ms (max {large.Times.Max:F0}), "
                + $"{large.Bytes / 1e6:F1} MB; live heap while streaming {Mb(small.LiveHeap)} at {small.Rows:N0} rows, "
                + $"{Mb(large.LiveHeap)} at {large.Rows:N0}: {ratio:F2}x for {(double)large.Rows / small.Rows:F0}x the "
                + $"rows (flat: <= {Flat:F2}x; sampled peaks {Mb(small.PeakHeap)} and {Mb(large.PeakHeap)})",
            large.Times.Median <= 3000 && ratio <= Flat
        );
        Console.WriteLine($"  the insight part took {clock.Elapsed.TotalMinutes:F1} min");
    }

    /// <summary>What a read may cost beyond the period's own cases: the point read of <c>filed|ready</c>, and some.</summary>
    private const int Constant = 10;

    /// <summary>Flat memory: the larger export's live heap within this factor of the smaller one's.</summary>
    private const double Flat = 1.5;

    private static string Range(Stats s) => s.Min == s.Max ? $"{s.Min:N0}" : $"{s.Min:N0}-{s.Max:N0}";

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):F1} MB";

    /// <summary>The seed must read back through the bot's own store, or the figures mean nothing.</summary>
    private static async Task CheckSeedAsync(TableCaseStore store, InsightPeriod week, InsightSeedSummary seed)
    {
        if (!await store.IsFiledIndexReadyAsync(CancellationToken.None))
        {
            throw new InvalidOperationException("filed|ready is missing.");
        }

        var filed = 0;
        await foreach (
            var _ in store.ListFiledAsync(week.From, week.To, CaseFilter.None, false, CancellationToken.None)
        )
        {
            filed++;
        }

        if (filed != seed.InWeek)
        {
            throw new InvalidOperationException(
                $"The filing index holds {filed} cases in the week, not {seed.InWeek}."
            );
        }

        var first = await store.GetAsync(1, CancellationToken.None);
        var copy = await store
            .ListFiledAsync(
                seed.FiledAt[0],
                seed.FiledAt[0].AddSeconds(1),
                CaseFilter.None,
                true,
                CancellationToken.None
            )
            .SingleAsync();
        if (
            first is not { Case.State: CaseState.Resolved, Version: 4 }
            || copy.Number != 1
            || copy.Resolution != first.Case.Resolution
            || copy.Report.Partner != first.Case.Report.Partner
        )
        {
            throw new InvalidOperationException(
                "ESC-1 does not read back as resolved at version 4, as its filed| copy."
            );
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
