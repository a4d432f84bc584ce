using EscalationBot.Cases;
using EscalationBot.Roster;
using Microsoft.Net.Http.Headers;

namespace EscalationBot.Insight;

public static class InsightEndpoints
{
    /// <summary>Why a link was not served; logged as a code (the token and the content never are).</summary>
    public enum LinkRefusal
    {
        BadToken,
        NotStaff,
        NotLead,
        NoContent,
        Withdrawn,
    }

    /// <summary>
    /// GET /insight/{token}/{name}: what a signed link names, computed afresh. Anonymous, because Teams fetches card
    /// images without the user's credentials; the signature stands in for them, and the requester it names must still
    /// be staff (a lead, for details). Every refusal is the same 404, which tells a prober nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapInsightLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/insight/{token}/{name}", ServeAsync).AllowAnonymous();
        return app;
    }

    private static async Task ServeAsync(
        HttpContext http,
        string token,
        string name,
        IInsightLinks links,
        TeamRoster roster,
        IEnumerable<IInsightContent> contents,
        ILoggerFactory logs
    )
    {
        var logger = logs.CreateLogger(typeof(InsightEndpoints));
        var link = links.Read(token);
        // The last registered for a kind, as with any service: a host (a test) can put its own in front.
        var content = link is null ? null : contents.LastOrDefault(c => c.Kind == link.Kind);
        var refusal =
            link is null ? LinkRefusal.BadToken
            : Requester(link, roster) is { } refused ? refused
            : content is null ? LinkRefusal.NoContent
            : (LinkRefusal?)null;
        if (refusal is null)
        {
            var response = http.Response;
            response.ContentType = content!.ContentType;
            response.Headers.CacheControl = "private, no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            var disposition = new ContentDispositionHeaderValue(IsDownload(link!.Kind) ? "attachment" : "inline");
            disposition.SetHttpFileName(name);
            response.Headers.ContentDisposition = disposition.ToString();
            if (await content.WriteAsync(link, response.Body, http.RequestAborted))
            {
                logger.LogInformation("Insight {Kind} served to {RequesterId}", link.Kind, link.RequestedById);
                return;
            }

            refusal = LinkRefusal.Withdrawn;
            response.Clear();
        }

        logger.LogInformation(
            "Insight link refused ({Refusal}): {Kind} for {RequesterId}",
            refusal,
            link?.Kind,
            link?.RequestedById
        );
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>Why the link's requester may no longer have it: no longer staff, or no longer a lead for details.</summary>
    private static LinkRefusal? Requester(InsightLink link, TeamRoster roster)
    {
        if (link.RequestedById == InsightLink.TheBot)
        {
            return link.IsChart ? null : LinkRefusal.NotStaff;
        }

        var role = roster.RoleOf(link.RequestedById);
        return role == Role.Reporter ? LinkRefusal.NotStaff
            : link.Details && role != Role.Lead ? LinkRefusal.NotLead
            : null;
    }

    private static bool IsDownload(InsightKind kind) =>
        kind is InsightKind.Csv or InsightKind.Xlsx or InsightKind.CaseReport;
}
