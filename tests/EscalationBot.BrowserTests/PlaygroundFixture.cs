using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;

namespace EscalationBot.BrowserTests;

/// <summary>
/// Everything a person would run, for real: Azurite, the bot on a Kestrel port, the Agents Playground
/// personas behind their hub (infra/playground.sh) and Debian's Chromium driven by Playwright.
/// Fails, never skips, when a part cannot start.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly AzuriteProcess azurite = new();
    private readonly StringBuilder playgroundOutput = new();
    private RecordingConnector? unusedConnector;
    private BotHost? bot;
    private Process? playground;
    private IPlaywright? playwright;

    public int PartnerManagerPort { get; } = FreePort.Next();
    public int SpecialistPort { get; } = FreePort.Next();
    public int LeadPort { get; } = FreePort.Next();
    public IBrowser Browser { get; private set; } = null!;
    public string Screenshots { get; } = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        await azurite.StartAsync();

        // The bot sends to the playground's serviceUrl; the recording connector is only the host's required argument.
        unusedConnector = await RecordingConnector.StartAsync();
        var botPort = FreePort.Next();
        bot = new BotHost(
            azurite,
            unusedConnector,
            extra: new Dictionary<string, string?>
            {
                // The personas' Entra object ids (infra/playground/*.yml), as in bot/appsettings.Development.json.
                ["Roster:Leads:1"] = "aad:00000000-0000-0000-0000-000000000100",
                ["Roster:Specialists:30"] = "aad:00000000-0000-0000-0000-000000000101",
                ["Roster:Specialists:31"] = "aad:00000000-0000-0000-0000-000000000102",
            }
        );
        bot.UseKestrel(botPort);
        bot.StartServer();

        var start = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                Path.Combine(RepoPaths.Infra, "playground.sh"),
                $"http://127.0.0.1:{botPort}/api/messages",
                FreePort.Next().ToString(),
                PartnerManagerPort.ToString(),
                SpecialistPort.ToString(),
                LeadPort.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PLAYGROUND_LOGS"] = Path.Combine(RepoPaths.Root, "artifacts", "playground");
        playground = Process.Start(start) ?? throw new InvalidOperationException("infra/playground.sh did not start.");
        playground.OutputDataReceived += (_, e) =>
        {
            lock (playgroundOutput)
            {
                playgroundOutput.AppendLine(e.Data);
            }
        };
        playground.ErrorDataReceived += (_, e) =>
        {
            lock (playgroundOutput)
            {
                playgroundOutput.AppendLine(e.Data);
            }
        };
        playground.BeginOutputReadLine();
        playground.BeginErrorReadLine();
        foreach (var port in new[] { PartnerManagerPort, SpecialistPort, LeadPort })
        {
            await FreePort.WaitUntilListeningAsync(
                port,
                TimeSpan.FromSeconds(90),
                () =>
                {
                    lock (playgroundOutput)
                    {
                        return "Playground said: " + playgroundOutput;
                    }
                }
            );
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does."
            );
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = ChromiumPath,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            }
        );
    }

    public async Task<IPage> OpenAsync(int port)
    {
        var page = await Browser.NewPageAsync(
            new()
            {
                ViewportSize = new() { Width = 1400, Height = 1000 },
            }
        );
        page.SetDefaultTimeout(45_000); // a ceiling for slow first turns on a shared 2-core machine, not a timing assertion
        await page.GotoAsync($"http://localhost:{port}/");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (playground is { HasExited: false })
        {
            playground.Kill(entireProcessTree: true);
            await playground.WaitForExitAsync();
        }

        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        if (unusedConnector is not null)
        {
            await unusedConnector.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}
