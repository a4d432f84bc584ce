using System.Diagnostics;

namespace EscalationBot.Testing;

/// <summary>How a command-line tool the tests ran ended, and what it printed.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public string Everything => $"exit code {ExitCode}\n{Output}\n{Error}";
}

/// <summary>Runs the command-line tools the tests check the repository with: node scripts, the Bicep CLI.</summary>
public static class ToolProcess
{
    /// <summary>
    /// Runs <paramref name="file"/> in <paramref name="folder"/> and reads its output and its errors at once: reading
    /// one after the other hangs a tool that fills the other's pipe first.
    /// </summary>
    public static async Task<ToolRun> RunAsync(string file, string folder, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new(process.ExitCode, await output, await error);
    }
}
