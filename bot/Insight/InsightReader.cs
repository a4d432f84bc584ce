using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>What reading a period's figures came to: the figures, or why there are none.</summary>
public sealed record StatsRead(InsightStats? Stats, InsightRefusal? Refusal);

public enum InsightRefusal
{
    /// <summary>The filing index is still being built after an upgrade: no figures rather than a read of every case.</summary>
    Preparing,

    /// <summary>More cases than one card's figures are worth reading: a narrower period or filter.</summary>
    TooMany,
}

/// <summary>
/// Reads the figures of a period from the filing index: the cases filed in it and in the period before, never
/// every case ever filed (<see cref="ICaseStore.ListFiledAsync"/>).
/// </summary>
public sealed class InsightReader(ICaseStore store, CasePolicy policy, TimeProvider clock)
{
    /// <summary>The most cases one period's figures read; past it the answer asks for a narrower period.</summary>
    public const int MaxCases = 20_000;

    public async Task<StatsRead> StatsAsync(
        InsightPeriod period,
        CaseFilter filter,
        CancellationToken cancellationToken
    )
    {
        if (!await store.IsFiledIndexReadyAsync(cancellationToken))
        {
            return new StatsRead(null, InsightRefusal.Preparing);
        }

        var now = clock.GetUtcNow();
        // The two periods at once: each is one range of the filing index.
        var reading = ReadAsync(period, filter, cancellationToken);
        var readingBefore = period.Previous is { } previous
            ? ReadAsync(previous, filter, cancellationToken)
            : Task.FromResult<List<Case>?>([]);
        var (filed, before) = (await reading, await readingBefore);
        if (filed is null || before is null)
        {
            return new StatsRead(null, InsightRefusal.TooMany);
        }

        var prior = period.Previous is null ? null : InsightStats.PriorOf(before, policy, now);
        return new StatsRead(InsightStats.Of(period, filter, filed, prior, policy, now), null);
    }

    /// <summary>The period's cases, partial; null past <see cref="MaxCases"/>.</summary>
    private async Task<List<Case>?> ReadAsync(
        InsightPeriod period,
        CaseFilter filter,
        CancellationToken cancellationToken
    )
    {
        var cases = new List<Case>();
        await foreach (var c in store.ListFiledAsync(period.From, period.To, filter, false, cancellationToken))
        {
            if (cases.Count == MaxCases)
            {
                return null;
            }

            cases.Add(c);
        }

        return cases;
    }
}
