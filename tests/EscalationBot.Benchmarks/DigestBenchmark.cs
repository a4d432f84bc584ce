using System.Text;
using Azure.Data.Tables;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Shifts;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EscalationBot.Benchmarks;

/// <summary>
/// What it takes to build and send the handover digest with thousands of open cases (issue 6): the real bot
/// (<see cref="BotHost"/>) on its own Azurite, its Cases table seeded before it starts (<see cref="CaseTableSeed"/>,
/// with the copies as resolved that a digest reads), the queue and the leads' channel bound, a recording connector
/// as Teams, the default rota.
/// <list type="bullet">
/// <item>read whole rows: <see cref="ICaseStore.ListOpenAsync"/>, the open index with every column, as the digest
/// read it before issue 13: the reference;</item>
/// <item>read digest columns: <see cref="TableCaseStore.ListOpenFromColumnsAsync"/>, the open index, only the columns
/// the digest shows, as every digest read it before the summary rows;</item>
/// <item>read summaries: <see cref="TableCaseStore.ListOpenFromSummariesAsync"/>, the summary rows, as every digest
/// reads them now (<see cref="ICaseStore.ListOpenForDigestAsync"/>); the seed has none (it writes past the bot), so
/// the backfill the bot runs at start writes them first, timed on its own;</item>
/// <item>floor: the same rows' numbers alone, what any read of the open index costs here (Azurite's scans, below);</item>
/// <item>build: <see cref="HandoverDigests.NowAsync"/>, as <c>handover</c> on demand: that read, the outgoing shift's
/// resolutions and the view;</item>
/// <item>build only: <see cref="HandoverDigest.Build"/> on input read beforehand, the CPU alone;</item>
/// <item>card: <see cref="HandoverCard.Build"/> and <see cref="CardJson.Serialize"/> of the digest just posted, which
/// must stay under <see cref="TeamsLimit"/>;</item>
/// <item>build and send: <see cref="HandoverJob.PostAsync"/>, as at a boundary, for a different past run each time
/// (its delivery record turns a second post of the same run into nothing), each checked to have posted both cards.</item>
/// </list>
/// The stages take turns, one run of each at a time. Allocation is the whole process's
/// (<see cref="GC.GetTotalAllocatedBytes"/>, which counts every thread, as async code needs): it includes the
/// recording connector receiving the posts and any background work of the host at the time, hence the median.
/// </summary>
internal static partial class DigestBenchmark
{
    /// <summary>
    /// The smallest size limit Teams publishes for a posted message (Workflows posts, about 28 KB; bots get more),
    /// on the card's JSON: the digest shows a few entries per section, so it must stay far below it at any load.
    /// </summary>
    private const int TeamsLimit = 28 * 1024;

    /// <summary>
    /// No reminder may go out while digests are measured: the seed's reminders due this soon are removed before the
    /// bot starts, and its sweep runs at the longest interval allowed, so that it reads nothing due before then either.
    /// The SLA benchmarks measure the chase; here it would only post into the bound channels.
    /// </summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    /// <summary>Untimed runs of each stage before the timed ones: the first reads run while the JIT is still recompiling the hot paths.</summary>
    private const int WarmUp = 3;

    public static async Task RunAsync(int open, int closed, int runs)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(
            azurite,
            connector,
            extra: new Dictionary<string, string?>
            {
                ["Hangfire:SchedulePollingInterval"] = "00:00:01", // the production default; BotHost sets 200 ms for tests
                ["Sla:SweepInterval"] = SweepInterval.ToString(),
            }
        );

        // The bot keeps cases, reminders and digests in its "Cases" table (TablesRegistration), under BotHost's prefix.
        var now = DateTimeOffset.UtcNow;
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(host.TablePrefix + "Cases");
        await table.CreateIfNotExistsAsync();
        var seed = await CaseTableSeed.WriteAsync(
            table,
            open + closed,
            open,
            now,
            new SlaOptions(),
            CasePolicy.Default,
            resolvedSince: now - TimeSpan.FromDays(10)
        );
        var quieted = await QuietAsync(new TableReminderStore(table));
        var backfill = await BackfillAsync(table);

        var activities = new Activities(connector);
        await host.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel)); // starts the bot
        await host.SendAsync(activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));

        var services = host.Services;
        var store = services.GetRequiredService<TableCaseStore>();
        var digests = services.GetRequiredService<HandoverDigests>();
        var schedule = services.GetRequiredService<ShiftSchedule>();
        var handovers = services.GetRequiredService<IHandoverStore>();
        var policy = services.GetRequiredService<CasePolicy>();
        var items = services.GetRequiredService<IOptions<ShiftsOptions>>().Value.DigestItems;
        using var scope = services.CreateScope(); // as Hangfire runs a job
        var job = scope.ServiceProvider.GetRequiredService<HandoverJob>();

        var listed = await store.ListOpenAsync(CancellationToken.None);
        if (listed.Count != open)
        {
            throw new InvalidOperationException(
                $"The bot's open index holds {listed.Count} cases, not {open}: the seed went to another table."
            );
        }

        // Past runs a day back and more, where the seed's resolutions come at a steady rate (it files its closed cases
        // up to a day ago); the first ones warm up.
        var past = schedule
            .StartingBetween(now - TimeSpan.FromDays(9), now - TimeSpan.FromDays(1))
            .TakeLast(WarmUp + runs)
            .ToList();
        if (past.Count != WarmUp + runs)
        {
            throw new InvalidOperationException(
                $"The rota has {past.Count} runs in those 8 days, not the {WarmUp + runs} needed."
            );
        }

        // The stages take turns, so that whatever drifts on a shared machine meets them all alike.
        var input = await OnDemandInputAsync(store, schedule);
        var buttons = ChatSender.ButtonsFor("msteams");
        var sent = new Sent();
        var read = new Stage("read whole rows: ICaseStore.ListOpenAsync", runs);
        var readDigest = new Stage("read digest columns: ListOpenFromColumnsAsync", runs);
        var readSummaries = new Stage("read summaries: ListOpenFromSummariesAsync", runs);
        var floor = new Stage("floor: the open rows' numbers only", runs);
        var build = new Stage("build: HandoverDigests.NowAsync", runs);
        var buildOnly = new Stage("build only: HandoverDigest.Build", runs);
        var card = new Stage("card: HandoverCard.Build + CardJson", runs);
        var send = new Stage("build and send: HandoverJob.PostAsync", runs);
        var postsBefore = connector.Calls.Count(c => c.IsPost);
        Console.Error.WriteLine($"  measuring: 8 stages in turn, {WarmUp} runs to warm up and {runs} timed");
        for (var i = 0; i < WarmUp + runs; i++)
        {
            var run = past[i];
            var posts = postsBefore + (2 * i);
            await read.RunAsync(
                i,
                () => store.ListOpenAsync(CancellationToken.None),
                cases =>
                    cases.Count == open
                        ? Task.CompletedTask
                        : throw new InvalidOperationException($"Read {cases.Count} open cases, not {open}.")
            );
            await readDigest.RunAsync(
                i,
                () => store.ListOpenFromColumnsAsync(CaseFilter.None, CancellationToken.None),
                cases =>
                    cases.Count == open
                        ? Task.CompletedTask
                        : throw new InvalidOperationException($"Read {cases.Count} open cases, not {open}.")
            );
            await readSummaries.RunAsync(
                i,
                () => store.ListOpenFromSummariesAsync(CaseFilter.None, CancellationToken.None),
                cases => SameAsColumnsAsync(store, cases, open)
            );
            await floor.RunAsync(
                i,
                () => CountOpenAsync(table),
                count =>
                    count == open
                        ? Task.CompletedTask
                        : throw new InvalidOperationException($"Read {count} open rows, not {open}.")
            );
            await build.RunAsync(i, () => digests.NowAsync(CancellationToken.None));
            await buildOnly.RunAsync(i, () => Task.FromResult(HandoverDigest.Build(input, policy, items)));
            await send.RunAsync(
                i,
                () => job.PostAsync(run.Index, run.Start.ToUnixTimeSeconds(), null, CancellationToken.None),
                result => CheckPostedAsync(connector, handovers, run, posts, result, sent)
            );
            await card.RunAsync(
                i,
                () => Task.FromResult(CardJson.Serialize(HandoverCard.Build(sent.Last!.View.ToView(), buttons))),
                json =>
                {
                    var bytes = Encoding.UTF8.GetByteCount(json);
                    sent.MaxCardJsonBytes = Math.Max(sent.MaxCardJsonBytes, bytes);
                    return bytes < TeamsLimit
                        ? Task.CompletedTask
                        : throw new InvalidOperationException(
                            $"The digest card is {bytes:N0} bytes of JSON: over Teams' {TeamsLimit:N0}."
                        );
                }
            );
        }

        Console.WriteLine();
        Console.WriteLine(
            $"Handover digest: {seed.Open:N0} open cases among {seed.Cases:N0} stored, {seed.Entities:N0} entities "
                + $"in the one 'cases' partition, written in {seed.Took.TotalSeconds:F0} s;"
        );
        Console.WriteLine(
            $"  the real bot on real Azurite (in-memory), Teams as a recording connector, "
                + $"{Environment.ProcessorCount} cores; default rota, {items} entries per section"
        );
        Console.WriteLine($"  open cases by severity and state: {seed.OpenMix}");
        Console.WriteLine(
            $"  copies as resolved (done|): {seed.DoneRows:N0}, the last 10 days; reminders due within "
                + $"{Quiet.TotalMinutes:F0} min removed: {quieted:N0} (none goes out while measuring)"
        );
        Console.WriteLine(
            $"  posted: the digests of {past.Count} past runs, {past[0].Name} "
                + $"{past[0].Start.UtcDateTime:yyyy-MM-dd HH:mm} to {past[^1].Name} {past[^1].Start.UtcDateTime:yyyy-MM-dd HH:mm} UTC, "
                + $"2 posts each, {sent.Late} saying they are late; resolved in the outgoing shift: {sent.Resolved.Min()}-{sent.Resolved.Max()}"
        );
        Console.WriteLine(
            $"  the last one: {string.Join(", ", sent.Last!.View.Sections.Select(s => $"{s.Title} {s.Total:N0}"))}"
        );
        Console.WriteLine(
            $"  summary rows: {backfill.Rows:N0} written by the backfill in {backfill.Took.TotalMilliseconds:F0} ms "
                + "before the bot started (its own backfill at start then found nothing to do)"
        );
        Console.WriteLine(
            $"{"stage", -48}{"runs", 6}{"median ms", 11}{"p99 ms", 10}{"max ms", 10}{"alloc KiB/run", 15}{"x read", 9}"
        );
        foreach (var row in new[] { read, readDigest, readSummaries, floor, build, buildOnly, card, send })
        {
            var (times, allocated) = (row.Times, row.Allocated);
            Console.WriteLine(
                $"{row.Name, -48}{times.Count, 6}{times.Median, 11:F2}{times.P(0.99), 10:F2}{times.Max, 10:F2}"
                    + $"{allocated.Median / 1024, 15:N0}{times.Median / read.Times.Median, 9:F3}"
            );
        }

        Console.WriteLine(
            $"  read summaries / read digest columns: {readSummaries.Times.Median / readDigest.Times.Median:F3} "
                + "(medians; each summary read checked equal to the column read)"
        );
        Console.WriteLine(
            $"  largest card: {sent.MaxCardJsonBytes:N0} bytes from CardJson (which writes · and … as \\u escapes), "
                + $"{sent.MaxCardBytes:N0} as posted; both checked under"
        );
        Console.WriteLine(
            $"  {TeamsLimit:N0}. Largest activity posted: {sent.MaxActivityBytes:N0} bytes, "
                + $"{sent.MaxActivityBytes16:N0} as UTF-16 (what Teams counts against a bot's 100 KB)."
        );
        Console.WriteLine(
            $"  (p99 of {runs} runs is their maximum; allocation is the median run's.) Azurite tests every entity of the table for each"
        );
        Console.WriteLine(
            $"  page of 1,000 a query returns, so its read of {open:N0} open cases grows with the whole table; Table Storage reads the range."
        );
    }
}
