using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EscalationBot.Jobs;

/// <summary>
/// Reads who is signed in from Azure App Service authentication (Easy Auth). App Service signs the person in with
/// Entra ID before the request reaches the bot, removes any X-MS-CLIENT-PRINCIPAL-* header a client sent, and adds
/// its own: X-MS-CLIENT-PRINCIPAL-ID carries the Entra object id. Outside App Service anyone can send that header,
/// so it is believed only when Hangfire:Dashboard:Authentication is AppServiceAuthentication; otherwise nobody is
/// signed in. Knowing who is signed in lets the dashboard answer 403 to a signed-in non-lead and 401 to a stranger.
/// </summary>
public sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<JobsOptions> jobs
) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = DashboardAuthentication.AppServiceAuthentication;
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>The claim type Entra ID uses for the object id (as in its tokens).</summary>
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (
            !string.Equals(
                jobs.CurrentValue.Dashboard.Authentication,
                DashboardAuthentication.AppServiceAuthentication,
                StringComparison.OrdinalIgnoreCase
            )
        )
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var ids = Request.Headers[PrincipalIdHeader];
        if (ids.Count == 0 || string.IsNullOrWhiteSpace(ids[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (ids.Count > 1)
        {
            return Task.FromResult(AuthenticateResult.Fail($"More than one {PrincipalIdHeader} header."));
        }

        var id = ids[0]!.Trim();
        var claims = new List<Claim> { new(ObjectIdClaim, id), new(ClaimTypes.NameIdentifier, id) };
        var name = Request.Headers[PrincipalNameHeader].ToString();
        if (!string.IsNullOrWhiteSpace(name))
        {
            claims.Add(new Claim(ClaimTypes.Name, name));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
