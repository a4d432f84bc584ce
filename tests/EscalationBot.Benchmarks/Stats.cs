namespace EscalationBot.Benchmarks;

/// <summary>Order statistics of a sample: the upper median and nearest-rank percentiles.</summary>
internal sealed class Stats
{
    private readonly double[] sorted;

    public Stats(IEnumerable<double> values)
    {
        sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }
    }

    public int Count => sorted.Length;
    public double Median => sorted[sorted.Length / 2];
    public double Min => sorted[0];
    public double Max => sorted[^1];

    public double P(double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * quantile) - 1, 0, sorted.Length - 1)];
}
