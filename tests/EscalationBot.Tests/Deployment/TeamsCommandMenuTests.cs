using System.Text.Json.Nodes;

namespace EscalationBot.Tests.Deployment;

/// <summary>The Teams app's command menus agree with the command table, and the check catches it when not.</summary>
public sealed class TeamsCommandMenuTests
{
    [Fact]
    public void The_manifests_menus_agree_with_the_command_table()
    {
        var problems = TeamsCommandMenu.Problems(TeamsScripts.ReadManifest());

        Assert.True(problems.Count == 0, "infra/teams/manifest.json:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("a title that is no command", "'escalate now' is not a typed command of the table")]
    [InlineData("an alias instead of the command", "'timeline' is not a typed command of the table")]
    [InlineData("a description of its own", "'claim': description should be \"claim ESC-n — Take a case")]
    [InlineData("a partner manager's command in the channel", "team: 'update' is for Reporters, and nobody in team")]
    [InlineData("a 1:1-only command in a group chat", "groupChat: 'reveal' works only in a 1:1 chat")]
    [InlineData("a partner manager's command left out", "personal: lacks 'sensitive', which a partner manager")]
    [InlineData("an 11th command", "11 commands; Teams shows at most 10")]
    [InlineData("no list for group chats", "groupChat: no command list")]
    public void The_check_catches_a_menu_that_disagrees_with_the_table(string breakage, string problem)
    {
        var manifest = TeamsScripts.ReadManifest();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        JsonArray Commands(string scope) =>
            lists.Single(l => l!["scopes"]!.AsArray().Any(s => (string?)s == scope))!["commands"]!.AsArray();
        JsonObject Command(string title) =>
            new() { ["title"] = title, ["description"] = TeamsCommandMenu.Description(TeamsCommandMenu.Typed[title]) };

        switch (breakage)
        {
            case "a title that is no command":
                Commands("personal")[0]!["title"] = "escalate now";
                break;
            case "an alias instead of the command":
                Commands("team").Add(new JsonObject { ["title"] = "timeline", ["description"] = "timeline ESC-n" });
                Commands("team").RemoveAt(0);
                break;
            case "a description of its own":
                Commands("team").Single(c => (string?)c!["title"] == "claim")!["description"] = "Claim a case.";
                break;
            case "a partner manager's command in the channel":
                Commands("team")[^1] = Command("update");
                break;
            case "a 1:1-only command in a group chat":
                Commands("groupChat")[^1] = Command("reveal");
                break;
            case "a partner manager's command left out":
                Commands("personal").Remove(Commands("personal").Single(c => (string?)c!["title"] == "sensitive"));
                break;
            case "an 11th command":
                Commands("team").Add(Command("history"));
                break;
            case "no list for group chats":
                lists.Remove(lists.Single(l => l!["scopes"]!.AsArray().Any(s => (string?)s == "groupChat")));
                break;
        }

        var problems = TeamsCommandMenu.Problems(manifest);

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_description_is_the_usage_and_the_help_line_cut_at_a_sentence_or_a_clause_to_fit_128()
    {
        var row = TeamsCommandMenu.Typed;

        var claim = TeamsCommandMenu.Description(row["claim"]);
        Assert.Equal("claim ESC-n — Take a case (specialists and leads).", claim);
        Assert.Equal(
            "queue [filters] — Open cases, oldest first, with age and time left (specialists and leads).",
            TeamsCommandMenu.Description(row["queue"])
        );
        Assert.Equal(
            "resolve ESC-n [outcome] summary — Resolve your case.",
            TeamsCommandMenu.Description(row["resolve"])
        );
        // Every typed command can go in a menu: a help line none of whose cuts fits must be rewritten.
        Assert.All(
            row.Values,
            r => Assert.True(TeamsCommandMenu.Description(r).Length <= TeamsCommandMenu.MaxDescription, r.Typed)
        );
        Assert.All(row.Keys, t => Assert.True(t.Length <= TeamsCommandMenu.MaxTitle, t));
    }
}
