using System.Text.RegularExpressions;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EscalationBot.Tests.Deployment;

/// <summary>
/// The app settings infra/azure/main.bicep gives the web app are settings the bot reads (appsettings.template.json),
/// and they are enough for the bot to start in Production: its own start checks pass on them. One instance and two
/// (PostgreSQL) are both checked, since the settings differ.
/// </summary>
public sealed partial class DeploymentSettingsTests
{
    private static readonly IConfigurationRoot Template = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.template.json"), optional: false)
        .Build();

    /// <summary>Environment variables read by the platform or an SDK, not by the bot's configuration.</summary>
    private static readonly HashSet<string> PlatformVariables =
    [
        // ASP.NET Core's host reads the environment from it; App Service's default would be Production too, but
        // the bot's start checks depend on it, so the deployment says so.
        "ASPNETCORE_ENVIRONMENT",
        // DefaultAzureCredential picks the user-assigned managed identity by it (the web app may carry others). Azure.Identity
        // reads the environment variable itself, not the bot's configuration.
        "AZURE_CLIENT_ID",
    ];

    /// <summary>What the bot cannot go without in production, from its start checks and README's "Security".</summary>
    private static readonly string[] RequiredInProduction =
    [
        "MicrosoftAppType", // UserAssignedMsi: otherwise the SDK would take the identity for an app registration
        "MicrosoftAppId", // empty: the bot refuses to start (BotIdentityValidator)
        "MicrosoftAppTenantId", // required for UserAssignedMsi (BotIdentityValidator)
        "ConnectionStrings:Tables", // empty or Azurite: the bot refuses to start (TablesConnectionValidator)
        "Bot:AllowedTenants:0", // empty: every tenant is served, with a warning at start
        "Bot:PublicUrl", // empty: links depend on request headers, and jobs make none
        "Roster:Leads:0", // nobody could run 'setup queue'
    ];

    public static TheoryData<int> Instances => new() { 1, 2 };

    [Theory]
    [MemberData(nameof(Instances))]
    public async Task Every_app_setting_is_a_setting_the_bot_reads(int instances)
    {
        var settings = (await PredictedDeployment.WithInstancesAsync(instances)).AppSettings();

        var unknown = settings.Keys.Where(name =>
            !PlatformVariables.Contains(name) && !Template.GetSection(TemplateKey(name)).Exists()
        );

        Assert.Empty(unknown);
        Assert.Contains("Roster__Leads__1", settings.Keys);
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public async Task Every_setting_the_bot_needs_in_production_is_set(int instances)
    {
        var settings = Configuration((await PredictedDeployment.WithInstancesAsync(instances)).AppSettings());

        var missing = RequiredInProduction.Where(key => string.IsNullOrWhiteSpace(settings[key])).ToList();
        if (string.Equals(settings["Hangfire:Storage"], "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            missing.AddRange(new[] { "ConnectionStrings:Hangfire" }.Where(k => string.IsNullOrWhiteSpace(settings[k])));
        }

        Assert.Empty(missing);
        Assert.Equal("UserAssignedMsi", settings["MicrosoftAppType"]);
        Assert.Equal(settings["MicrosoftAppId"], settings["AZURE_CLIENT_ID"]);
        Assert.Equal(PredictedDeployment.Leads, settings.GetSection("Roster:Leads").Get<string[]>());
        Assert.Equal(PredictedDeployment.Specialists, settings.GetSection("Roster:Specialists").Get<string[]>());
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public async Task The_bots_start_checks_pass_on_the_deployed_settings(int instances)
    {
        var settings = (await PredictedDeployment.WithInstancesAsync(instances)).AppSettings();

        var failure = ProductionStart.Check(settings);

        Assert.True(failure is null, failure is null ? "" : StartFailures.Messages(failure));
        Assert.True(ProductionStart.Registrations.Count >= 10, "Program.cs's registrations were not found.");
    }

    [Theory]
    [InlineData(1, "MicrosoftAppId", "MicrosoftAppId is empty in the Production environment")]
    [InlineData(1, "MicrosoftAppTenantId", "UserAssignedMsi but MicrosoftAppTenantId is empty")]
    [InlineData(1, "ConnectionStrings__Tables", "ConnectionStrings:Tables is empty in the Production environment")]
    [InlineData(2, "ConnectionStrings__Hangfire", "PostgreSql but ConnectionStrings:Hangfire is empty")]
    public async Task The_start_checks_catch_a_deployment_without_a_required_setting(
        int instances,
        string removed,
        string message
    )
    {
        var settings = (await PredictedDeployment.WithInstancesAsync(instances))
            .AppSettings()
            .Where(s => s.Key != removed)
            .ToDictionary();

        var failure = ProductionStart.Check(settings);

        Assert.NotNull(failure);
        Assert.Contains(message, StartFailures.Messages(failure));
    }

    [Fact]
    public async Task One_instance_keeps_jobs_in_memory_and_deploys_no_database()
    {
        var deployment = await PredictedDeployment.WithInstancesAsync(1);

        Assert.Equal("InMemory", deployment.AppSettings()["Hangfire__Storage"]);
        Assert.DoesNotContain("ConnectionStrings__Hangfire", deployment.AppSettings().Keys);
        Assert.Empty(deployment.OfType("Microsoft.DBforPostgreSQL/flexibleServers"));
        Assert.Empty(deployment.OfType("Microsoft.KeyVault/vaults"));
        Assert.Equal(1, (int)deployment.OfType("Microsoft.Web/serverfarms").Single()["sku"]!["capacity"]!);
    }

    [Fact]
    public async Task Two_instances_share_jobs_in_PostgreSQL_over_TLS_with_the_password_only_in_Key_Vault()
    {
        var deployment = await PredictedDeployment.WithInstancesAsync(2);
        var settings = deployment.AppSettings();

        Assert.Equal("PostgreSql", settings["Hangfire__Storage"]);
        var connection = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings__Hangfire"]);
        Assert.Equal(PredictedDeployment.PostgresPassword, connection.Password);
        Assert.Equal(SslMode.Require, connection.SslMode);
        Assert.EndsWith(".postgres.database.azure.com", connection.Host);
        Assert.Equal(2, (int)deployment.OfType("Microsoft.Web/serverfarms").Single()["sku"]!["capacity"]!);
        var raw = deployment.OfType("Microsoft.Web/sites/config").Single()["properties"]!.ToJsonString();
        Assert.DoesNotContain("postgresAdminPassword", raw);
        Assert.Matches(
            "^@Microsoft.KeyVault\\(SecretUri=",
            deployment.Evaluate(RawSetting(deployment, "ConnectionStrings__Hangfire"))
        );
        Assert.Equal(
            "on",
            (string?)
                deployment.OfType("Microsoft.DBforPostgreSQL/flexibleServers/configurations").Single()["properties"]![
                    "value"
                ]
        );
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public async Task The_web_app_gets_its_settings_from_one_place_and_no_storage_key(int instances)
    {
        var deployment = await PredictedDeployment.WithInstancesAsync(instances);

        var site = deployment.OfType("Microsoft.Web/sites").Single();
        Assert.Null(site["properties"]!["siteConfig"]!["appSettings"]);
        Assert.Null(site["properties"]!["siteConfig"]!["connectionStrings"]);
        Assert.Single(deployment.OfType("Microsoft.Web/sites/config"));
        Assert.Equal(
            site["identity"]!["userAssignedIdentities"]!.AsObject().Single().Key,
            (string)site["properties"]!["keyVaultReferenceIdentity"]!
        );
        var storage = deployment.OfType("Microsoft.Storage/storageAccounts").Single()["properties"]!;
        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.DoesNotContain(
            deployment.AppSettings().Values,
            v => v.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || v.Contains("SharedAccessSignature")
        );
    }

    [Fact]
    public async Task The_Azure_Bot_signs_in_as_the_web_apps_identity_and_posts_to_its_messages_endpoint()
    {
        var deployment = await PredictedDeployment.WithInstancesAsync(1);
        var settings = deployment.AppSettings();

        var bot = deployment.OfType("Microsoft.BotService/botServices").Single()["properties"]!;
        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.Equal(settings["MicrosoftAppId"], deployment.Evaluate((string)bot["msaAppId"]!));
        Assert.Equal(settings["MicrosoftAppTenantId"], deployment.Evaluate((string)bot["msaAppTenantId"]!));
        Assert.Equal(settings["Bot__PublicUrl"] + "/api/messages", deployment.Evaluate((string)bot["endpoint"]!));
        var identity = deployment.OfType("Microsoft.ManagedIdentity/userAssignedIdentities").Single();
        Assert.Equal((string)identity["id"]!, (string)bot["msaAppMSIResourceId"]!);
        Assert.Equal(
            "MsTeamsChannel",
            (string?)
                deployment.OfType("Microsoft.BotService/botServices/channels").Single()["properties"]!["channelName"]
        );
    }

    /// <summary>Roster__Leads__1 is Roster:Leads:1, documented in the template as Roster:Leads:0.</summary>
    private static string TemplateKey(string name) => Index().Replace(name.Replace("__", ":"), ":0");

    private static IConfigurationRoot Configuration(IReadOnlyDictionary<string, string> appSettings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(
                appSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":"), (string?)s.Value))
            )
            .Build();

    private static string RawSetting(PredictedDeployment deployment, string name) =>
        (string)deployment.OfType("Microsoft.Web/sites/config").Single()["properties"]![name]!;

    [GeneratedRegex(@":\d+(?=:|$)")]
    private static partial Regex Index();
}
