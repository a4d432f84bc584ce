using System.Globalization;
using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>
/// One case as an export row, for Excel and for SQL (infra/sql/cases.sql is the same columns): times in ISO 8601, UTC
/// and the team's local time; minutes to 2 places, waiting on the reporter excluded; a target's "met" empty while it
/// can still be met. The details (description, links, account) only in a lead's export with details.
/// </summary>
public static class ExportRow
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "id",
        "filed_utc",
        "filed_local",
        "claimed_utc",
        "claimed_local",
        "resolved_utc",
        "resolved_local",
        "severity",
        "policy_area",
        "platform",
        "partner",
        "state",
        "outcome",
        "owner",
        "first_response_min",
        "resolution_min",
        "first_response_met",
        "resolution_met",
        "reopen_count",
        "consult_count",
        "sensitive",
    ];

    public static readonly IReadOnlyList<string> DetailColumns = ["description", "content_urls", "account"];

    /// <summary>The row's cells, as text: what the CSV writes and the spreadsheet types.</summary>
    public static IReadOnlyList<string> Cells(CaseMeasure m, TimeZoneInfo zone, bool details)
    {
        var c = m.Case;
        var r = c.Report;
        var cells = new List<string>(Columns.Count + DetailColumns.Count)
        {
            c.Id,
            Utc(c.FiledAt),
            Local(c.FiledAt, zone),
            Utc(c.ClaimedAt),
            Local(c.ClaimedAt, zone),
            Utc(c.Resolution?.At),
            Local(c.Resolution?.At, zone),
            r.Severity.ToString(),
            r.PolicyArea.ToString(),
            r.Platform.ToString(),
            r.Partner,
            c.State.ToString(),
            c.Resolution?.Outcome.ToString() ?? "",
            c.Owner?.Name ?? "",
            Minutes(m.FirstResponse),
            Minutes(m.Resolution),
            Met(m.FirstResponseMet),
            Met(m.ResolutionMet),
            c.ReopenCount.ToString(CultureInfo.InvariantCulture),
            c.ConsultCount.ToString(CultureInfo.InvariantCulture),
            c.IsSensitive ? "true" : "false",
        };
        if (details)
        {
            cells.AddRange([r.Description, string.Join(" ", r.ContentUrls), r.Account]);
        }

        return cells;
    }

    /// <summary>Whether a column holds numbers, for the spreadsheet's cell types.</summary>
    public static bool IsNumber(int column) => column is 14 or 15 or 18 or 19;

    private static string Utc(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Local(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } t
            ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : "";

    private static string Minutes(TimeSpan? span) =>
        span?.TotalMinutes.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private static string Met(bool? met) =>
        met switch
        {
            true => "true",
            false => "false",
            null => "",
        };
}
