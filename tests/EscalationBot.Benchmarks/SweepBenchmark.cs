using System.Diagnostics;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Testing;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EscalationBot.Benchmarks;

/// <summary>
/// What one SLA sweep costs against a table that has seen years of use (<see cref="CaseTableSeed"/>), next to the
/// reads a sweep could have done instead: every open case (the open index), or every case ever filed.
/// <list type="bullet">
/// <item>the store's read: <see cref="TableReminderStore.DueByAsync"/> up to now + <see cref="SlaOptions.SweepInterval"/>
/// + <see cref="SlaChaser.Tolerance"/>;</item>
/// <item>the sweep itself: a real <see cref="SlaSweeper"/> on Hangfire.InMemory with a <see cref="BackgroundJobClient"/>, new
/// for each run so that, as at start, every row it reads gets a job (nothing runs the jobs);</item>
/// <item>an empty range (nothing is due before 1970): what any query costs on this store before it returns a row.</item>
/// </list>
/// </summary>
internal static class SweepBenchmark
{
    public static async Task RunAsync(int cases, int open, int runs, int fullScans)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("SweepBenchCases");
        await table.CreateIfNotExistsAsync();

        var sla = new SlaOptions(); // the production targets and sweep interval
        var policy = CasePolicy.Default;
        var seed = await CaseTableSeed.WriteAsync(table, cases, open, DateTimeOffset.UtcNow, sla, policy);

        var store = new TableCaseStore(table, policy);
        var reminders = new TableReminderStore(table);
        await CheckSeedAsync(store, reminders, seed);

        // Rows that fell due while the table was written: in service the chaser would have dealt with them and removed
        // them, so a sweep would not meet them.
        var fellDue = await reminders.DueByAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        foreach (var row in fellDue)
        {
            await reminders.ForgetAsync(row.RowKey, CancellationToken.None);
        }

        var jobs = new BackgroundJobClient(new InMemoryStorage());
        var options = new FixedOptions<SlaOptions>(sla);
        var lookAhead = sla.SweepInterval + SlaChaser.Tolerance;
        var (first, end) = (StorageFormats.CasePrefix, StorageFormats.End(StorageFormats.CasePrefix));
        var caseRows = TableClient.CreateQueryFilter(
            $"PartitionKey eq {StorageFormats.Partition} and RowKey ge {first} and RowKey lt {end}"
        );

        var measurements = new List<(string Name, Sample Sample)>
        {
            await MeasureAsync(
                $"sweep read: DueByAsync(now + {lookAhead.TotalSeconds:F0} s)",
                runs,
                async () =>
                    (await reminders.DueByAsync(DateTimeOffset.UtcNow + lookAhead, CancellationToken.None)).Count
            ),
            await MeasureAsync(
                "sweep: SlaSweeper.SweepAsync, new each run",
                runs,
                async () =>
                {
                    var sweeper = new SlaSweeper(
                        reminders,
                        jobs,
                        new SweepSignal(),
                        options,
                        TimeProvider.System,
                        NullLogger<SlaSweeper>.Instance
                    );
                    var result = await sweeper.SweepAsync(CancellationToken.None);
                    return result.Scheduled == result.RowsRead
                        ? result.RowsRead
                        : throw new InvalidOperationException(
                            $"A new sweeper scheduled {result.Scheduled} of {result.RowsRead} rows."
                        );
                }
            ),
            await MeasureAsync(
                "empty range: DueByAsync(1970)",
                runs,
                async () => (await reminders.DueByAsync(DateTimeOffset.UnixEpoch, CancellationToken.None)).Count
            ),
            await MeasureAsync(
                "open index: ListOpenAsync",
                Math.Max(3, runs / 3),
                async () => (await store.ListOpenAsync(CancellationToken.None)).Count
            ),
            // The slowest by far on Azurite (it tests the whole table again for each page of 1,000): no warm-up run.
            await MeasureAsync(
                "full scan: every case| row",
                fullScans,
                async () =>
                {
                    var read = 0;
                    await foreach (var _ in table.QueryAsync<TableEntity>(caseRows))
                    {
                        read++;
                    }

                    return read;
                },
                warmUp: false
            ),
        };

        Console.WriteLine();
        Console.WriteLine(
            $"SLA sweep cost: {seed.Cases:N0} stored cases, {seed.Open:N0} open, {seed.Entities:N0} entities in the "
                + $"one 'cases' partition, written in {seed.Took.TotalSeconds:F0} s;"
        );
        Console.WriteLine(
            $"  real Azurite (in-memory) on {Environment.ProcessorCount} cores; production targets, sweep interval {sla.SweepInterval.TotalSeconds:F0} s"
        );
        Console.WriteLine($"  open cases by severity and state: {seed.OpenMix}");
        Console.WriteLine(
            $"  due-index rows: {seed.DueRows:N0} (of which {seed.LeftoverDueRows:N0} left over from an earlier "
                + $"version of their case; {fellDue.Count} fell due while"
        );
        Console.WriteLine(
            $"  seeding and were removed, as the chaser would have); delivery records: {seed.SentRecords:N0}"
        );
        Console.WriteLine(
            $"{"read", -48}{"runs", 6}{"median ms", 11}{"p99 ms", 10}{"max ms", 10}{"entities/run", 14}{"x sweep", 9}"
        );
        var sweep = measurements[0].Sample.Times.Median;
        foreach (var (name, sample) in measurements)
        {
            var read =
                sample.Entities.Min == sample.Entities.Max
                    ? $"{sample.Entities.Min:N0}"
                    : $"{sample.Entities.Min:N0}-{sample.Entities.Max:N0}";
            Console.WriteLine(
                $"{name, -48}{sample.Times.Count, 6}{sample.Times.Median, 11:F1}{sample.Times.P(0.99), 10:F1}"
                    + $"{sample.Times.Max, 10:F1}{read, 14}{sample.Times.Median / sweep, 9:F2}"
            );
        }

        Console.WriteLine(
            $"  (p99 of {runs} runs is their maximum.) Azurite answers every query by testing each entity of the table, so on it"
        );
        Console.WriteLine(
            "  even the empty range pays for the whole table; Table Storage serves a range by its keys. Compare entities read."
        );
    }

    /// <summary>The seed must read back through the bot's own stores, or the figures mean nothing.</summary>
    private static async Task CheckSeedAsync(TableCaseStore store, TableReminderStore reminders, SeedSummary seed)
    {
        var openCases = await store.ListOpenAsync(CancellationToken.None);
        if (openCases.Count != seed.Open)
        {
            throw new InvalidOperationException($"The open index holds {openCases.Count} cases, not {seed.Open}.");
        }

        var due = await reminders.DueByAsync(DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None);
        if (due.Count != seed.DueRows)
        {
            throw new InvalidOperationException($"The due index holds {due.Count} rows, not {seed.DueRows}.");
        }

        if (await store.GetAsync(1, CancellationToken.None) is not { Case.State: CaseState.Resolved, Version: 4 })
        {
            throw new InvalidOperationException("ESC-1 does not read back as a resolved case at version 4.");
        }
    }

    private static async Task<(string, Sample)> MeasureAsync(
        string name,
        int runs,
        Func<Task<int>> read,
        bool warmUp = true
    )
    {
        Console.Error.WriteLine($"  measuring: {name}, {runs} runs");
        if (warmUp)
        {
            await read();
        }

        var times = new double[runs];
        var entities = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            entities[i] = await read();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        return (name, new Sample(new Stats(times), new Stats(entities)));
    }

    private sealed record Sample(Stats Times, Stats Entities);

    /// <summary>Options that never change, for building the sweeper without a host.</summary>
    private sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
