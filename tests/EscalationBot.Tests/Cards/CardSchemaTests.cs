using System.Diagnostics;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Cards;

/// <summary>Every card the bot can send passes the official Adaptive Cards parser (npm adaptivecards) at 1.5.</summary>
public sealed class CardSchemaTests
{
    [Fact]
    public async Task Every_card_parses_with_zero_errors_in_the_official_parser()
    {
        var dir = Directory.CreateTempSubdirectory("cards-");
        var samples = CardSamples.All().ToList();
        foreach (var (name, card) in samples)
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, name + ".json"), CardJson.Serialize(card));
        }

        var (exit, output) = await RunNodeAsync(Path.Combine(RepoPaths.Infra, "validate-cards.js"), dir.FullName);
        var report = JObject.Parse(output);
        Assert.Equal(samples.Count, report.Value<int>("checked"));
        Assert.True(exit == 0, "The official parser found problems:\n" + output);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task The_parser_check_itself_catches_a_broken_card()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            file,
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text"},{"type":"Nonsense"}]}"""
        );
        var (exit, output) = await RunNodeAsync(Path.Combine(RepoPaths.Infra, "validate-cards.js"), file);
        File.Delete(file);
        Assert.Equal(1, exit);
        Assert.Contains("Unknown element type", output);
        Assert.Contains("unique Id", output);
    }

    private static async Task<(int Exit, string Output)> RunNodeAsync(params string[] args)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.Infra, "node_modules", "adaptivecards")))
        {
            throw new InvalidOperationException(
                "infra/node_modules/adaptivecards is missing: run the README's test command (it runs 'npm ci' in infra/)."
            );
        }

        var run = await ToolProcess.RunAsync("node", RepoPaths.Infra, args);
        return (run.ExitCode, run.Output + run.Error);
    }
}
