using System.Buffers.Binary;
using EscalationBot.Cases;
using EscalationBot.Insight;

namespace EscalationBot.Tests.Insight;

/// <summary>The stats' charts are 800×400 PNGs of a sensible size, for busy and empty periods alike.</summary>
public sealed class StatsChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly StatsChart chart = new();

    public static IReadOnlyList<DayVolume> Days(int count, int seed = 15)
    {
        var random = new Random(seed);
        var first = new DateOnly(2026, 11, 2);
        return Enumerable
            .Range(0, count)
            .Select(i => new DayVolume(
                first.AddDays(i),
                new Dictionary<Severity, int>
                {
                    [Severity.Sev1] = random.Next(0, 12),
                    [Severity.Sev2] = random.Next(10, 60),
                    [Severity.Sev3] = random.Next(40, 160),
                    [Severity.Sev4] = random.Next(20, 90),
                },
                i == count - 1 ? null : 0.6 + (random.NextDouble() * 0.38)
            ))
            .ToList();
    }

    public static IReadOnlyList<LabelledCount> Areas() =>
        [
            new("Hate speech", 412),
            new("Violence and incitement", 301),
            new("Misinformation", 250),
            new("Child safety", 97),
            new("Harassment", 85),
            new("Other", 40),
        ];

    [Theory]
    [InlineData(7)]
    [InlineData(31)]
    public void A_periods_volume_chart_is_an_800_by_400_png_of_sensible_size(int days)
    {
        var png = chart.Volume(Days(days));

        AssertPng(png);
        Assert.InRange(png.Length, 5 * 1024, 200 * 1024);
    }

    [Fact]
    public void An_area_chart_is_an_800_by_400_png_of_sensible_size()
    {
        var png = chart.Areas(Areas());

        AssertPng(png);
        Assert.InRange(png.Length, 5 * 1024, 200 * 1024);
    }

    [Fact]
    public void An_empty_period_still_draws_both_charts()
    {
        var quietDays = Days(7)
            .Select(d => d with { FiledBySeverity = new Dictionary<Severity, int>(), TargetsMetShare = null });

        AssertPng(chart.Volume([]));
        AssertPng(chart.Volume(quietDays.ToList()));
        AssertPng(chart.Areas([]));
    }

    private static void AssertPng(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(400, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
