using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Testing;

/// <summary>
/// The real bot as a process of its own (the built EscalationBot.dll under `dotnet`), for tests that must kill it
/// as a crash would: <see cref="KillAsync"/> sends SIGKILL, so nothing in the bot gets to finish or clean up.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly HttpClient http;
    private Process? process;

    private BotProcess(int port) => http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    /// <summary>Starts the bot on a free port with <paramref name="settings"/> (configuration keys, as in appsettings).</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        var bot = new BotProcess(port);
        var dll = Path.Combine(AppContext.BaseDirectory, "EscalationBot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll,
                "--urls",
                $"http://127.0.0.1:{port}",
                "--contentRoot",
                Path.Combine(RepoPaths.Root, "bot"),
            },
            WorkingDirectory = Path.Combine(RepoPaths.Root, "bot"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        bot.process = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
        bot.process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        bot.process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        bot.process.BeginOutputReadLine();
        bot.process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => "The bot said: " + bot.Output);
        return bot;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Sends an activity to /api/messages and expects it to be accepted.</summary>
    public async Task SendAsync(JObject activity)
    {
        var (status, body) = await PostAsync(activity);
        if (status is < 200 or > 299)
        {
            throw new InvalidOperationException($"/api/messages answered {status}: {body}\n{Output}");
        }
    }

    /// <summary>
    /// Sends an activity to /api/messages and returns the HTTP status and the body (an invoke's answer), accepted or
    /// not: load benchmarks count refusals rather than stop at the first.
    /// </summary>
    public async Task<(int Status, string Body)> PostAsync(
        JObject activity,
        CancellationToken cancellationToken = default
    )
    {
        using var content = new StringContent(activity.ToString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/messages", content, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Where the bot listens.</summary>
    public Uri Address => http.BaseAddress!;

    /// <summary>The bot's process id (its memory is in /proc/&lt;id&gt;/status).</summary>
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The bot is not started.");

    /// <summary>SIGKILL: the process ends at once, as in a crash or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        http.Dispose();
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
