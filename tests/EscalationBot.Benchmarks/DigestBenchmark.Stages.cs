using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Shifts;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Testing;
using Newtonsoft.Json;

namespace EscalationBot.Benchmarks;

/// <summary>How <see cref="DigestBenchmark"/> times a stage and checks what the send stage posted.</summary>
internal static partial class DigestBenchmark
{
    /// <summary>
    /// A post counts only if it reached Teams: the job says it posted, and the connector received exactly two new
    /// posts, both handover cards, each under <see cref="TeamsLimit"/>.
    /// </summary>
    private static async Task CheckPostedAsync(
        RecordingConnector connector,
        IHandoverStore handovers,
        ShiftRun run,
        int postsBefore,
        string result,
        Sent sent
    )
    {
        var posts = connector.Calls.Where(c => c.IsPost).Skip(postsBefore).ToList();
        if (
            result != $"posted to {Bindings.Leads},{Bindings.Queue}"
            || posts.Count != 2
            || posts.Any(p =>
                p.Card?["body"]?[0]?.Value<string>("text")?.StartsWith("Handover", StringComparison.Ordinal) != true
            )
        )
        {
            throw new InvalidOperationException(
                $"The digest of {run.Name} {run.Start:u} was not posted to both channels: '{result}', {posts.Count} new posts."
            );
        }

        foreach (var post in posts)
        {
            var cardBytes = Encoding.UTF8.GetByteCount(post.Card!.ToString(Formatting.None));
            if (cardBytes >= TeamsLimit)
            {
                throw new InvalidOperationException(
                    $"The digest card posted to {post.ConversationId} is {cardBytes:N0} bytes of JSON: over Teams' {TeamsLimit:N0}."
                );
            }

            var activity = post.Body.ToString(Formatting.None);
            sent.MaxCardBytes = Math.Max(sent.MaxCardBytes, cardBytes);
            sent.MaxActivityBytes = Math.Max(sent.MaxActivityBytes, Encoding.UTF8.GetByteCount(activity));
            sent.MaxActivityBytes16 = Math.Max(sent.MaxActivityBytes16, Encoding.Unicode.GetByteCount(activity));
        }

        var digest =
            await handovers.GetAsync(run.Index, run.Start, CancellationToken.None)
            ?? throw new InvalidOperationException($"The digest of {run.Name} {run.Start:u} is not stored.");
        sent.Last = digest;
        sent.Late += digest.View.LateNote is null ? 0 : 1;
        var resolved =
            digest.View.Sections.FirstOrDefault(s => s.Title.StartsWith("Resolved", StringComparison.Ordinal))?.Total
            ?? 0;
        sent.Resolved.Add(
            resolved > 0
                ? resolved
                : throw new InvalidOperationException(
                    $"The digest of {run.Name} {run.Start:u} has no resolutions: the seed left its outgoing shift empty."
                )
        );
    }

    /// <summary>One stage's times and process-wide allocation per run; the <see cref="WarmUp"/> runs are not kept.</summary>
    private sealed class Stage(string name, int runs)
    {
        private readonly double[] times = new double[runs];
        private readonly double[] allocated = new double[runs];

        public string Name => name;
        public Stats Times => new(times);
        public Stats Allocated => new(allocated);

        /// <summary>Times <paramref name="act"/>; <paramref name="check"/> runs after it, untimed.</summary>
        public async Task RunAsync<T>(int run, Func<Task<T>> act, Func<T, Task>? check = null)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = await act();
            var elapsed = watch.Elapsed.TotalMilliseconds;
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (check is not null)
            {
                await check(result);
            }

            if (run >= WarmUp)
            {
                times[run - WarmUp] = elapsed;
                allocated[run - WarmUp] = bytes;
            }
        }
    }

    /// <summary>What the posts of the send stage looked like.</summary>
    private sealed class Sent
    {
        public readonly List<int> Resolved = [];
        public PostedDigest? Last;
        public int Late,
            MaxCardJsonBytes,
            MaxCardBytes,
            MaxActivityBytes,
            MaxActivityBytes16;
    }

    /// <summary>
    /// Gives the seeded open cases their summary rows with the bot's own backfill, as a first start after the
    /// upgrade does; the bot's start then finds them all.
    /// </summary>
    private static async Task<(int Rows, TimeSpan Took)> BackfillAsync(TableClient table)
    {
        var watch = Stopwatch.StartNew();
        var rows = await new TableCaseStore(table).SummariseAsync(CancellationToken.None);
        return (rows, watch.Elapsed);
    }

    /// <summary>The summaries read must be what the column read gives: same cases, same columns.</summary>
    private static async Task SameAsColumnsAsync(TableCaseStore store, IReadOnlyList<Case>? summarised, int open)
    {
        var columns = await store.ListOpenFromColumnsAsync(CaseFilter.None, CancellationToken.None);
        if (
            summarised is null
            || summarised.Count != open
            || System.Text.Json.JsonSerializer.Serialize(summarised)
                != System.Text.Json.JsonSerializer.Serialize(columns)
        )
        {
            throw new InvalidOperationException(
                $"The summaries read ({summarised?.Count.ToString() ?? "not ready"}) differ from the {columns.Count} open rows."
            );
        }
    }

    /// <summary>The open index read for its numbers alone: the least any read of it takes.</summary>
    private static async Task<int> CountOpenAsync(TableClient table)
    {
        var count = 0;
        var where = CaseColumns.OpenWhere(CaseFilter.None);
        await foreach (var _ in table.QueryAsync<TableEntity>(where, select: ["Number"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Removes the seed's reminders due before the end of <see cref="Quiet"/>; returns how many.</summary>
    private static async Task<int> QuietAsync(TableReminderStore reminders)
    {
        var due = await reminders.DueByAsync(DateTimeOffset.UtcNow + Quiet, CancellationToken.None);
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (row, ct) => await reminders.ForgetAsync(row.RowKey, ct)
        );
        return due.Count;
    }

    /// <summary>What <see cref="HandoverDigests.NowAsync"/> reads, read once: the run in progress hands over to the next.</summary>
    private static async Task<DigestInput> OnDemandInputAsync(ICaseStore store, ShiftSchedule schedule)
    {
        var now = DateTimeOffset.UtcNow;
        var current =
            schedule.Current(now) ?? throw new InvalidOperationException("The default rota has no run in progress.");
        return new DigestInput(
            "Handover now",
            schedule.Next(now),
            current,
            await store.ListOpenForDigestAsync(CaseFilter.None, CancellationToken.None),
            await store.ListResolvedForDigestAsync(current.Start, now, CancellationToken.None),
            schedule.Definition(current.Index).MemberIds.ToHashSet(),
            now
        );
    }
}
