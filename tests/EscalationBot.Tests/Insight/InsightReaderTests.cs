using System.Runtime.CompilerServices;
using System.Text.Json;
using EscalationBot.Cases;
using EscalationBot.Insight;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EscalationBot.Tests.Insight;

/// <summary>
/// What a stats read asks of the store: its own period every time, and the period before only when the comparison
/// kept for it is missing or older than <see cref="InsightReader.ComparisonKeptFor"/>.
/// </summary>
public sealed class InsightReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
    private readonly Mock<ICaseStore> store = new();
    private readonly List<DateTimeOffset> rangesRead = [];
    private (string Json, DateTimeOffset At)? kept;

    public InsightReaderTests()
    {
        store.Setup(s => s.IsFiledIndexReadyAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        store
            .Setup(s =>
                s.ListFiledAsync(
                    It.IsAny<DateTimeOffset>(),
                    It.IsAny<DateTimeOffset>(),
                    It.IsAny<CaseFilter>(),
                    false,
                    It.IsAny<CancellationToken>()
                )
            )
            .Returns(
                (DateTimeOffset from, DateTimeOffset _, CaseFilter _, bool _, CancellationToken _) =>
                {
                    rangesRead.Add(from);
                    return Cases(
                        from < Now.AddDays(-1) ? InsightStatsTests.FiveCases().Take(2) : InsightStatsTests.FiveCases()
                    );
                }
            );
        store.Setup(s => s.GetFiguresAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => kept);
        store
            .Setup(s =>
                s.PutFiguresAsync(
                    It.IsAny<string>(),
                    It.IsAny<string>(),
                    It.IsAny<DateTimeOffset>(),
                    It.IsAny<CancellationToken>()
                )
            )
            .Callback((string _, string json, DateTimeOffset at, CancellationToken _) => kept = (json, at))
            .Returns(Task.CompletedTask);
    }

    private static async IAsyncEnumerable<Case> Cases(
        IEnumerable<Case> cases,
        [EnumeratorCancellation] CancellationToken _ = default
    )
    {
        foreach (var c in cases)
        {
            yield return c;
        }

        await Task.CompletedTask;
    }

    private async Task<InsightStats> StatsAsync(FakeTimeProvider clock)
    {
        var (period, _, _) = InsightPeriod.Parse("today", clock.GetUtcNow(), TimeZoneInfo.Utc);
        var read = await new InsightReader(store.Object, CasePolicy.Default, clock).StatsAsync(
            period!,
            CaseFilter.None,
            default
        );
        return read.Stats!;
    }

    [Fact]
    public async Task The_period_before_is_read_once_then_its_figures_are_reused_for_an_hour()
    {
        var clock = new FakeTimeProvider(Now);

        var first = await StatsAsync(clock);
        Assert.Equal(2, rangesRead.Count); // today, and yesterday for the comparison
        Assert.Equal(2, first.Prior!.Filed);

        clock.Advance(TimeSpan.FromMinutes(59));
        var second = await StatsAsync(clock);
        Assert.Equal(3, rangesRead.Count); // today alone
        Assert.Equal(JsonSerializer.Serialize(first.Prior), JsonSerializer.Serialize(second.Prior));

        clock.Advance(TimeSpan.FromMinutes(2));
        await StatsAsync(clock);
        Assert.Equal(5, rangesRead.Count); // kept over an hour: worked out again
    }
}
