using System.Net;
using System.Security.Claims;
using EscalationBot.Cases;
using EscalationBot.Roster;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace EscalationBot.Jobs;

/// <summary>
/// Who may open the Hangfire dashboard. LocalOnly (the default): requests from this machine, that is a loopback
/// remote address and no forwarding header naming anyone else. AppServiceAuthentication: leads only, known by the
/// Entra object id App Service authentication passes (see <see cref="AppServiceAuthenticationHandler"/>), so a
/// lead must be listed in Roster:Leads as aad:{object id}. Hangfire answers a refusal with 403 when someone is signed in
/// and 401 otherwise.
/// </summary>
public sealed class DashboardAccessFilter(IOptionsMonitor<JobsOptions> options, TeamRoster roster)
    : IDashboardAuthorizationFilter
{
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Real-IP", "Forwarded"];

    public bool Authorize(DashboardContext context) => Allows(context.GetHttpContext());

    public bool Allows(HttpContext http) =>
        string.Equals(
            options.CurrentValue.Dashboard.Authentication,
            DashboardAuthentication.AppServiceAuthentication,
            StringComparison.OrdinalIgnoreCase
        )
            ? IsLead(http.User)
            : IsLocal(http);

    /// <summary>Only a local request may change jobs (delete, requeue, trigger); everyone else gets a read-only dashboard.</summary>
    public static bool IsReadOnly(DashboardContext context) => !IsLocal(context.GetHttpContext());

    public static bool IsLocal(HttpContext http)
    {
        if (!IsLoopback(http.Connection.RemoteIpAddress))
        {
            return false;
        }

        // A proxy on this machine is loopback too: believe it is local only if every client it names is.
        foreach (var header in ForwardingHeaders)
        {
            foreach (var value in http.Request.Headers[header])
            {
                foreach (
                    var entry in (value ?? "").Split(
                        ',',
                        StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
                    )
                )
                {
                    var address = header == "Forwarded" ? ForwardedFor(entry) : entry;
                    if (address is null)
                    {
                        continue; // a Forwarded element without for= names no client
                    }

                    if (!IsLoopback(ParseAddress(address)))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private bool IsLead(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.FindFirst(AppServiceAuthenticationHandler.ObjectIdClaim)?.Value is { Length: > 0 } objectId
        && roster.RoleOf(PersonId.OfObjectId(objectId)) == Role.Lead;

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The for= value of one element of an RFC 7239 Forwarded header, e.g. <c>for="[::1]:4711";proto=http</c>.</summary>
    private static string? ForwardedFor(string element)
    {
        foreach (var pair in element.Split(';', StringSplitOptions.TrimEntries))
        {
            if (pair.StartsWith("for=", StringComparison.OrdinalIgnoreCase))
            {
                return pair[4..];
            }
        }

        return null;
    }

    /// <summary>An address as proxies write it: <c>203.0.113.7</c>, <c>203.0.113.7:51234</c> (App Service adds the port),
    /// <c>2001:db8::1</c>, <c>"[2001:db8::1]:4711"</c>. Anything else (<c>unknown</c>, obfuscated names) is not an address.</summary>
    private static IPAddress? ParseAddress(string text)
    {
        var value = text.Trim().Trim('"');
        if (value.StartsWith('['))
        {
            var end = value.IndexOf(']');
            value = end > 0 ? value[1..end] : value;
        }
        else if (value.Count(c => c == ':') == 1)
        {
            value = value[..value.IndexOf(':')];
        }

        return IPAddress.TryParse(value, out var address) ? address : null;
    }
}
