using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// Production keeps no account key: ConnectionStrings:Tables is the table service's address, and the bot signs in with
/// DefaultAzureCredential. Here that is App Service's managed identity endpoint (IDENTITY_ENDPOINT, IDENTITY_HEADER: a
/// recording stand-in answering as App Service does) and Azurite over HTTPS checking bearer tokens, with the real bot
/// as a process of its own in the Production environment, so its console logs are JSON.
/// </summary>
public sealed class ManagedIdentityTests : IDisposable
{
    private const string ClientId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private const string TenantId = "00000000-0000-0000-0000-0000000000aa";
    private const string IdentityHeader = "app-service-identity-header";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("escalationbot-msi-");

    [Fact]
    public async Task Production_reaches_table_storage_with_the_managed_identity_and_logs_json()
    {
        var tls = TestCertificate.Create(folder.FullName);
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync(tls);
        await using var identity = await RecordingServer.StartAsync(_ => Results.Json(Token()));
        await using var bot = await BotProcess.StartAsync(Settings(azurite, identity, tls));

        var ready = await ReadyAsync(bot, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, ready);
        var asked = Assert.Single(identity.Requests.DistinctBy(r => r.Query["resource"]));
        Assert.Equal(ClientId, asked.Query["client_id"]);
        Assert.StartsWith("https://storage.azure.com", asked.Query["resource"]);
        Assert.Equal(IdentityHeader, asked.Headers["X-IDENTITY-HEADER"]);
        var lines = bot.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(Category(line) is not null, "Not a JSON log entry: " + line));
        Assert.Contains(lines, line => Category(line) == "Microsoft.Hosting.Lifetime");
    }

    [Fact]
    public async Task Without_a_token_from_the_identity_endpoint_the_bot_is_not_ready()
    {
        var tls = TestCertificate.Create(folder.FullName);
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync(tls);
        await using var identity = await RecordingServer.StartAsync(_ =>
            Results.Json(new { error = "invalid_request", error_description = "No such identity." }, statusCode: 400)
        );
        await using var bot = await BotProcess.StartAsync(Settings(azurite, identity, tls));

        var ready = await ReadyAsync(bot, HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.NotEmpty(identity.Requests);
    }

    private static Dictionary<string, string?> Settings(
        AzuriteProcess azurite,
        RecordingServer identity,
        TestCertificate tls
    ) =>
        new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppType"] = "UserAssignedMsi",
            ["MicrosoftAppId"] = ClientId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["Bot:AllowedTenants:0"] = TenantId,
            ["ConnectionStrings:Tables"] = azurite.TableEndpoint,
            ["Storage:TablePrefix"] = "Msi" + Guid.NewGuid().ToString("N")[..8],
            ["Insight:WeeklyReport:Enabled"] = "false",
            // What App Service sets for a web app with a user-assigned identity (AZURE_CLIENT_ID: the Bicep).
            ["AZURE_CLIENT_ID"] = ClientId,
            ["IDENTITY_ENDPOINT"] = identity.Address + "/msi/token",
            ["IDENTITY_HEADER"] = IdentityHeader,
            // Trust Azurite's self-signed certificate, as a server trusts Azure's.
            ["SSL_CERT_FILE"] = tls.CertificatePath,
        };

    /// <summary>What App Service's identity endpoint answers (api-version 2019-08-01): a token Azurite accepts.</summary>
    private static object Token()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JObject
        {
            ["aud"] = "https://storage.azure.com",
            ["iss"] = $"https://sts.windows.net/{TenantId}/",
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["oid"] = ClientId,
            ["tid"] = TenantId,
        };
        var token = string.Join(
            '.',
            Base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"),
            Base64Url(claims.ToString()),
            "c2ln"
        );
        return new
        {
            access_token = token,
            expires_on = (now + 3600).ToString(),
            resource = "https://storage.azure.com",
            token_type = "Bearer",
            client_id = ClientId,
        };
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<HttpStatusCode> ReadyAsync(BotProcess bot, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = bot.Address };
        return await Poll.UntilAsync(
            async () => (await http.GetAsync("/healthz/ready")).StatusCode,
            status => status == expected,
            $"/healthz/ready answers {expected}\n{bot.Output}",
            timeoutSeconds: 60
        );
    }

    /// <summary>The category of a JSON console log line, or null when the line is not one.</summary>
    private static string? Category(string line)
    {
        try
        {
            var entry = JObject.Parse(line);
            return entry.Value<string>("LogLevel") is not null && entry.Value<string>("Timestamp") is not null
                ? entry.Value<string>("Category")
                : null;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }

    public void Dispose() => folder.Delete(recursive: true);
}
