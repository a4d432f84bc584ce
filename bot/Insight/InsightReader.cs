using System.Text.Json;
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
/// Reads the figures of a period from the filing index: the cases filed in it, and the period before's figures (kept
/// for an hour, else its cases too); never every case ever filed (<see cref="ICaseStore.ListFiledAsync"/>).
/// </summary>
public sealed class InsightReader(ICaseStore store, CasePolicy policy, TimeProvider clock)
{
    /// <summary>The most cases one period's figures read; past it the answer asks for a narrower period.</summary>
    public const int MaxCases = 20_000;

    /// <summary>How long the period before's figures are reused before they are worked out again.</summary>
    public static readonly TimeSpan ComparisonKeptFor = TimeSpan.FromHours(1);

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
        // The period and the comparison at once: each is at most one range of the filing index.
        var reading = ReadAsync(period, filter, cancellationToken);
        var comparing = period.Previous is { } previous
            ? PriorAsync(previous, filter, now, cancellationToken)
            : Task.FromResult<(PriorFigures?, bool)>((null, false));
        var (filed, (prior, tooMany)) = (await reading, await comparing);
        if (filed is null || tooMany)
        {
            return new StatsRead(null, InsightRefusal.TooMany);
        }

        return new StatsRead(InsightStats.Of(period, filter, filed, prior, policy, now), null);
    }

    /// <summary>
    /// The figures of the period before, kept for <see cref="ComparisonKeptFor"/> once worked out: they change only
    /// as its last open cases move, and a comparison an hour old serves. So repeated stats of a period read only it.
    /// </summary>
    private async Task<(PriorFigures? Figures, bool TooMany)> PriorAsync(
        InsightPeriod previous,
        CaseFilter filter,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var key = $"{previous.From.ToUnixTimeSeconds()}|{previous.To.ToUnixTimeSeconds()}|{filter}";
        if (await store.GetFiguresAsync(key, cancellationToken) is { } kept && now - kept.At < ComparisonKeptFor)
        {
            return (JsonSerializer.Deserialize<PriorFigures>(kept.Json), false);
        }

        if (await ReadAsync(previous, filter, cancellationToken) is not { } before)
        {
            return (null, true);
        }

        var figures = InsightStats.PriorOf(before, policy, now);
        await store.PutFiguresAsync(key, JsonSerializer.Serialize(figures), now, cancellationToken);
        return (figures, false);
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
