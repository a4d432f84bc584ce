using EscalationBot.Chat;
using Microsoft.Extensions.Options;

namespace EscalationBot.Storage;

/// <summary>
/// Outside Development and Testing the bot needs ConnectionStrings:Tables, and one that is not the local emulator:
/// falling back to Azurite on the server would start a bot that answers every turn "please try again", or keeps
/// cases on a disk nobody backs up.
/// </summary>
public sealed class TablesConnectionValidator(IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<StorageOptions>
{
    public const string Name = "Tables";
    public const string Azurite = "UseDevelopmentStorage=true";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!BotIdentityValidator.IsProduction(environment))
        {
            return ValidateOptionsResult.Success;
        }

        var connection = configuration.GetConnectionString(Name);
        if (string.IsNullOrWhiteSpace(connection))
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:Tables is empty in the {environment.EnvironmentName} environment: "
                    + "set it to the Storage account's table endpoint (https://<account>.table.core.windows.net, signed in with "
                    + "the managed identity) or connection string (only Development and Testing fall back to Azurite)."
            );
        }

        if (TablesConnection.ServiceUri(connection) is { } uri)
        {
            // Azure.Core sends a bearer token only over TLS: fail at start, not on every turn.
            return uri.Scheme == Uri.UriSchemeHttps
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"ConnectionStrings:Tables is {uri} in the {environment.EnvironmentName} environment: the table "
                        + "service's address must be https, since the managed identity's token is sent only over TLS."
                );
        }

        return connection.Replace(" ", "").Contains(Azurite, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail(
                $"ConnectionStrings:Tables is {Azurite} (the local emulator) in the {environment.EnvironmentName} "
                    + "environment: set it to the Storage account's table endpoint or connection string."
            )
            : ValidateOptionsResult.Success;
    }
}
