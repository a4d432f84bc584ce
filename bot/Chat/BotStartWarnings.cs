using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>Settings that are allowed but unwise, said once at start.</summary>
public sealed class BotStartWarnings(
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<BotOptions> options,
    ILogger<BotStartWarnings> logger
) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var hasAppId = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        var production = BotIdentityValidator.IsProduction(environment);
        if (production && hasAppId && options.Value.AllowedTenants.Count == 0)
        {
            logger.LogWarning(
                "Bot:AllowedTenants is empty: activities from every Entra tenant are served. List your tenant ids"
            );
        }

        if (production && !hasAppId && options.Value.AllowAnonymous)
        {
            logger.LogWarning(
                "Bot:AllowAnonymous is true: /api/messages takes requests without a token. Closed networks only"
            );
        }

        var appType = configuration["MicrosoftAppType"];
        if (
            hasAppId
            && (
                string.IsNullOrWhiteSpace(appType)
                || appType.Equals(BotIdentityValidator.MultiTenant, StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            logger.LogWarning(
                "MicrosoftAppType is MultiTenant, a legacy bot identity Azure no longer creates: prefer SingleTenant or UserAssignedMsi"
            );
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
