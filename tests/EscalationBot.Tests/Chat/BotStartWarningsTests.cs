using EscalationBot.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace EscalationBot.Tests.Chat;

public sealed class BotStartWarningsTests
{
    [Theory]
    [InlineData("Production", "00000000-0000-0000-0000-000000000001", null, true)]
    [InlineData("Production", "00000000-0000-0000-0000-000000000001", "tenant-1", false)]
    [InlineData("Production", "", null, false)]
    [InlineData("Development", "00000000-0000-0000-0000-000000000001", null, false)]
    public async Task Production_with_an_app_id_but_no_allowed_tenants_warns_at_start(
        string environment,
        string appId,
        string? tenant,
        bool warns
    )
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppId"] = appId }
            )
            .Build();
        var options = new BotOptions();
        if (tenant is not null)
        {
            options.AllowedTenants.Add(tenant);
        }

        var logger = new Mock<ILogger<BotStartWarnings>>();
        var host = Mock.Of<IHostEnvironment>(e => e.EnvironmentName == environment);

        await new BotStartWarnings(configuration, host, Options.Create(options), logger.Object).StartAsync(
            CancellationToken.None
        );

        logger.Verify(
            l =>
                l.Log(
                    LogLevel.Warning,
                    It.IsAny<EventId>(),
                    It.Is<It.IsAnyType>((state, _) => Says(state, "Bot:AllowedTenants is empty")),
                    null,
                    It.IsAny<Func<It.IsAnyType, Exception?, string>>()
                ),
            warns ? Times.Once() : Times.Never()
        );
    }

    private static bool Says(object? state, string text) =>
        state is not null && (state.ToString() ?? "").Contains(text, StringComparison.Ordinal);
}
