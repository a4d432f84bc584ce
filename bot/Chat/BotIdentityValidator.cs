using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>
/// Checks the bot's identity on start, with messages that name the setting to fix. The MicrosoftApp* keys sit at
/// the top of the configuration, where the Bot Framework SDK reads them, so they are read here directly.
/// </summary>
public sealed class BotIdentityValidator(IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<BotOptions>
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMsi";
    public static readonly string[] AppTypes = [SingleTenant, UserAssignedMsi, MultiTenant];

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var problems = new List<string>();
        var appType = configuration["MicrosoftAppType"];
        var appId = configuration["MicrosoftAppId"];
        var password = configuration["MicrosoftAppPassword"];
        var tenantId = configuration["MicrosoftAppTenantId"];
        if (!string.IsNullOrWhiteSpace(appType) && !AppTypes.Contains(appType, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"MicrosoftAppType is '{appType}': use {string.Join(", ", AppTypes)}.");
        }

        if (string.IsNullOrWhiteSpace(appId))
        {
            if (IsProduction(environment) && !options.AllowAnonymous)
            {
                problems.Add(
                    $"MicrosoftAppId is empty in the {environment.EnvironmentName} environment: the bot would "
                        + "accept requests without a Bot Connector token and reply to any serviceUrl they name. Set the bot's "
                        + "identity (MicrosoftAppType, MicrosoftAppId, MicrosoftAppTenantId, and MicrosoftAppPassword unless "
                        + "UserAssignedMsi), or set Bot:AllowAnonymous=true on a closed network only."
                );
            }
        }
        else if (
            string.Equals(appType, SingleTenant, StringComparison.OrdinalIgnoreCase)
            || string.Equals(appType, UserAssignedMsi, StringComparison.OrdinalIgnoreCase)
        )
        {
            var msi = string.Equals(appType, UserAssignedMsi, StringComparison.OrdinalIgnoreCase);
            if (string.IsNullOrWhiteSpace(tenantId))
            {
                problems.Add(
                    $"MicrosoftAppType is {appType} but MicrosoftAppTenantId is empty: set it to the bot's Entra tenant id."
                );
            }

            if (msi && !string.IsNullOrWhiteSpace(password))
            {
                problems.Add(
                    "MicrosoftAppType is UserAssignedMsi, which needs no MicrosoftAppPassword: remove it (the managed identity signs in)."
                );
            }
            else if (!msi && string.IsNullOrWhiteSpace(password))
            {
                problems.Add(
                    "MicrosoftAppType is SingleTenant but MicrosoftAppPassword is empty: set the app registration's client secret."
                );
            }
        }

        if (options.AllowedTenants.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("Bot:AllowedTenants has an empty entry: list Entra tenant ids.");
        }

        if (options.PublicUrl is { } url && PublicUrlProblem(url, IsProduction(environment)) is { } problem)
        {
            problems.Add(problem);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? PublicUrlProblem(Uri url, bool production) =>
        !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            ? $"Bot:PublicUrl is '{url}': give an absolute http(s) address, such as https://escalations.example.com."
        : production && url.Scheme != Uri.UriSchemeHttps
            ? $"Bot:PublicUrl is '{url}': use https outside Development and Testing (Teams loads card images only over https)."
        : !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)
            ? $"Bot:PublicUrl is '{url}': give the base address alone, without a query or fragment."
        : null;

    /// <summary>Every environment but Development and Testing is treated as production: Production, Staging, ….</summary>
    public static bool IsProduction(IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
}
