using EscalationBot.Cards.Insight;
using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Insight;

/// <summary>The stats' charts as PNGs, computed afresh from the period and filter their link names.</summary>
public sealed class ChartContent(InsightKind kind, InsightReader reader, StatsChart chart) : IInsightContent
{
    public InsightKind Kind => kind;
    public string ContentType => "image/png";

    public async Task<bool> WriteAsync(InsightLink link, Stream body, CancellationToken cancellationToken)
    {
        if (LinkQuery.Of(link) is not { } query)
        {
            return false;
        }

        // Only the period itself: a chart has no comparison with the period before.
        var period = new InsightPeriod("", query.From, query.To, null);
        if ((await reader.StatsAsync(period, query.Filter, cancellationToken)).Stats is not { } stats)
        {
            return false;
        }

        var png =
            kind == InsightKind.VolumeChart
                ? chart.Volume(stats.Days)
                : chart.Areas(stats.Breakdowns[InsightStats.AreaBreakdown]);
        await body.WriteAsync(png, cancellationToken);
        return true;
    }
}

/// <summary>The signed links of a period's two charts, for the stats card and the weekly report.</summary>
public sealed class InsightCharts(
    IInsightLinks links,
    IOptions<InsightOptions> options,
    CasePolicy policy,
    TimeProvider clock
)
{
    /// <summary>The charts' images; none when the bot knows no public address (a job, with no Bot:PublicUrl).</summary>
    public IReadOnlyList<ChartImage> For(InsightPeriod period, string filterText, string requestedById)
    {
        var expires = clock.GetUtcNow() + options.Value.ChartLinkLifetime;
        var day = TimeZoneInfo
            .ConvertTime(period.From, policy.Zone)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var link = new InsightLink(InsightKind.VolumeChart, requestedById, expires)
        {
            From = period.From,
            To = period.To,
            Filter = filterText,
        };
        var volume = links.Create(link, $"filed-{day}.png");
        var areas = links.Create(link with { Kind = InsightKind.AreaChart }, $"areas-{day}.png");
        return volume is null || areas is null
            ? []
            :
            [
                new ChartImage(
                    volume.AbsoluteUri,
                    "Cases filed per day, stacked by severity, with the share of targets met"
                ),
                new ChartImage(areas.AbsoluteUri, "Cases filed by policy area"),
            ];
    }
}
