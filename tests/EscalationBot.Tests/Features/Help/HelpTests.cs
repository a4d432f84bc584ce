using EscalationBot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Help;

/// <summary><c>help</c> through /api/messages: each role sees the commands it can use, and the help card stays.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HelpTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task A_partner_manager_s_help_lists_filing_and_their_own_cases_and_no_staff_command()
    {
        var help = await HelpAsync(People.Reporter, Activities.Personal(People.Reporter));

        Assert.Contains("escalate [description]", help.Shown);
        Assert.Contains("status ESC-n", help.Shown);
        Assert.Contains("update ESC-n text", help.Shown);
        Assert.Contains("reopen ESC-n reason", help.Shown);
        foreach (var staff in new[] { "claim", "triage", "handover", "setup", "queue", "who", "shift" })
        {
            Assert.DoesNotContain(help.Shown, c => c.StartsWith(staff, StringComparison.Ordinal));
        }

        Assert.Empty(help.More);
        Assert.Null(help.Toggle);
    }

    [Fact]
    public async Task A_specialist_s_help_shows_the_everyday_commands_and_the_rest_under_more()
    {
        var help = await HelpAsync(People.Specialist, "spec-dm");

        Assert.Contains("claim ESC-n", help.Shown);
        Assert.Contains("queue [filters]", help.Shown);
        Assert.Contains("who", help.Shown);
        Assert.DoesNotContain("triage ESC-n sev1 [policy-area] reason", help.Shown);
        Assert.Contains("triage ESC-n sev1 [policy-area] reason", help.More);
        Assert.Contains("consult ESC-n team question", help.More);
        Assert.DoesNotContain(help.Shown.Concat(help.More), c => c.StartsWith("setup", StringComparison.Ordinal));
        Assert.DoesNotContain("handover", help.Shown.Concat(help.More));
        Assert.DoesNotContain("update ESC-n text", help.Shown.Concat(help.More));
        Assert.NotNull(help.Toggle);
    }

    [Fact]
    public async Task A_lead_s_help_adds_the_handover_and_the_setup()
    {
        var help = await HelpAsync(People.Lead, "lead-dm");

        Assert.Contains("claim ESC-n", help.Shown);
        Assert.Contains("handover", help.Shown);
        Assert.Contains("setup queue", help.More);
        Assert.Contains("setup leads", help.More);
    }

    [Fact]
    public async Task File_an_escalation_on_the_help_card_opens_the_intake_as_a_new_card_and_keeps_the_help()
    {
        var personal = Activities.Personal(People.Reporter);
        var help = await HelpAsync(People.Reporter, personal);
        var before = Connector.Calls.Count;

        var file = SentCards.Actions(help.Card).Single(a => a.Value<string>("title") == "File an escalation");
        var answer = await Host.SendAsync(
            Activities.Invoke(People.Reporter, "openIntake", (JObject)file["data"]!, personal, help.MessageId)
        );

        // Not a card in the invoke's answer, which Teams would put in the help card's place.
        Assert.NotEqual("application/vnd.microsoft.card.adaptive", answer!.Value<string>("type"));
        var after = Connector.Calls.Skip(before).ToList();
        var intake = Assert.Single(after, c => c.Card is not null);
        Assert.True(intake.IsPost);
        Assert.Equal(personal, intake.ConversationId);
        Assert.Contains("Submit escalation", intake.AllText);
        Assert.DoesNotContain(after, c => c.IsUpdate);
    }

    private async Task<HelpSeen> HelpAsync(TestUser who, string conversation)
    {
        var before = Connector.Calls.Count;
        await Host.SendAsync(Activities.Message(who, "help", conversation));
        var sent = Connector.Calls.Skip(before).Single(c => c.ConversationId == conversation && c.Card is not null);
        var card = sent.Card!;
        var hidden = card.Descendants().OfType<JObject>().Where(o => o.Value<bool?>("isVisible") == false).ToList();
        var more = hidden.SelectMany(Commands).ToList();
        var toggle = SentCards.Actions(card).SingleOrDefault(a => a.Value<string>("type") == "Action.ToggleVisibility");
        if (toggle is not null)
        {
            Assert.Equal(hidden.Select(h => h.Value<string>("id")), toggle["targetElements"]!.Values<string>());
        }

        return new HelpSeen(card, sent.MessageId, Commands(card).Except(more).ToList(), more, toggle);
    }

    private static IEnumerable<string> Commands(JObject element) =>
        element
            .Descendants()
            .OfType<JObject>()
            .Where(o => o.Value<string>("type") == "FactSet")
            .SelectMany(f => f["facts"]!.Select(fact => fact.Value<string>("title")!));

    private sealed record HelpSeen(
        JObject Card,
        string? MessageId,
        IReadOnlyList<string> Shown,
        IReadOnlyList<string> More,
        JObject? Toggle
    );
}
