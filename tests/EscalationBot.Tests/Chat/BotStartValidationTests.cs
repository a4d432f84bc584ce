using System.Net;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Chat;

/// <summary>
/// Production is never anonymous and never on the local emulator (issue 11, reproduction 8); the bot identities Azure
/// creates today (single tenant, user-assigned managed identity) are checked at start; roster entries are explicit.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BotStartValidationTests(AzuriteFixture azurite)
{
    private const string AppId = "00000000-0000-0000-0000-000000000001";
    private const string TenantId = "00000000-0000-0000-0000-0000000000aa";

    [Fact]
    public async Task Production_without_an_app_id_refuses_to_start_and_says_why()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector) { Environment = "Production" };

        var failure = Record.Exception(() => host.Services);

        Assert.NotNull(failure);
        Assert.Contains(
            "MicrosoftAppId is empty in the Production environment: the bot would accept requests without a Bot Connector token",
            StartFailures.Messages(failure)
        );
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task Production_may_be_anonymous_only_when_told_to()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(
            azurite,
            connector,
            extra: new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }
        )
        {
            Environment = "Production",
        };

        var response = await host.PostAsync(
            new Activities(connector).Message(People.Lead, "setup queue", Activities.QueueChannel)
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("http://escalations.table.core.windows.net")]
    public async Task Production_refuses_to_start_without_a_table_storage_account(string tables)
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(
            tables,
            connector,
            extra: Identity("SingleTenant", password: "not-a-real-secret")
        )
        {
            Environment = "Production",
        };

        var failure = Record.Exception(() => host.Services);

        Assert.NotNull(failure);
        Assert.Contains("ConnectionStrings:Tables is", StartFailures.Messages(failure));
    }

    [Theory]
    [InlineData("SingleTenant", "not-a-real-secret")]
    [InlineData("UserAssignedMsi", null)]
    public async Task A_single_tenant_or_managed_identity_bot_starts_and_requires_a_token(
        string appType,
        string? password
    )
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector, extra: Identity(appType, password))
        {
            Environment = "Production",
        };

        var response = await host.PostAsync(
            new Activities(connector).Message(People.Lead, "setup queue", Activities.QueueChannel)
        );

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Calls);
    }

    [Theory]
    [InlineData(
        "SingleTenant",
        "not-a-real-secret",
        "",
        "MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is empty"
    )]
    [InlineData("SingleTenant", "", TenantId, "MicrosoftAppType is SingleTenant but MicrosoftAppPassword is empty")]
    [InlineData("UserAssignedMsi", null, "", "MicrosoftAppType is UserAssignedMsi but MicrosoftAppTenantId is empty")]
    [InlineData(
        "UserAssignedMsi",
        "not-a-real-secret",
        TenantId,
        "UserAssignedMsi, which needs no MicrosoftAppPassword"
    )]
    [InlineData(
        "SingleTenantt",
        "not-a-real-secret",
        TenantId,
        "MicrosoftAppType is 'SingleTenantt': use SingleTenant, UserAssignedMsi, MultiTenant."
    )]
    public async Task An_incomplete_bot_identity_fails_start_and_names_the_setting(
        string appType,
        string? password,
        string tenantId,
        string message
    )
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector, extra: Identity(appType, password, tenantId));

        var failure = Record.Exception(() => host.Services);

        Assert.NotNull(failure);
        Assert.Contains(message, StartFailures.Messages(failure));
    }

    [Theory]
    [InlineData("Roster:Leads:0", "lead-1", "Roster:Leads:0 'lead-1' names nobody explicitly")]
    [InlineData(
        "Roster:Specialists:0",
        "msteams:29:1abc",
        "Roster:Specialists:0 'msteams:29:1abc' names a Teams user by from.id"
    )]
    [InlineData("Shifts:Definitions:0:Members:0", "spec-1", "Members named aad:<object id> or <channelId>:<from.id>")]
    public async Task A_roster_entry_that_names_nobody_explicitly_fails_start(string key, string value, string message)
    {
        await using var connector = await RecordingConnector.StartAsync();
        var extra = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Shifts", StringComparison.Ordinal))
        {
            extra["Shifts:Definitions:0:Name"] = "Day";
            extra["Shifts:Definitions:0:Start"] = "07:00";
            extra["Shifts:Definitions:0:End"] = "19:00";
        }

        await using var host = new BotHost(azurite, connector, extra: extra);

        var failure = Record.Exception(() => host.Services);

        Assert.NotNull(failure);
        Assert.Contains(message, StartFailures.Messages(failure));
    }

    private static Dictionary<string, string?> Identity(string appType, string? password, string tenantId = TenantId) =>
        new()
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenantId,
            ["Bot:AllowedTenants:0"] = "tenant-1", // the tenant Activities sends
        };
}
