using System.Text.Json.Nodes;

namespace EscalationBot.Tests.Deployment;

/// <summary>The Teams app package's folder and its Node scripts (infra/teams), run as a deployer runs them.</summary>
internal static class TeamsScripts
{
    public static string Folder => Path.Combine(RepoPaths.Infra, "teams");

    public static string Manifest => Path.Combine(Folder, "manifest.json");

    public static JsonNode ReadManifest() => JsonNode.Parse(File.ReadAllText(Manifest))!;

    /// <summary>Runs <c>node infra/teams/SCRIPT ARGS</c>: its exit code, and its output with its errors.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string script, params string[] args)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.Infra, "node_modules", "@microsoft", "app-manifest")))
        {
            throw new InvalidOperationException(
                "infra/node_modules/@microsoft/app-manifest is missing: run the README's test command (it runs "
                    + "'npm ci' in infra/)."
            );
        }

        var run = await ToolProcess.RunAsync("node", Folder, [Path.Combine(Folder, script), .. args]);
        return (run.ExitCode, run.Output + run.Error);
    }

    /// <summary>Writes <paramref name="manifest"/> to a file of its own and runs validate-manifest.js on it.</summary>
    public static async Task<(int Exit, string Output)> ValidateAsync(JsonNode manifest)
    {
        var file = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString());
        try
        {
            return await RunAsync("validate-manifest.js", file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
