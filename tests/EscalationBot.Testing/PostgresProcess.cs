using System.Diagnostics;
using Npgsql;

namespace EscalationBot.Testing;

/// <summary>
/// A real, throwaway PostgreSQL server from Debian's packages: initdb into a temp directory (trust
/// authentication, its Unix socket inside that directory), listening on 127.0.0.1 at a free port. Each test
/// asks for a fresh database. Stopped and deleted on dispose. Fails (never skips) when PostgreSQL is missing:
/// <c>.ci/run</c> installs it (<c>apt-get install postgresql</c>).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root. When the tests run as root (CI containers do), initdb and the server
/// run as the <c>postgres</c> user that Debian's package creates (or <c>nobody</c> without it), through
/// <c>runuser</c>, and the temp directory is handed to that user.
/// </remarks>
public sealed class PostgresProcess : IAsyncDisposable
{
    public const string Superuser = "postgres";
    private string? directory;
    private string? bin;
    private string? runAs;

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(directory!, "data");
    private string LogFile => Path.Combine(directory!, "postgres.log");

    /// <summary>A connection string for the given database (by default the maintenance database).</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Database = database,
        }.ConnectionString;

    public async Task StartAsync()
    {
        try
        {
            await InitializeAndStartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAndStartAsync()
    {
        bin = FindBinaries();
        runAs = Environment.IsPrivilegedProcess ? ServiceUser() : null;
        directory = Directory.CreateTempSubdirectory("escalationbot-pg-").FullName;
        if (runAs is not null)
        {
            await RunAsync("chown", [runAs, directory], asServiceUser: false);
        }

        await RunAsync(
            Path.Combine(bin, "initdb"),
            [
                "-D",
                DataDirectory,
                "-U",
                Superuser,
                "--auth=trust",
                "--no-locale",
                "-E",
                "UTF8",
                "--no-sync",
                "--no-instructions",
            ]
        );

        Port = FreePort.Next();
        // The file keeps its owner when appended to, so the server (another user when we are root) can read it.
        await File.AppendAllLinesAsync(
            Path.Combine(DataDirectory, "postgresql.conf"),
            [
                "listen_addresses = '127.0.0.1'",
                $"port = {Port}",
                $"unix_socket_directories = '{directory}'",
                // A throwaway cluster: durability buys nothing, speed does.
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                // Every bot host keeps a Hangfire connection pool, and tests start several hosts.
                "max_connections = 300",
            ]
        );

        await RunAsync(Path.Combine(bin, "pg_ctl"), ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "120"]);
        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(60), ReadLog);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            if (bin is not null && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                // Fast: roll back open transactions and disconnect the pools tests left behind.
                await RunAsync(
                    Path.Combine(bin, "pg_ctl"),
                    ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"],
                    check: false
                );
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            directory = null;
        }
    }

    private string ReadLog()
    {
        try
        {
            return "PostgreSQL log:\n" + File.ReadAllText(LogFile);
        }
        catch (IOException e)
        {
            return "No PostgreSQL log: " + e.Message;
        }
    }

    private async Task RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        bool asServiceUser = true,
        bool check = true
    )
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The service user may not read the test's working directory; PostgreSQL tools complain if so.
            WorkingDirectory = directory ?? "/",
        };
        if (asServiceUser && runAs is not null)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", runAs, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}"
                    + (runAs is null ? "" : $" (run as {runAs})")
                    + $":\n{await output}\n{await error}\n{(directory is null ? "" : ReadLog())}"
            );
        }
    }

    /// <summary>Debian keeps the server binaries in /usr/lib/postgresql/VERSION/bin, off PATH; other systems put them on PATH.</summary>
    private static string FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory
                .GetDirectories("/usr/lib/postgresql")
                .Select(d =>
                    (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, Bin: Path.Combine(d, "bin"))
                )
                .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")) && File.Exists(Path.Combine(d.Bin, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        if (debian is not null)
        {
            return debian;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return onPath
            ?? throw new InvalidOperationException(
                "PostgreSQL is not installed: no initdb under /usr/lib/postgresql/*/bin or on PATH. "
                    + "Install Debian's package (apt-get install -y postgresql); .ci/run does this on a fresh machine."
            );
    }

    /// <summary>Who runs PostgreSQL when we are root: Debian's postgres user, or nobody.</summary>
    private static string ServiceUser()
    {
        var users = File.Exists("/etc/passwd")
            ? File.ReadLines("/etc/passwd").Select(l => l.Split(':')[0]).ToHashSet()
            : [];
        return users.Contains("postgres") ? "postgres" : "nobody";
    }
}
