using System.Reflection;

namespace EscalationBot.Tests.Deployment;

/// <summary>
/// The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, see the test project), run offline on the
/// files under infra/azure.
/// </summary>
internal static class BicepCli
{
    public static string AzureDir => Path.Combine(RepoPaths.Infra, "azure");

    public static string MainBicep => Path.Combine(AzureDir, "main.bicep");

    private static readonly Lazy<string> Executable = new(Find);

    public static Task<ToolRun> RunAsync(params string[] args) =>
        ToolProcess.RunAsync(Executable.Value, AzureDir, args);

    private static string Find()
    {
        var path = typeof(BicepCli)
            .Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath")
            .Value!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at {path}: restore the test project "
                    + "(it downloads Azure.Bicep.CommandLine.linux-x64)."
            );
        }

        // NuGet may unpack the binary without its run bit (the package is linux-x64's, so this runs on Linux).
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
