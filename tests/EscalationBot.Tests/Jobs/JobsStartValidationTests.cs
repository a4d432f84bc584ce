using EscalationBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Jobs;

/// <summary>Bad Hangfire settings stop the service at start, with a message that names the setting to fix.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class JobsStartValidationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(
        "Hangfire:Storage",
        "PostgreSql",
        "Hangfire:Storage is PostgreSql but ConnectionStrings:Hangfire is empty"
    )]
    [InlineData("Hangfire:Storage", "Redis", "Hangfire:Storage is 'Redis': use InMemory or PostgreSql.")]
    [InlineData("Hangfire:PostgreSqlSchema", "Hang-Fire", "Hangfire:PostgreSqlSchema is 'Hang-Fire'")]
    [InlineData(
        "Hangfire:Dashboard:Authentication",
        "Anonymous",
        "Hangfire:Dashboard:Authentication is 'Anonymous': use LocalOnly or AppServiceAuthentication."
    )]
    public async Task A_bad_setting_fails_start_and_names_itself(string key, string value, string message)
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(
            azurite,
            connector,
            extra: new Dictionary<string, string?> { [key] = value }
        );

        var failure = Record.Exception(() => host.Services);

        Assert.NotNull(failure);
        Assert.Contains(message, StartFailures.Messages(failure));
    }

    [Fact]
    public async Task A_connection_string_that_is_not_one_fails_start()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(
            azurite,
            connector,
            extra: new Dictionary<string, string?>
            {
                ["Hangfire:Storage"] = "PostgreSql",
                ["ConnectionStrings:Hangfire"] = "UseDevelopmentStorage=true",
            }
        );

        var failure = Record.Exception(() => host.Services);

        Assert.NotNull(failure);
        Assert.Contains(
            "ConnectionStrings:Hangfire is not an Npgsql connection string",
            StartFailures.Messages(failure)
        );
    }

    [Fact]
    public async Task By_default_each_host_has_an_in_memory_store_of_its_own()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var first = new BotHost(azurite, connector);
        await using var second = new BotHost(azurite, connector);

        var storage = first.Services.GetRequiredService<JobStorage>();

        Assert.IsType<InMemoryStorage>(storage);
        Assert.NotSame(storage, second.Services.GetRequiredService<JobStorage>());
    }
}
