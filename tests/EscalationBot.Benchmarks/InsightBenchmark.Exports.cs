using System.Diagnostics;
using EscalationBot.Cases;
using EscalationBot.Insight;
using EscalationBot.Storage;

namespace EscalationBot.Benchmarks;

/// <summary>
/// The exports of <see cref="InsightBenchmark"/>: each written whole into a stream that counts its bytes and discards
/// them. Timed runs: a thread samples the managed heap every millisecond, above the heap settled by a full collection
/// before the run (that peak holds garbage not yet collected: the gen0 budget, and pages promoted before they died).
/// Then one probe run, untimed, where the thread forces a full collection every 10 ms instead: the largest live heap it
/// finds above the settled one is what the export holds while it runs. A streamed
/// export holds a page of rows at a time, so that does not grow with the rows; one that kept them would grow with them.
/// </summary>
internal static partial class InsightBenchmark
{
    private sealed record ExportSample(
        string Kind,
        int Rows,
        Stats Times,
        long Bytes,
        long PeakHeap,
        long LiveHeap,
        long Allocated,
        int Collections
    );

    private sealed record Exports(List<ExportSample> Csv, List<ExportSample> Xlsx);

    private static async Task<Exports> MeasureExportsAsync(
        TableCaseStore store,
        CasePolicy policy,
        TimeProvider time,
        InsightPeriod week,
        DateTimeOffset since,
        int rows
    )
    {
        var now = time.GetUtcNow();
        var rowsOf = new ExportRows(store, policy, time);
        var csv = new CsvExport(rowsOf);
        var xlsx = new XlsxExport(rowsOf, policy, time);
        InsightLink Link(InsightKind kind, DateTimeOffset from) =>
            new(kind, "lead-1", now.AddHours(1)) { From = from, To = week.To };
        var small = week.From;
        return new Exports(
            [
                await ExportAsync(csv, Link(InsightKind.Csv, small), -1, runs: 5),
                await ExportAsync(csv, Link(InsightKind.Csv, since), rows, runs: 5),
            ],
            [
                await ExportAsync(xlsx, Link(InsightKind.Xlsx, small), -1, runs: 2),
                await ExportAsync(xlsx, Link(InsightKind.Xlsx, since), rows, runs: 3),
            ]
        );
    }

    /// <summary>Runs one export <paramref name="runs"/> times after a warm-up; -1 rows: as many as the CSV says.</summary>
    private static async Task<ExportSample> ExportAsync(IInsightContent content, InsightLink link, int rows, int runs)
    {
        var kind = content.Kind.ToString().ToUpperInvariant();
        Console.Error.WriteLine($"  measuring: {kind} export from {link.From:u}, {runs} runs after a warm-up");
        var warm = new CountingSink();
        await content.WriteAsync(link, warm, CancellationToken.None);
        var counted = warm.Lines - 1;
        if (content.Kind == InsightKind.Csv && rows >= 0 && counted != rows)
        {
            throw new InvalidOperationException($"The CSV export holds {counted} rows, not {rows}.");
        }

        var times = new double[runs];
        long peak = 0,
            allocated = 0;
        var collections = 0;
        var sink = new CountingSink();
        for (var i = 0; i < runs; i++)
        {
            sink = new CountingSink();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var (allocatedBefore, gen0Before) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
            using var sampler = new HeapSampler();
            var watch = Stopwatch.StartNew();
            if (!await content.WriteAsync(link, sink, CancellationToken.None))
            {
                throw new InvalidOperationException("The export refused its link.");
            }

            times[i] = watch.Elapsed.TotalMilliseconds;
            sampler.Stop();
            peak = Math.Max(peak, sampler.Peak - baseline);
            allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
            collections = Math.Max(collections, GC.CollectionCount(0) - gen0Before);
        }

        var live = await ProbeAsync(content, link);
        var total =
            content.Kind == InsightKind.Csv ? counted
            : rows < 0 ? -1
            : rows;
        return new ExportSample(kind, total, new Stats(times), sink.Bytes, peak, live, allocated, collections);
    }

    /// <summary>The largest live heap above the settled one, by a full collection every 10 ms while the export runs.</summary>
    private static async Task<long> ProbeAsync(IInsightContent content, InsightLink link)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new HeapSampler(live: true);
        await content.WriteAsync(link, new CountingSink(), CancellationToken.None);
        sampler.Stop();
        return sampler.Peak - baseline;
    }

    private static void PrintExports(Exports exports, int rows)
    {
        Console.WriteLine(
            $"{"export", -20}{"rows", 8}{"runs", 6}{"median ms", 11}{"max ms", 10}{"MB out", 8}{"peak heap", 11}"
                + $"{"live (probe)", 14}{"allocated", 11}{"gen0 GCs", 10}"
        );
        foreach (var e in exports.Csv.Concat(exports.Xlsx))
        {
            var shown = e.Rows < 0 ? exports.Csv[0].Rows : e.Rows;
            Console.WriteLine(
                $"{e.Kind + " into a null sink", -20}{shown, 8:N0}{e.Times.Count, 6}{e.Times.Median, 11:F0}"
                    + $"{e.Times.Max, 10:F0}{e.Bytes / 1e6, 8:F1}{Mb(e.PeakHeap), 11}{Mb(e.LiveHeap), 14}"
                    + $"{Mb(e.Allocated), 11}{e.Collections, 10}"
            );
        }

        Console.WriteLine(
            "  peak heap: the largest GC.GetTotalMemory sampled every ms above the settled heap, the largest of the runs; "
                + "live (probe):"
        );
        Console.WriteLine(
            "  the largest live heap above the settled one, by a full collection every 10 ms while the export runs "
                + $"(one untimed run); the {rows:N0}-row period starts {rows - exports.Csv[0].Rows:N0} cases before the week"
        );
    }

    /// <summary>Counts what is written, and its line feeds, and keeps nothing.</summary>
    private sealed class CountingSink : Stream
    {
        public long Bytes { get; private set; }
        public int Lines { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Bytes;

        public override long Position
        {
            get => Bytes;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Bytes += buffer.Length;
            Lines += buffer.Count((byte)'\n');
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// Samples the managed heap on its own thread until stopped: every millisecond as it is, or, <paramref name="live"/>,
    /// every 10 ms after a full collection.
    /// </summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread thread;
        private volatile bool stopped;

        private readonly bool live;

        public HeapSampler(bool live = false)
        {
            this.live = live;
            thread = new Thread(Sample) { IsBackground = true, Name = "heap sampler" };
            thread.Start();
        }

        public long Peak { get; private set; }

        private void Sample()
        {
            while (!stopped)
            {
                Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: live));
                Thread.Sleep(live ? 10 : 1);
            }
        }

        public void Stop()
        {
            stopped = true;
            thread.Join();
        }

        public void Dispose()
        {
            if (!stopped)
            {
                Stop();
            }
        }
    }
}
