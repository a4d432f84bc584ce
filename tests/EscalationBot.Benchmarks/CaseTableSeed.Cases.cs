using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Sla;

namespace EscalationBot.Benchmarks;

/// <summary>
/// Each case of <see cref="CaseTableSeed"/>: its versions through the real rules, and the rows they leave in the
/// table.
/// </summary>
internal static partial class CaseTableSeed
{
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
            rows.AddRange(DuplicateCheck.Keys(c.Report).Select(key => StorageFormats.DuplicateKey(key, c.Number)));
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
