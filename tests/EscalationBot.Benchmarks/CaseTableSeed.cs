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
internal static class CaseTableSeed
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
        long entities = 0;
        // Azurite inserts fastest at the end of its RowKey index.
        var batches = Rows(cases, open, now, sla, policy, resolvedSince, random, counts)
            .OrderBy(e => e.RowKey, StringComparer.Ordinal)
            .Chunk(100);
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
            batches,
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

        // The id counter, as CreateAsync leaves it.
        await table.AddEntityAsync(new TableEntity(StorageFormats.Partition, "counter") { ["Last"] = cases });
        entities++;
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

    private static (Case Case, AuditEntry Audit) Filed(
        int number,
        DateTimeOffset at,
        Severity severity,
        SlaOptions sla,
        Random random
    )
    {
        var report = new CaseReport(
            random.Next(2) == 0 ? Platform.Facebook : Platform.Instagram,
            "Example News",
            $"https://www.facebook.com/examplepage{number}",
            [$"https://www.facebook.com/post/{number}"],
            Areas[random.Next(Areas.Length)],
            severity,
            null,
            "Coordinated threats against a journalist, with her home address, posted from several new accounts."
        );
        return (
            new Case(number, CaseState.New, report, Reporter, ReporterAddress, at, sla.For(severity)),
            new AuditEntry(number, at, Reporter, AuditAction.Filed, null, CaseState.New, report.Description)
        );
    }

    private static (Case Case, AuditEntry Audit) Posted(Case c, DateTimeOffset at) =>
        (
            c with
            {
                QueueMessageId = $"msg-{c.Number}",
                QueueConversationId = Queue,
            },
            new AuditEntry(c.Number, at, CaseRules.SystemActor, AuditAction.PostedToQueue, c.State, c.State)
        );

    private static (Case Case, AuditEntry Audit) Apply(Decision decision) =>
        decision switch
        {
            Decision.Accepted a => (a.Case, a.Audit),
            Decision.Refused r => throw new InvalidOperationException("The seed broke a case rule: " + r.Reason),
            _ => throw new InvalidOperationException(),
        };

    private static IEnumerable<TableEntity> ClosedCase(
        int n,
        DateTimeOffset filedAt,
        Severity severity,
        DateTimeOffset now,
        SlaOptions sla,
        CasePolicy policy,
        DateTimeOffset? resolvedSince,
        Random random,
        Counts counts
    )
    {
        var targets = sla.For(severity);
        var claimedAt = filedAt + (targets.FirstResponse * (0.1 + random.NextDouble()));
        var resolvedAt = Min(
            claimedAt + (targets.Resolution * (0.05 + (0.9 * random.NextDouble()))),
            now - TimeSpan.FromMinutes(5)
        );
        claimedAt = Min(claimedAt, resolvedAt - TimeSpan.FromMinutes(1));

        var versions = new List<(Case Case, AuditEntry Audit)> { Filed(n, filedAt, severity, sla, random) };
        versions.Add(Posted(versions[^1].Case, filedAt.AddSeconds(2)));
        versions.Add(Apply(CaseRules.Claim(versions[^1].Case, Specialist, claimedAt, policy)));
        versions.Add(
            Apply(
                CaseRules.Resolve(
                    versions[^1].Case,
                    Specialist,
                    Outcome.Actioned,
                    "Removed the posts and the accounts that shared the address.",
                    resolvedAt,
                    policy
                )
            )
        );
        var rows = CaseRows(versions, now, policy, counts);
        if (resolvedAt >= resolvedSince)
        {
            rows.Add(
                StorageFormats.CaseEntity(versions[^1].Case, StorageFormats.DoneKey(resolvedAt, n), versions.Count)
            );
            counts.Done++;
        }

        return rows;
    }

    private static IEnumerable<TableEntity> OpenCase(
        int n,
        DateTimeOffset filedAt,
        Severity severity,
        DateTimeOffset now,
        SlaOptions sla,
        CasePolicy policy,
        Random random,
        Counts counts
    )
    {
        var targets = sla.For(severity);
        var versions = new List<(Case Case, AuditEntry Audit)> { Filed(n, filedAt, severity, sla, random) };
        versions.Add(Posted(versions[^1].Case, filedAt.AddSeconds(2)));
        var claimedAt = filedAt + (targets.FirstResponse * (0.2 + random.NextDouble()));
        if (claimedAt < now - TimeSpan.FromMinutes(1) && random.NextDouble() < 0.9)
        {
            versions.Add(Apply(CaseRules.Claim(versions[^1].Case, Specialist, claimedAt, policy)));

            // Some activity within the last few hours, so that the owner has not gone quiet long enough to be relieved.
            var since = now - claimedAt;
            var activity = now - (Min(since, TimeSpan.FromHours(3.5)) * random.NextDouble());
            versions.Add(
                random.NextDouble() < 0.1
                    ? Apply(
                        CaseRules.AskReporter(
                            versions[^1].Case,
                            Specialist,
                            "Which of the accounts posted first?",
                            activity,
                            policy
                        )
                    )
                    : Apply(
                        CaseRules.Note(versions[^1].Case, Specialist, "Checked the linked accounts.", activity, policy)
                    )
            );
        }

        var state = versions[^1].Case.State;
        counts.Open[$"{severity} {state}"] = counts.Open.GetValueOrDefault($"{severity} {state}") + 1;
        return CaseRows(versions, now, policy, counts);
    }

    private static List<TableEntity> CaseRows(
        List<(Case Case, AuditEntry Audit)> versions,
        DateTimeOffset now,
        CasePolicy policy,
        Counts counts
    )
    {
        var c = versions[^1].Case;
        var rows = new List<TableEntity>
        {
            StorageFormats.CaseEntity(c, StorageFormats.CaseKey(c.Number), versions.Count),
        };
        if (c.IsOpen)
        {
            rows.Add(StorageFormats.CaseEntity(c, StorageFormats.OpenKey(c.Number), versions.Count));
            rows.AddRange(versions.Select((v, i) => StorageFormats.AuditEntity(v.Audit, i + 1)));
            rows.AddRange(
                DuplicateCheck
                    .Keys(c.Report)
                    .Select(key => new TableEntity(StorageFormats.Partition, StorageFormats.DuplicateKey(key, c.Number))
                    {
                        ["Number"] = c.Number,
                    })
            );
        }
        else
        {
            // Closed: the filing and the resolution only (see the class summary).
            rows.Add(StorageFormats.AuditEntity(versions[0].Audit, 1));
            rows.Add(StorageFormats.AuditEntity(versions[^1].Audit, versions.Count));
        }

        // The index: each version wrote the rows of its schedule. Past ones have been dealt with (sent, if the
        // current schedule still has them, else dropped and forgotten); future ones are still there.
        var current = SlaSchedule.Of(c, policy).ToDictionary(StorageFormats.DueKey);
        var written = versions.SelectMany(v => SlaSchedule.Of(v.Case, policy)).DistinctBy(StorageFormats.DueKey);
        foreach (var r in written)
        {
            var key = StorageFormats.DueKey(r);
            if (r.DueAt > now)
            {
                rows.Add(StorageFormats.ReminderEntity(r, key));
                counts.Due++;
                if (!current.ContainsKey(key))
                {
                    counts.Leftover++;
                }
            }
            else if (current.ContainsKey(key))
            {
                rows.Add(
                    StorageFormats.SentRecord(
                        r,
                        r.IsBreach ? "leads"
                            : c.Owner is { } o ? $"owner:{o.Id}"
                            : "queue"
                    )
                );
                counts.Sent++;
            }
        }

        return rows;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
