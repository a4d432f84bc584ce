using System.Diagnostics;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Sla;
using Microsoft.Bot.Schema;

namespace EscalationBot.Benchmarks;

/// <summary>What the seed wrote.</summary>
internal sealed record SeedSummary(
    int Cases,
    int Open,
    long Entities,
    int DueRows,
    int LeftoverDueRows,
    int SentRecords,
    int DoneRows,
    TimeSpan Took,
    string OpenMix
);

/// <summary>
/// A Cases table as it looks after two years of use: <c>cases</c> cases, the newest <c>open</c> of them open.
/// Every case goes through the real rules (<see cref="CaseRules"/>: filed, posted to the queue, claimed, noted or
/// asked, resolved) and is written as the bot writes it, 100 rows per batch, in key order. An open case has its case
/// row, its open-index row, an audit row per change and its duplicate-check key rows; each reminder of its schedule
/// (<see cref="SlaSchedule.Of"/>, at the production targets) is a due-index row if it lies ahead and a delivery record
/// if it has passed (sent, as the chaser leaves it). Index rows an earlier version of a case wrote stay until they come
/// due, as in the bot (a claimed case keeps its first-response rows): those are "leftover" rows, for recently
/// closed cases too. A closed case has its case row (at version 4) and the audit rows of its filing and its
/// resolution only, not those of its claim and queue post, nor its key rows or delivery records: none of the reads
/// measured touch them, and Azurite's writes slow down with every entity already in the table (it keeps a sorted
/// index per key in an array). Its copy as resolved (<c>done|</c>), which the handover digest reads by range, is
/// written only if it was resolved at or after <c>resolvedSince</c> (none if null).
/// </summary>
internal static partial class CaseTableSeed
{
    private static readonly Person Reporter = new("pm-1", "Pat Partner-Manager");
    private static readonly Actor Specialist = new(new Person("spec-1", "Sam Specialist"), Role.Specialist);
    private static readonly PolicyArea[] Areas = Enum.GetValues<PolicyArea>();
    private const string Queue = "19:queue@thread.tacv2";

    private static readonly string ReporterAddress = ConversationAddress.Of(
        new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            Bot = new ChannelAccount("28:bot-id", "EscalationBot"),
            User = new ChannelAccount(Reporter.Id, Reporter.Name),
            Conversation = new ConversationAccount(false, "personal", "a:personal-pm-1", tenantId: "tenant-1"),
        }
    );

    public static async Task<SeedSummary> WriteAsync(
        TableClient table,
        int cases,
        int open,
        DateTimeOffset now,
        SlaOptions sla,
        CasePolicy policy,
        DateTimeOffset? resolvedSince = null
    )
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(5);
        var counts = new Counts();
        // Azurite inserts fastest at the end of its RowKey index.
        var rows = Rows(cases, open, now, sla, policy, resolvedSince, random, counts)
            .OrderBy(e => e.RowKey, StringComparer.Ordinal);
        var entities = await AddAllAsync(table, rows, watch);

        // The id counter, as CreateAsync leaves it.
        await table.AddEntityAsync(new TableEntity(StorageFormats.Partition, "counter") { ["Last"] = cases });
        await table.AddEntityAsync(StorageFormats.KeysIndexed);
        entities += 2;
        return new SeedSummary(
            cases,
            open,
            entities,
            counts.Due,
            counts.Leftover,
            counts.Sent,
            counts.Done,
            watch.Elapsed,
            counts.Mix()
        );
    }

    private sealed class Counts
    {
        public int Due,
            Leftover,
            Sent,
            Done;
        public readonly Dictionary<string, int> Open = [];

        public string Mix() => string.Join(", ", Open.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"));
    }

    /// <summary>Adds <paramref name="rows"/> (in key order) 100 to a batch, 4 batches at once, telling progress every 15 s.</summary>
    private static async Task<long> AddAllAsync(TableClient table, IEnumerable<TableEntity> rows, Stopwatch watch)
    {
        long entities = 0;
        using var progress = new Timer(
            _ =>
                Console.Error.WriteLine(
                    $"  seeding: {Interlocked.Read(ref entities):N0} entities in {watch.Elapsed.TotalSeconds:F0} s"
                ),
            null,
            TimeSpan.FromSeconds(15),
            TimeSpan.FromSeconds(15)
        );
        await Parallel.ForEachAsync(
            rows.Chunk(100),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (batch, ct) =>
            {
                await table.SubmitTransactionAsync(
                    batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)),
                    ct
                );
                Interlocked.Add(ref entities, batch.Length);
            }
        );
        return entities;
    }

    private static IEnumerable<TableEntity> Rows(
        int cases,
        int open,
        DateTimeOffset now,
        SlaOptions sla,
        CasePolicy policy,
        DateTimeOffset? resolvedSince,
        Random random,
        Counts counts
    )
    {
        // Closed: filed evenly over two years up to a day ago, resolved within their resolution target.
        var closed = cases - open;
        var first = now - TimeSpan.FromDays(730);
        for (var n = 1; n <= closed; n++)
        {
            var filedAt = first + ((now - TimeSpan.FromDays(1) - first) * ((double)n / closed));
            foreach (
                var row in ClosedCase(n, filedAt, PickSeverity(random), now, sla, policy, resolvedSince, random, counts)
            )
            {
                yield return row;
            }
        }

        // Open: aged up to 1.2 resolution targets of their severity (a few have breached), oldest first.
        var ages = Enumerable
            .Range(0, open)
            .Select(_ => PickSeverity(random))
            .Select(s => (Severity: s, Age: sla.For(s).Resolution * (1.2 * random.NextDouble())))
            .OrderByDescending(x => x.Age)
            .ToList();
        for (var i = 0; i < open; i++)
        {
            foreach (
                var row in OpenCase(
                    closed + i + 1,
                    now - ages[i].Age,
                    ages[i].Severity,
                    now,
                    sla,
                    policy,
                    random,
                    counts
                )
            )
            {
                yield return row;
            }
        }
    }

    /// <summary>Sev1 5%, Sev2 20%, Sev3 40%, Sev4 35%.</summary>
    private static Severity PickSeverity(Random random) =>
        random.NextDouble() switch
        {
            < 0.05 => Severity.Sev1,
            < 0.25 => Severity.Sev2,
            < 0.65 => Severity.Sev3,
            _ => Severity.Sev4,
        };
}
