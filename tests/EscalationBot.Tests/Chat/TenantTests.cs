using System.Net;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat;

/// <summary>Bot:AllowedTenants (issue 11, reproduction 6): another tenant's activity gets no reply and changes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TenantTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private BotHost Allowing(params string[] tenants) =>
        new(
            Azurite,
            Connector,
            extra: tenants
                .Select((t, i) => (Key: $"Bot:AllowedTenants:{i}", Value: (string?)t))
                .ToDictionary(p => p.Key, p => p.Value)
        );

    [Fact]
    public async Task An_activity_from_a_foreign_tenant_gets_no_reply_and_nothing_is_stored()
    {
        await using var host = Allowing("tenant-1");
        var setup = Activities.Message(People.Lead, "setup queue", Activities.QueueChannel);
        setup["conversation"]!["tenantId"] = "tenant-evil";
        var intake = Activities.Invoke(
            People.Reporter,
            "submitIntake",
            Activities.IntakeForm(),
            Activities.Personal(People.Reporter)
        );
        intake["conversation"]!["tenantId"] = "tenant-evil";

        var setupResponse = await host.PostAsync(setup);
        var intakeResponse = await host.PostAsync(intake);

        Assert.Equal(HttpStatusCode.OK, setupResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, intakeResponse.StatusCode);
        Assert.Equal("", await intakeResponse.Content.ReadAsStringAsync());
        Assert.Empty(Connector.Calls);
        var conversations = host.Services.GetRequiredService<IConversationStore>();
        Assert.Null(await conversations.GetBindingAsync(Bindings.Queue, CancellationToken.None));
        Assert.Null(await conversations.GetPersonAsync(People.Lead.Id, CancellationToken.None));
        Assert.Null(await conversations.GetPersonAsync(People.Reporter.Id, CancellationToken.None));
        Assert.Null(await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_foreign_tenant_in_channel_data_is_refused_even_beside_an_allowed_one()
    {
        await using var host = Allowing("tenant-1");
        var setup = Activities.Message(People.Lead, "setup queue", Activities.QueueChannel);
        setup["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = "tenant-evil" } };

        await host.PostAsync(setup);

        Assert.Empty(Connector.Calls);
        Assert.Null(
            await host
                .Services.GetRequiredService<IConversationStore>()
                .GetBindingAsync(Bindings.Queue, CancellationToken.None)
        );
    }

    [Fact]
    public async Task An_activity_naming_no_tenant_is_refused_once_tenants_are_set()
    {
        await using var host = Allowing("tenant-1");
        var webChat = Activities.Message(People.Reporter, "help", "webchat-dm", "webchat");
        ((JObject)webChat["conversation"]!).Remove("tenantId");

        await host.PostAsync(webChat);

        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task An_allowed_tenant_is_served()
    {
        await using var host = Allowing("TENANT-1", "tenant-2");
        var setup = Activities.Message(People.Lead, "setup queue", Activities.QueueChannel);
        setup["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = "tenant-1" } };

        await host.SendAsync(setup);

        await Connector.WaitForAsync(
            c => c.Text.StartsWith("This conversation is now the specialists' queue", StringComparison.Ordinal),
            "the queue bound"
        );
        Assert.NotNull(
            await host
                .Services.GetRequiredService<IConversationStore>()
                .GetBindingAsync(Bindings.Queue, CancellationToken.None)
        );
    }

    [Fact]
    public async Task With_authentication_on_a_foreign_tenant_without_a_token_gets_401_and_is_not_logged()
    {
        var logs = new CapturedLogs();
        await using var host = new BotHost(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?>
            {
                ["Bot:AllowedTenants:0"] = "tenant-1",
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-0000000000aa",
            }
        )
        {
            Logs = logs,
        };
        var setup = Activities.Message(People.Lead, "setup queue", Activities.QueueChannel);
        setup["conversation"]!["tenantId"] = "tenant-evil";

        var response = await host.PostAsync(setup);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("tenant-evil", StringComparison.Ordinal));
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task A_refused_tenant_is_logged_once_an_hour()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var logger = new Mock<ILogger<TenantGate>>();
        var allowed = new BotOptions();
        allowed.AllowedTenants.Add("tenant-1");
        var options = Mock.Of<IOptionsMonitor<BotOptions>>(m => m.CurrentValue == allowed);
        var gate = new TenantGate(options, clock, logger.Object);

        Assert.True(gate.Admits(["tenant-1"]));
        await RefuseAsync(gate, "tenant-evil");
        await RefuseAsync(gate, "tenant-evil");
        clock.Advance(TimeSpan.FromMinutes(59));
        await RefuseAsync(gate, "tenant-evil");
        Warned(logger, Times.Once());

        await RefuseAsync(gate, "tenant-other");
        Warned(logger, Times.Exactly(2));
        clock.Advance(TimeSpan.FromMinutes(1));
        await RefuseAsync(gate, "tenant-evil");
        Warned(logger, Times.Exactly(3));
    }

    /// <summary>What the endpoint does with a refused activity once the adapter has authenticated it.</summary>
    private static async Task RefuseAsync(TenantGate gate, string tenant)
    {
        Assert.False(gate.Admits([tenant]));
        var activity = new Microsoft.Bot.Schema.Activity
        {
            Type = "message",
            Conversation = new() { Id = "c", TenantId = tenant },
        };
        await gate.Refusal([tenant])
            .OnTurnAsync(
                new Microsoft.Bot.Builder.TurnContext(new Microsoft.Bot.Builder.Adapters.TestAdapter(), activity)
            );
    }

    [Fact]
    public void Without_allowed_tenants_every_tenant_is_served()
    {
        var options = Mock.Of<IOptionsMonitor<BotOptions>>(m => m.CurrentValue == new BotOptions());
        var gate = new TenantGate(options, TimeProvider.System, Mock.Of<ILogger<TenantGate>>());
        Assert.True(gate.Admits(["anyone"]));
        Assert.True(gate.Admits([]));
    }

    private static void Warned(Mock<ILogger<TenantGate>> logger, Times times) =>
        logger.Verify(
            l =>
                l.Log(
                    LogLevel.Warning,
                    It.IsAny<EventId>(),
                    It.IsAny<It.IsAnyType>(),
                    null,
                    It.IsAny<Func<It.IsAnyType, Exception?, string>>()
                ),
            times
        );
}
