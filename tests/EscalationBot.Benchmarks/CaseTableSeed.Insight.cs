using System.Diagnostics;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Sla;

namespace EscalationBot.Benchmarks;

/// <summary>What the insight seed wrote: the cases, how many were filed in the week and the week before, and when.</summary>
internal sealed record InsightSeedSummary(
    int Cases,
    int InWeek,
    int InPreviousWeek,
    int OpenInWeek,
    long Entities,
    TimeSpan Took,
    IReadOnlyList<DateTimeOffset> FiledAt
);

/// <summary>
/// The Cases table the insight reads meet (<see cref="InsightBenchmark"/>): <c>cases</c> cases, the last
/// <c>inWeek</c> of them filed evenly in the measured week up to an hour before <c>now</c>, the others evenly over the
/// two years before it. Each case goes through the real rules (filed, posted, claimed, resolved, as far as
/// <c>now</c> lets it) and is written as the bot writes it: its <c>case|</c> row and its copy in the filing index
/// (<c>filed|</c>), both at its version, and <c>filed|ready</c>. Nothing else (audit, due-index and key rows) is
/// written: the insight reads touch none of it, and Azurite's writes and queries slow with every entity in the table.
/// </summary>
internal static partial class CaseTableSeed
{
    private static readonly string[] Partners =
    [
        "Example News",
        "Daily Ledger",
        "Civic Watch",
        "Harbour Times",
        "Open Forum",
        "Metro Voice",
        "Signal Desk",
        "Northern Post",
    ];

    public static async Task<InsightSeedSummary> WriteInsightAsync(
        TableClient table,
        int cases,
        int inWeek,
        DateTimeOffset weekFrom,
        DateTimeOffset now,
        SlaOptions sla,
        CasePolicy policy
    )
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(15);
        var older = cases - inWeek;
        var first = weekFrom - TimeSpan.FromDays(730);
        var last = now - TimeSpan.FromHours(1);
        var filedAt = Enumerable
            .Range(1, cases)
            .Select(n =>
                n <= older
                    ? first + ((weekFrom - first) * ((n - 0.5) / older))
                    : weekFrom + ((last - weekFrom) * ((double)(n - older - 1) / inWeek))
            )
            .Select(t => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds()))
            .ToList();
        var versions = new (Case Case, int Version)[cases];
        for (var n = 1; n <= cases; n++)
        {
            versions[n - 1] = Insight(n, filedAt[n - 1], now, sla, policy, random);
        }

        // In key order (Azurite inserts fastest at the end of its RowKey index): case| rows sort before filed| rows.
        var rows = versions
            .Select(v => StorageFormats.CaseEntity(v.Case, StorageFormats.CaseKey(v.Case.Number), v.Version))
            .Concat(
                versions.Select(v =>
                    StorageFormats.CaseEntity(v.Case, StorageFormats.FiledKey(v.Case.FiledAt, v.Case.Number), v.Version)
                )
            );
        var entities = await AddAllAsync(table, rows, watch);

        await table.AddEntityAsync(new TableEntity(StorageFormats.Partition, "counter") { ["Last"] = cases });
        await table.AddEntityAsync(StorageFormats.FiledReady);
        entities += 2;
        var weekCases = versions[older..].Select(v => v.Case).ToList();
        return new InsightSeedSummary(
            cases,
            weekCases.Count,
            filedAt.Count(t => t >= weekFrom - TimeSpan.FromDays(7) && t < weekFrom),
            weekCases.Count(c => c.IsOpen),
            entities,
            watch.Elapsed,
            filedAt
        );
    }

    /// <summary>One case as far as <paramref name="now"/> has taken it: resolved, claimed or still new.</summary>
    private static (Case Case, int Version) Insight(
        int n,
        DateTimeOffset filedAt,
        DateTimeOffset now,
        SlaOptions sla,
        CasePolicy policy,
        Random random
    )
    {
        var severity = PickSeverity(random);
        var targets = sla.For(severity);
        var filed = Filed(n, filedAt, severity, sla, random).Case;
        var c = filed with { Report = filed.Report with { Partner = Partners[random.Next(Partners.Length)] } };
        var version = 1;
        var claimedAt = filedAt + (targets.FirstResponse * (0.1 + random.NextDouble()));
        var resolvedAt = claimedAt + (targets.Resolution * (0.05 + (0.9 * random.NextDouble())));
        (c, version) = (Posted(c, filedAt.AddSeconds(2)).Case, version + 1);
        if (claimedAt < now)
        {
            (c, version) = (Apply(CaseRules.Claim(c, Specialist, claimedAt, policy)).Case, version + 1);
        }

        if (resolvedAt < now)
        {
            var outcome = random.NextDouble() < 0.8 ? Outcome.Actioned : Outcome.NoViolation;
            var resolved = CaseRules.Resolve(c, Specialist, outcome, "Reviewed and decided.", resolvedAt, policy);
            (c, version) = (Apply(resolved).Case, version + 1);
        }

        return (c, version);
    }
}
