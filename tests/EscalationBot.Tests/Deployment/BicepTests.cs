using System.Text.Json.Nodes;

namespace EscalationBot.Tests.Deployment;

/// <summary>infra/azure compiles with the Bicep CLI from NuGet, and its linter finds nothing, offline.</summary>
public sealed class BicepTests
{
    public static TheoryData<string> BicepFiles =>
        new(
            Directory
                .EnumerateFiles(BicepCli.AzureDir, "*.bicep*", SearchOption.AllDirectories)
                .Where(f =>
                    f.EndsWith(".bicep", StringComparison.Ordinal)
                    || f.EndsWith(".bicepparam", StringComparison.Ordinal)
                )
                // An operator's own parameters (README: main.local.bicepparam) are not in the repository.
                .Where(f => !f.EndsWith(".local.bicepparam", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(BicepCli.AzureDir, f))
                .Order(StringComparer.Ordinal)
        );

    [Fact]
    public async Task Main_bicep_builds_to_an_ARM_template_without_a_diagnostic()
    {
        var run = await BicepCli.RunAsync("build", BicepCli.MainBicep, "--stdout");

        Assert.True(run.ExitCode == 0 && run.Error.Trim().Length == 0, run.Everything);
        var template = JsonNode.Parse(run.Output)!;
        Assert.Contains("deploymentTemplate.json", (string)template["$schema"]!);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Every_bicep_file_lints_with_zero_warnings(string file)
    {
        var findings = await LintAsync(Path.Combine(BicepCli.AzureDir, file));

        Assert.Empty(findings);
    }

    [Fact]
    public async Task The_lint_check_itself_catches_a_warning()
    {
        var file = Path.Combine(Path.GetTempPath(), $"unused-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(file, "param unused string\n\noutput answer int = 42\n");

        var findings = await LintAsync(file);

        File.Delete(file);
        Assert.Contains(findings, f => f.StartsWith("no-unused-params", StringComparison.Ordinal));
    }

    /// <summary>Every warning and error of `bicep lint`, from its SARIF report: rule id and message.</summary>
    private static async Task<IReadOnlyList<string>> LintAsync(string file)
    {
        var run = await BicepCli.RunAsync("lint", file, "--diagnostics-format", "sarif");
        Assert.True(run.Error.Trim().Length == 0, run.Everything);
        var results = JsonNode.Parse(run.Output)!["runs"]!.AsArray().SelectMany(r => r!["results"]!.AsArray());
        var findings = results.Select(r => $"{r!["ruleId"]}: {r["message"]!["text"]}").ToList();
        Assert.True(run.ExitCode == 0 || findings.Count > 0, run.Everything);
        return findings;
    }
}
