using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>A period and a filter, as "stats", "export" and the weekly report ask for them.</summary>
public sealed record InsightQuery(InsightPeriod Period, CaseFilter Filter, string FilterText)
{
    /// <summary>Reads "[period] [filters]"; the refusal says what was not understood and what is.</summary>
    public static (InsightQuery? Query, string? Refusal) Parse(string? text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var (period, filters, error) = InsightPeriod.Parse(text, now, zone);
        if (period is null)
        {
            return (null, $"{error} Periods: {InsightPeriod.Words}.");
        }

        var (filter, unknown) = CaseFilter.Parse(filters);
        if (unknown is not null)
        {
            var shown = unknown.Length > 30 ? unknown[..30] + "…" : unknown;
            return (
                null,
                $"I don't know the period or filter \"{shown}\". Periods: {InsightPeriod.Words}. Filters: {CaseFilter.Words}."
            );
        }

        return (new InsightQuery(period, filter, filters), null);
    }

    public static string Explain(InsightRefusal? refusal) =>
        refusal switch
        {
            InsightRefusal.Preparing =>
                "The figures are being prepared after an upgrade: every case is being indexed by filing time. Try again in a few minutes.",
            _ =>
                $"That period holds more than {InsightReader.MaxCases:N0} cases: ask for a shorter period or add a filter, or use export.",
        };
}
