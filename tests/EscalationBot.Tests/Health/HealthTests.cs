using System.Net;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Health;

/// <summary>/healthz/live says the process is up; /healthz/ready says whether Table Storage answers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Against_azurite_the_bot_is_live_and_ready()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_table_storage_the_bot_is_live_but_not_ready()
    {
        await using var connector = await RecordingConnector.StartAsync();
        var closed = FreePort.Next();
        var tables =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};"
            + $"TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;";
        await using var host = new BotHost(tables, connector);
        using var client = host.CreateClient();

        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }

    [Fact]
    public async Task Readiness_fails_while_table_storage_hangs_and_returns_when_it_answers_again()
    {
        await using var own = new AzuriteProcess();
        await own.StartAsync();
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(own, connector);
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        own.Pause();
        HttpStatusCode during;
        try
        {
            during = (await client.GetAsync("/healthz/ready")).StatusCode;
        }
        finally
        {
            own.Resume();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        await Poll.UntilAsync(
            async () => (await client.GetAsync("/healthz/ready")).StatusCode,
            status => status == HttpStatusCode.OK,
            "/healthz/ready answers 200 once Table Storage answers again"
        );
    }
}
