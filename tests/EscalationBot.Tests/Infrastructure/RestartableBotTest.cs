namespace EscalationBot.Tests.Infrastructure;

/// <summary>
/// For tests that start several bot hosts on the same tables (a restart, a second instance): one recording
/// connector for all of them, and every host started through <see cref="Track"/> is disposed at the end.
/// </summary>
public abstract class RestartableBotTest : IAsyncLifetime
{
    private readonly List<BotHost> hosts = [];

    protected RecordingConnector Connector { get; private set; } = null!;
    protected Activities Activities { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await RecordingConnector.StartAsync();
        Activities = new Activities(Connector);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        await Connector.DisposeAsync();
    }

    /// <summary>Starts <paramref name="host"/> (and its background services) and disposes it at the end of the test.</summary>
    protected BotHost Track(BotHost host)
    {
        hosts.Add(host);
        _ = host.Services;
        return host;
    }

    /// <summary>Stops a host before the end of the test, as a restart or a scale-in would.</summary>
    protected async Task StopAsync(BotHost host)
    {
        hosts.Remove(host);
        await host.DisposeAsync();
    }
}
