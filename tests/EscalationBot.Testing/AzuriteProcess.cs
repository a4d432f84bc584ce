using System.Diagnostics;
using System.Text;

namespace EscalationBot.Testing;

/// <summary>
/// A real Azurite Table service on a free port with in-memory persistence, started from infra/node_modules.
/// Fails (never skips) when Azurite is missing: the README's test command installs it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development key, the same on every machine: not a secret.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly StringBuilder output = new();
    private Process? process;

    public int Port { get; private set; }

    /// <summary>The table service's address: https when started with a certificate.</summary>
    public string TableEndpoint { get; private set; } = "";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>
    /// Starts Azurite; with <paramref name="tls"/>, on HTTPS and accepting bearer tokens (OAuth "basic": issuer, audience
    /// and expiry are checked, not the signature), as Azure Storage is reached with a managed identity.
    /// </summary>
    public async Task StartAsync(TestCertificate? tls = null)
    {
        var azurite = RepoPaths.NodeBin("azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {azurite}. Run the README's test command (it runs 'npm ci' in infra/ first)."
            );
        }

        Port = FreePort.Next();
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--tableHost",
                "127.0.0.1",
                "--tablePort",
                Port.ToString(),
                "--inMemoryPersistence",
                "--silent",
                "--disableTelemetry",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (tls is not null)
        {
            foreach (
                var argument in (string[])["--cert", tls.CertificatePath, "--key", tls.KeyPath, "--oauth", "basic"]
            )
            {
                start.ArgumentList.Add(argument);
            }
        }

        TableEndpoint = $"{(tls is null ? "http" : "https")}://127.0.0.1:{Port}/devstoreaccount1";
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(
            Port,
            TimeSpan.FromSeconds(60),
            () =>
            {
                lock (output)
                {
                    return "Azurite said: " + output;
                }
            }
        );
    }

    /// <summary>
    /// Freezes Azurite with SIGSTOP: connections are still accepted by the kernel, but nothing is answered, as when
    /// the storage service hangs (not the quick refusal of a stopped one). <see cref="Resume"/> undoes it.
    /// </summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    private void Signal(string signal)
    {
        var pid = process?.Id ?? throw new InvalidOperationException("Azurite is not running.");
        using var kill =
            Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString() } })
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed with {kill.ExitCode}.");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
