using System.IO.Compression;
using System.Text.Json.Nodes;

namespace EscalationBot.Tests.Deployment;

/// <summary>
/// The Teams app package (infra/teams): the script fills the manifest, validates it offline against the schema that
/// npm @microsoft/app-manifest bundles for its version, and zips it with the icons; the validator can fail.
/// </summary>
public sealed class TeamsPackageTests
{
    private const string BotId = "3f2c1a9e-5b7d-4e21-9c0a-7d6e5f4b3a21";
    private const string Host = "escalationbot-test.azurewebsites.net";

    [Fact]
    public async Task The_package_holds_the_filled_manifest_and_the_icons_at_its_root_and_validates()
    {
        using var dir = new TempFolder();
        var zipPath = Path.Combine(dir.Path, "EscalationBot.zip");

        var (exit, output) = await TeamsScripts.RunAsync(
            "package.js",
            BotId.ToUpperInvariant(),
            Host,
            "--out",
            zipPath
        );

        Assert.True(exit == 0, output);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var stream = new MemoryStream();
            await zip.GetEntry(icon)!.Open().CopyToAsync(stream);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(TeamsScripts.Folder, icon)), stream.ToArray());
        }

        var manifest = await JsonNode.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal(BotId, (string?)manifest!["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal([Host], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal($"https://{Host}/", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.DoesNotContain("${{", manifest.ToJsonString());
        var (valid, report) = await TeamsScripts.ValidateAsync(manifest);
        Assert.True(valid == 0, "The packaged manifest does not validate:\n" + report);
    }

    [Fact]
    public void The_manifest_is_at_schema_1_22_or_newer_and_names_the_schema_of_its_version()
    {
        var manifest = TeamsScripts.ReadManifest();
        var version = Version.Parse((string)manifest["manifestVersion"]!);

        Assert.True(version >= new Version(1, 22), $"manifestVersion {version}: the issue asks for 1.22 or newer");
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json",
            (string?)manifest["$schema"]
        );
        var bot = manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.False((bool)bot["supportsFiles"]!);
        Assert.False((bool)bot["isNotificationOnly"]!);
    }

    [Fact]
    public async Task The_validator_rejects_a_manifest_without_a_required_field_or_with_an_11th_command()
    {
        var missing = Filled();
        missing.AsObject().Remove("accentColor");
        var crowded = Filled();
        var team = crowded["bots"]![0]!["commandLists"]![1]!["commands"]!.AsArray();
        team.Add(new JsonObject { ["title"] = "history", ["description"] = "history ESC-n" });
        var overSchema = crowded.DeepClone();
        var overSchemaTeam = overSchema["bots"]![0]!["commandLists"]![1]!["commands"]!.AsArray();
        overSchemaTeam.Add(new JsonObject { ["title"] = "mine" });
        overSchemaTeam.Add(new JsonObject { ["title"] = "release" });

        var (exit, output) = await TeamsScripts.ValidateAsync(Filled());
        Assert.True(exit == 0, "The manifest these are broken from must be valid:\n" + output);

        (exit, output) = await TeamsScripts.ValidateAsync(missing);
        Assert.Equal(1, exit);
        Assert.Contains("must have required property 'accentColor'", output);

        (exit, output) = await TeamsScripts.ValidateAsync(crowded);
        Assert.Equal(1, exit);
        Assert.Contains("has 11 commands; Teams shows at most 10", output);

        // 13 commands break the schema itself (1.24 and later allow 12), not only the menu's documented limit.
        (exit, output) = await TeamsScripts.ValidateAsync(overSchema);
        Assert.Equal(1, exit);
        Assert.Contains("schema: /bots/0/commandLists/1/commands must NOT have more than 12 items", output);
    }

    [Fact]
    public async Task The_validator_rejects_an_unfilled_placeholder_and_a_schema_url_of_another_version()
    {
        var (exit, output) = await TeamsScripts.RunAsync("validate-manifest.js", TeamsScripts.Manifest);
        Assert.Equal(1, exit);
        Assert.Contains("placeholder left unfilled at /bots/0/botId", output);

        var other = Filled();
        other["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json";
        (exit, output) = await TeamsScripts.ValidateAsync(other);
        Assert.Equal(1, exit);
        Assert.Contains("$schema is", output);
    }

    [Theory]
    [InlineData("not-a-guid", Host, "the bot id must be a GUID")]
    [InlineData("3f2c1a9e5b7d4e219c0a7d6e5f4b3a21", Host, "the bot id must be a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", Host, "all zeros")]
    [InlineData(BotId, "https://escalationbot.azurewebsites.net/", "host name only, without https://")]
    [InlineData(BotId, "escalationbot.azurewebsites.net:443", "host name only")]
    [InlineData(BotId, "localhost", "is not a public host name")]
    [InlineData(BotId, "bad_host.example.com", "is not a public host name")]
    public async Task The_script_refuses_a_malformed_bot_id_or_host_and_writes_nothing(
        string botId,
        string host,
        string message
    )
    {
        using var dir = new TempFolder();
        var zipPath = Path.Combine(dir.Path, "EscalationBot.zip");

        var (exit, output) = await TeamsScripts.RunAsync("package.js", botId, host, "--out", zipPath);

        Assert.Equal(2, exit);
        Assert.Contains(message, output);
        Assert.False(File.Exists(zipPath));
    }

    /// <summary>The manifest with its placeholders filled as package.js fills them.</summary>
    internal static JsonNode Filled() =>
        JsonNode.Parse(
            File.ReadAllText(TeamsScripts.Manifest)
                .Replace("${{BOT_ID}}", BotId)
                .Replace("${{BOT_DOMAIN}}", Host)
                .Replace("${{DEVELOPER_URL}}", $"https://{Host}/")
                .Replace("${{PRIVACY_URL}}", $"https://{Host}/")
                .Replace("${{TERMS_URL}}", $"https://{Host}/")
        )!;

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("teams-package-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
