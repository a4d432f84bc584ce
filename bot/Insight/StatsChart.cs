using System.Globalization;
using EscalationBot.Cases;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EscalationBot.Insight;

/// <summary>
/// The stats' two charts, as 800×400 PNGs: cases filed per day stacked by severity with the share of targets met,
/// and cases by policy area. ScottPlot renders with Skia, headless; its types stay in this file.
/// </summary>
public sealed class StatsChart
{
    public const int Width = 800;
    public const int Height = 400;

    private static readonly (Severity Severity, Color Color)[] Severities =
    [
        (Severity.Sev1, Color.FromHex("#B71C1C")),
        (Severity.Sev2, Color.FromHex("#EF6C00")),
        (Severity.Sev3, Color.FromHex("#F9A825")),
        (Severity.Sev4, Color.FromHex("#78909C")),
    ];

    private static readonly Color Targets = Color.FromHex("#1565C0");

    /// <summary>Bars per day stacked by severity, and the share of targets met on the right axis (0–100%).</summary>
    public byte[] Volume(IReadOnlyList<DayVolume> days)
    {
        var plot = new Plot();
        plot.Title("Cases filed per day");
        plot.YLabel("Cases filed");
        plot.XLabel("Day (team time)");
        var bars = new List<Bar>();
        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            var below = 0.0;
            foreach (var (severity, color) in Severities)
            {
                var count = day.FiledBySeverity.GetValueOrDefault(severity);
                if (count > 0)
                {
                    bars.Add(
                        new Bar
                        {
                            Position = i,
                            ValueBase = below,
                            Value = below + count,
                            FillColor = color,
                            LineWidth = 0,
                        }
                    );
                    below += count;
                }
            }
        }

        plot.Add.Bars(bars);
        foreach (var (severity, color) in Severities)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = severity.ToString(), FillColor = color });
        }

        var met = days.Select((d, i) => (X: (double)i, Share: d.TargetsMetShare))
            .Where(p => p.Share is not null)
            .ToList();
        if (met.Count > 0)
        {
            var line = plot.Add.Scatter(
                met.Select(p => p.X).ToArray(),
                met.Select(p => p.Share!.Value * 100).ToArray()
            );
            line.Axes.YAxis = plot.Axes.Right;
            line.Color = Targets;
            line.LineWidth = 2;
            line.MarkerSize = 5;
        }

        plot.Legend.ManualItems.Add(
            new LegendItem
            {
                LabelText = "Targets met",
                LineColor = Targets,
                LineWidth = 2,
            }
        );
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.Right.Label.Text = "Targets met";
        plot.Axes.Right.TickGenerator = new NumericAutomatic { LabelFormatter = v => $"{v:0}%" };
        plot.Axes.SetLimitsY(0, 105, plot.Axes.Right);

        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 10.0));
        var ticks = days.Select((d, i) => (d, i)).Where(p => p.i % step == 0).ToList();
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            ticks.Select(p => (double)p.i).ToArray(),
            ticks.Select(p => p.d.Day.ToString("ddd d MMM", CultureInfo.InvariantCulture)).ToArray()
        );
        var top = days.Count == 0 ? 0 : days.Max(d => d.FiledBySeverity.Values.Sum());
        // At least a scale of 5 when the period is quiet.
        plot.Axes.SetLimitsY(0, Math.Max(5, top * 1.1), plot.Axes.Left);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsX(-0.6, Math.Max(days.Count, 1) - 0.4);
        if (days.Sum(d => d.FiledBySeverity.Values.Sum()) == 0)
        {
            plot.Add.Annotation("No cases filed in this period", Alignment.MiddleCenter);
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Horizontal bars by policy area (or whatever the labels are), the first at the top.</summary>
    public byte[] Areas(IReadOnlyList<LabelledCount> bars)
    {
        var plot = new Plot();
        plot.Title("Cases filed by policy area");
        plot.XLabel("Cases filed");
        var items = bars.Select(
                (b, i) =>
                    new Bar
                    {
                        Position = bars.Count - 1 - i,
                        Value = b.Count,
                        FillColor = Targets,
                        LineWidth = 0,
                        Label = b.Count.ToString(CultureInfo.InvariantCulture),
                    }
            )
            .ToList();
        var plotted = plot.Add.Bars(items);
        plotted.Horizontal = true;
        plot.Axes.Left.TickGenerator = new NumericManual(
            bars.Select((_, i) => (double)(bars.Count - 1 - i)).ToArray(),
            bars.Select(b => b.Label).ToArray()
        );
        var most = bars.Count == 0 ? 0 : bars.Max(b => b.Count);
        plot.Axes.SetLimitsX(0, Math.Max(5, most * 1.15));
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsY(-0.6, Math.Max(bars.Count, 1) - 0.4);
        if (most == 0)
        {
            plot.Add.Annotation("No cases filed in this period", Alignment.MiddleCenter);
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
