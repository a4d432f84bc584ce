namespace EscalationBot.Tests.Infrastructure;

/// <summary>A fresh bot host with its own tables and its own recording connector for each test.</summary>
public abstract class BotTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite => azurite;
    protected RecordingConnector Connector { get; private set; } = null!;
    protected BotHost Host { get; set; } = null!;
    protected Activities Activities { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await RecordingConnector.StartAsync();
        Host = new BotHost(azurite, Connector);
        Activities = new Activities(Connector);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
