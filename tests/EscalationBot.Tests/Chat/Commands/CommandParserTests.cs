using EscalationBot.Chat.Commands;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("")]
    [InlineData("   ")]
    public void Help_and_empty_text_give_help(string text) =>
        Assert.Equal(new ChatCommand.Help(), CommandParser.FromText(text));

    [Fact]
    public void Escalate_carries_an_optional_description()
    {
        Assert.Equal(new ChatCommand.OpenIntake(null), CommandParser.FromText("escalate"));
        Assert.Equal(
            new ChatCommand.OpenIntake("Threats to a journalist"),
            CommandParser.FromText("Escalate   Threats to a journalist")
        );
    }

    [Fact]
    public void Report_with_a_case_id_asks_for_its_report_and_anything_else_still_escalates()
    {
        Assert.Equal(new ChatCommand.ReportCase("ESC-12"), CommandParser.FromText("report ESC-12"));
        Assert.Equal(new ChatCommand.ReportCase("esc 3"), CommandParser.FromText("Report esc 3"));
        Assert.Equal(new ChatCommand.OpenIntake(null), CommandParser.FromText("report"));
        Assert.Equal(
            new ChatCommand.OpenIntake("Threats to a journalist"),
            CommandParser.FromText("report Threats to a journalist")
        );
        Assert.Equal(
            new ChatCommand.OpenIntake("ESC-12 is back up"),
            CommandParser.FromText("report ESC-12 is back up")
        );
    }

    [Fact]
    public void Teams_mentions_are_ignored()
    {
        Assert.Equal(new ChatCommand.Setup("queue"), CommandParser.FromText("<at>EscalationBot</at> setup queue"));
        Assert.Equal(new ChatCommand.Setup("leads"), CommandParser.FromText("setup LEADS <at>Bot</at>"));
    }

    [Fact]
    public void Case_commands_take_the_case_reference_as_typed()
    {
        Assert.Equal(new ChatCommand.Claim("ESC-12"), CommandParser.FromText("claim ESC-12"));
        Assert.Equal(new ChatCommand.Status("esc 3"), CommandParser.FromText("status esc 3"));
        Assert.Equal(new ChatCommand.ShowQueue(), CommandParser.FromText("queue"));
    }

    [Theory]
    [InlineData("resolve ESC-4 actioned Removed the post", "Actioned", "Removed the post")]
    [InlineData("resolve ESC-4 no-violation Satire", "NoViolation", "Satire")]
    [InlineData("resolve ESC-4 policy Needs a call from policy", "NeedsPolicyDecision", "Needs a call from policy")]
    [InlineData("resolve ESC-4 Handled by the partner", "Other", "Handled by the partner")]
    [InlineData("resolve ESC-4", "Other", "")]
    public void Resolve_reads_an_optional_outcome_then_the_summary(string text, string outcome, string summary) =>
        Assert.Equal(new ChatCommand.Resolve("ESC-4", outcome, summary), CommandParser.FromText(text));

    [Theory]
    [InlineData("claim")]
    [InlineData("resolve")]
    [InlineData("resolve the thing")]
    [InlineData("setup everything")]
    public void Incomplete_commands_get_an_example(string text) =>
        Assert.StartsWith("Try: ", Assert.IsType<ChatCommand.Help>(CommandParser.FromText(text)).Preface);

    [Fact]
    public void Unknown_text_gets_help_that_quotes_it_shortened()
    {
        var help = Assert.IsType<ChatCommand.Help>(CommandParser.FromText("please do " + new string('x', 100)));
        Assert.StartsWith("I didn't understand \"please do xxx", help.Preface);
        Assert.True(help.Preface!.Length < 80);
    }

    [Fact]
    public void Card_data_is_read_as_strings_only()
    {
        var submit = JObject.Parse(
            """{"verb":"submitIntake","platform":"Facebook","partner":{"nested":1},"severity":"Sev1","extra":"ignored"}"""
        );
        var command = Assert.IsType<ChatCommand.SubmitIntake>(CommandParser.FromSubmit(submit));
        Assert.Equal(
            new Dictionary<string, string> { ["platform"] = "Facebook", ["severity"] = "Sev1" },
            command.Values
        );

        Assert.Equal(
            new ChatCommand.Resolve("ESC-1", "Actioned", "ok"),
            CommandParser.FromCard(
                "resolve",
                JObject.Parse("""{"caseId":"ESC-1","outcome":"Actioned","summary":"ok"}""")
            )
        );
        Assert.IsType<ChatCommand.Unreadable>(
            CommandParser.FromCard("claim", JObject.Parse("""{"caseId":["ESC-1"]}"""))
        );
        Assert.IsType<ChatCommand.Unreadable>(CommandParser.FromCard("claim", null));
        Assert.IsType<ChatCommand.Unreadable>(CommandParser.FromCard(null, []));
        Assert.IsType<ChatCommand.Unreadable>(CommandParser.FromSubmit(JObject.Parse("""{"verb":5}""")));
    }
}
