using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EscalationBot.Tests.Deployment;

/// <summary>
/// What infra/azure/main.bicep would deploy with known parameters, as `bicep snapshot` predicts it offline: every
/// resource, with conditions applied, loops unrolled and names evaluated. Values that exist only once Azure has
/// created a resource (an identity's client id, a host name) are filled in as Azure would fill them.
/// </summary>
internal sealed partial class PredictedDeployment
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000aa";
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000001";
    public const string IdentityClientId = "00000000-0000-0000-0000-0000000000c1";

    // Everything Npgsql's connection string syntax treats specially.
    public const string PostgresPassword = "p;a\"ss' w=rd";

    public static readonly string[] Leads =
    [
        "aad:00000000-0000-0000-0000-000000000100",
        "aad:00000000-0000-0000-0000-000000000103",
    ];
    public static readonly string[] Specialists = ["aad:00000000-0000-0000-0000-000000000101"];

    private static readonly ConcurrentDictionary<int, Lazy<Task<PredictedDeployment>>> Cache = new();

    private readonly ArmExpressions expressions;

    private PredictedDeployment(JsonArray resources)
    {
        Resources = resources.Select(r => r!.AsObject()).ToList();
        expressions = new(new Dictionary<string, string> { ["postgresAdminPassword"] = PostgresPassword }, Reference);
    }

    public IReadOnlyList<JsonObject> Resources { get; }

    public static Task<PredictedDeployment> WithInstancesAsync(int instanceCount) =>
        Cache.GetOrAdd(instanceCount, n => new(() => PredictAsync(n))).Value;

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The web app's app settings, name to value, as the running app would see them.</summary>
    public IReadOnlyDictionary<string, string> AppSettings() =>
        OfType("Microsoft.Web/sites/config")
            .Single(r => ((string)r["name"]!).EndsWith("/appsettings", StringComparison.OrdinalIgnoreCase))[
            "properties"
        ]!
            .AsObject()
            .ToDictionary(p => p.Key, p => ResolveKeyVaultReference(Evaluate((string)p.Value!)));

    public string Evaluate(string value) => expressions.Evaluate(value);

    /// <summary>App Service puts the secret's value for @Microsoft.KeyVault(SecretUri=…): find the secret.</summary>
    private string ResolveKeyVaultReference(string value)
    {
        if (KeyVaultReference().Match(value) is not { Success: true } match)
        {
            return value;
        }

        var secret = OfType("Microsoft.KeyVault/vaults/secrets")
            .SingleOrDefault(s =>
                ((string)s["name"]!).Split('/') is [var vault, var name]
                && match.Groups["uri"].Value.TrimEnd('/') == $"https://{vault}.vault.azure.net/secrets/{name}"
            );
        Assert.True(secret is not null, $"{value} names no secret this deployment creates.");
        return Evaluate((string)secret["properties"]!["value"]!);
    }

    /// <summary>What reference(id).path gives once the resource exists, named as in Azure's public cloud.</summary>
    private static string Reference(string id, string path)
    {
        var (type, name) = id.Split('/')[^2..] is [var t, var n] ? (t, n) : throw new FormatException(id);
        return (type, path) switch
        {
            ("userAssignedIdentities", "clientId") => IdentityClientId,
            ("userAssignedIdentities", "tenantId") => TenantId,
            ("storageAccounts", "primaryEndpoints.table") => $"https://{name}.table.core.windows.net/",
            ("sites", "defaultHostName") => $"{name}.azurewebsites.net",
            ("components", "ConnectionString") => "InstrumentationKey=00000000-0000-0000-0000-0000000000f1;"
                + "IngestionEndpoint=https://southeastasia-1.in.applicationinsights.azure.com/",
            ("vaults", "vaultUri") => $"https://{name}.vault.azure.net/",
            ("flexibleServers", "fullyQualifiedDomainName") => $"{name}.postgres.database.azure.com",
            _ => throw new NotSupportedException($"reference({type}).{path} is not known here: add it to Reference."),
        };
    }

    private static async Task<PredictedDeployment> PredictAsync(int instanceCount)
    {
        var dir = Directory.CreateTempSubdirectory("bicep-snapshot-");
        var main = Path.GetRelativePath(dir.FullName, BicepCli.MainBicep).Replace('\\', '/');
        var parameters = Path.Combine(dir.FullName, "deployment.bicepparam");
        await File.WriteAllTextAsync(
            parameters,
            $"""
            using '{main}'
            param baseName = 'escbot'
            param leads = [{string.Join(", ", Leads.Select(l => $"'{l}'"))}]
            param specialists = [{string.Join(", ", Specialists.Select(s => $"'{s}'"))}]
            param instanceCount = {instanceCount}
            param postgresAdminPassword = '{PostgresPassword.Replace("'", "\\'")}'
            """
        );
        var run = await BicepCli.RunAsync(
            "snapshot",
            parameters,
            "--mode",
            "Overwrite",
            "--tenant-id",
            TenantId,
            "--subscription-id",
            SubscriptionId,
            "--resource-group",
            "rg-escbot",
            "--location",
            "southeastasia"
        );
        // Warnings are the lint tests' business (BicepTests); here the prediction must only succeed.
        Assert.True(run.ExitCode == 0, run.Everything);
        var snapshot = JsonNode.Parse(
            await File.ReadAllTextAsync(Path.Combine(dir.FullName, "deployment.snapshot.json"))
        )!;
        Assert.Empty(snapshot["diagnostics"]!.AsArray());
        dir.Delete(recursive: true);
        return new(snapshot["predictedResources"]!.AsArray());
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=(?<uri>[^)]+)\)$")]
    private static partial Regex KeyVaultReference();
}
