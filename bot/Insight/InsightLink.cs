namespace EscalationBot.Insight;

/// <summary>What a signed insight link serves.</summary>
public enum InsightKind
{
    /// <summary>Cases filed per day, stacked by severity, with the share of targets met (PNG).</summary>
    VolumeChart,

    /// <summary>Cases filed by policy area (PNG).</summary>
    AreaChart,
    Csv,
    Xlsx,

    /// <summary>The narrative report of one case (.docx).</summary>
    CaseReport,
}

/// <summary>
/// What a signed link names: the query, never its answer. The server checks the signature and
/// <see cref="ExpiresAt"/> and recomputes the content on every fetch, so a link carries no case content.
/// </summary>
public sealed record InsightLink(InsightKind Kind, string RequestedById, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// The requester of the weekly report's charts, made by a job for a shared channel: figures only, nobody's
    /// access to revoke. Allowed for charts alone.
    /// </summary>
    public const string TheBot = "bot:weekly-report";

    public bool IsChart => Kind is InsightKind.VolumeChart or InsightKind.AreaChart;

    /// <summary>The period, [From, To), for stats, charts and exports.</summary>
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>The filter words as typed (parsed again with <see cref="Cases.CaseFilter"/>).</summary>
    public string? Filter { get; init; }

    /// <summary>An export with descriptions, links and accounts (leads only).</summary>
    public bool Details { get; init; }
    public int? CaseNumber { get; init; }
}

/// <summary>Signs insight links and reads them back.</summary>
public interface IInsightLinks
{
    /// <summary>
    /// An absolute URL for <paramref name="link"/>, ending in <paramref name="fileName"/> (such as
    /// "stats-2026-11-23.png"); null when the bot knows no public address (a job, with no Bot:PublicUrl).
    /// </summary>
    Uri? Create(InsightLink link, string fileName);

    /// <summary>The link a token names; null when it is unsigned, tampered with or expired.</summary>
    InsightLink? Read(string token);
}

/// <summary>Produces what links of one <see cref="Kind"/> serve: one implementation per kind.</summary>
public interface IInsightContent
{
    InsightKind Kind { get; }
    string ContentType { get; }

    /// <summary>
    /// Writes the content to <paramref name="body"/>; false, before writing anything, when the requester may no
    /// longer have it (no longer staff, no longer the owner or a lead, the case gone): the endpoint answers 404.
    /// </summary>
    Task<bool> WriteAsync(InsightLink link, Stream body, CancellationToken cancellationToken);
}
