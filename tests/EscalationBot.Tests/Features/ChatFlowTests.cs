using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features;

/// <summary>The core loop end to end through /api/messages, against Azurite, with a recording Connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChatFlowTests(AzuriteFixture azurite) : FiledCaseTest(azurite)
{
    [Fact]
    public async Task Teams_flow_files_claims_and_resolves_with_the_queue_card_edited_in_place_and_the_reporter_told()
    {
        var personal = Activities.Personal(People.Reporter);

        await Host.SendAsync(
            Activities.Message(
                People.Lead,
                "<at>EscalationBot</at> setup queue",
                Activities.QueueChannel + ";messageid=777"
            )
        );
        await Connector.WaitForAsync(c => c.Text.Contains("now the specialists' queue"), "setup queue confirmed");

        await Host.SendAsync(Activities.Message(People.Reporter, "escalate Threats against a journalist", personal));
        var intake = await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("File an escalation"),
            "intake card"
        );
        Assert.Equal("Threats against a journalist", InputValue(intake.Card!, "description"));
        Assert.All(SentCards.Actions(intake.Card!), a => Assert.Equal("Action.Execute", a.Value<string>("type")));

        var filed = await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal)
        );
        Assert.Equal("application/vnd.microsoft.card.adaptive", filed!.Value<string>("type"));
        var confirmation = SentCards.Texts(filed["value"]!);
        Assert.Contains("Escalation ESC-1 filed", confirmation);
        Assert.Contains("15 min", confirmation);
        Assert.Contains("4 h", confirmation);

        // The case card goes to the queue as a new top-level post in the channel, not a reply in the setup thread.
        var posted = await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"),
            "queue post"
        );
        Assert.Null(posted.ActivityId);
        var claimButton = SentCards.Actions(posted.Card!).Single(a => a.Value<string>("verb") == "claim");
        var caseData = (JObject)claimButton["data"]!;
        var messageId = await StoredQueueMessageIdAsync(1);
        Assert.NotNull(messageId);

        var claimed = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "claim", caseData, Activities.QueueChannel, messageId)
        );
        Assert.Contains("Claimed by Sam Specialist", SentCards.Texts(claimed!["value"]!));

        var update = await Connector.WaitForAsync(
            c => c.IsUpdate && c.ActivityId == messageId && c.AllText.Contains("Claimed by Sam Specialist"),
            "queue card edited to claimed"
        );
        Assert.Equal(Activities.QueueChannel, update.ConversationId);
        await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("Sam Specialist has claimed your escalation"),
            "reporter told of the claim"
        );

        var resolveData = new JObject(caseData)
        {
            ["outcome"] = "Actioned",
            ["summary"] = "Removed the posts and restricted the account.",
        };
        var resolved = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "resolve", resolveData, Activities.QueueChannel, messageId)
        );
        Assert.Contains("Resolved by Sam Specialist: Actioned", SentCards.Texts(resolved!["value"]!));

        await Connector.WaitForAsync(
            c => c.IsUpdate && c.ActivityId == messageId && c.AllText.Contains("Resolved by Sam Specialist"),
            "queue card edited to resolved"
        );
        var outcome = await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("ESC-1 resolved: Actioned"),
            "reporter told the outcome"
        );
        Assert.Contains("Removed the posts and restricted the account.", outcome.AllText);

        var store = Host.Services.GetRequiredService<ICaseStore>();
        var stored = await store.GetAsync(1, CancellationToken.None);
        Assert.Equal(CaseState.Resolved, stored!.Case.State);
        Assert.Equal(People.Specialist.Id, stored.Case.Owner!.Id);
        Assert.Empty(await store.ListOpenAsync(CancellationToken.None));
        var history = await store.HistoryAsync(1, CancellationToken.None);
        Assert.Equal(
            [AuditAction.Filed, AuditAction.PostedToQueue, AuditAction.Claimed, AuditAction.Resolved],
            history.Select(h => h.Action)
        );
        Assert.Equal(Outcome.Actioned, history[^1].Detail?.Outcome);
        Assert.Equal(
            [People.Reporter.Id, "escalationbot", People.Specialist.Id, People.Specialist.Id],
            history.Select(h => h.Actor.Id)
        );
    }

    [Fact]
    public async Task Web_chat_gets_submit_buttons_and_its_submits_drive_the_same_flow()
    {
        // On Web Chat a person is webchat:{from.id}: the roster names the specialist there explicitly.
        await Host.DisposeAsync();
        Host = new BotHost(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?> { ["Roster:Specialists:40"] = "webchat:" + People.Specialist.Id }
        );
        var personal = "webchat-dm-" + People.Reporter.Id;
        await Host.SendAsync(Activities.Message(People.Reporter, "escalate", personal, "webchat"));
        var intake = await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("File an escalation"),
            "intake card"
        );
        var submit = SentCards.Actions(intake.Card!).Single();
        Assert.Equal("Action.Submit", submit.Value<string>("type"));

        var value = new JObject((JObject)submit["data"]!);
        value.Merge(Activities.IntakeForm(severity: "Sev3"));
        await Host.SendAsync(Activities.Submit(People.Reporter, value, personal));
        var confirmation = await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("Escalation ESC-1 filed"),
            "confirmation"
        );
        Assert.Contains("Check status", confirmation.AllText);

        await Host.SendAsync(
            Activities.Submit(
                People.Specialist,
                new JObject { ["verb"] = "claim", ["caseId"] = "ESC-1" },
                "webchat-queue"
            )
        );
        await Connector.WaitForAsync(
            c => c.ConversationId == "webchat-queue" && c.AllText.Contains("Claimed by Sam Specialist"),
            "claimed card sent back"
        );
        var stored = await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None);
        Assert.Equal(CaseState.Claimed, stored!.Case.State);
        Assert.Equal("webchat:" + People.Reporter.Id, stored.Case.Reporter.Id);
        Assert.Equal("webchat:" + People.Specialist.Id, stored.Case.Owner!.Id);
    }

    [Fact]
    public async Task Every_button_also_works_as_a_typed_command()
    {
        var personal = Activities.Personal(People.Reporter);
        await FileAsync(personal);

        await Host.SendAsync(Activities.Message(People.Specialist, "queue", "spec-dm"));
        var queue = await Connector.WaitForAsync(
            c => c.ConversationId == "spec-dm" && c.AllText.Contains("Open cases (1)"),
            "queue list"
        );
        Assert.Contains("ESC-1", queue.AllText);
        Assert.Contains("unclaimed", queue.AllText);

        await Host.SendAsync(Activities.Message(People.Specialist, "claim esc-1", "spec-dm"));
        await Connector.WaitForAsync(
            c => c.Text.StartsWith("You have claimed ESC-1", StringComparison.Ordinal),
            "claim by command"
        );

        await Host.SendAsync(
            Activities.Message(People.Specialist, "resolve ESC-1 no-violation Satire, within policy.", "spec-dm")
        );
        await Connector.WaitForAsync(
            c => c.Text.StartsWith("ESC-1 is resolved (No violation)", StringComparison.Ordinal),
            "resolve by command"
        );

        await Host.SendAsync(Activities.Message(People.Reporter, "status ESC-1", personal));
        var status = await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("Resolved by Sam Specialist: No violation"),
            "status for the reporter"
        );
        Assert.Null(status.Card!["actions"]);

        await Host.SendAsync(Activities.Message(People.Reporter, "what is this", personal));
        await Connector.WaitForAsync(
            c => c.AllText.Contains("I didn't understand \"what is this\"") && c.AllText.Contains("File an escalation"),
            "help for unknown text"
        );
    }

    [Fact]
    public async Task An_invalid_intake_comes_back_with_each_problem_named_and_the_inputs_kept()
    {
        var personal = Activities.Personal(People.Reporter);
        var form = Activities.IntakeForm(account: "https://www.facebook.com/examplepage");
        form["contentUrls"] = "javascript:alert(1)";
        form["partner"] = "";
        form["description"] = new string('x', 4001);

        var answer = await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", form, personal));
        var card = (JObject)answer!["value"]!;
        var text = SentCards.Texts(card);
        Assert.Contains("Please fix these", text);
        Assert.Contains("is not an http(s) URL", text);
        Assert.Contains("Partner / organisation is required", text);
        Assert.Contains("the limit is 4000", text);
        Assert.Equal("javascript:alert(1)", InputValue(card, "contentUrls"));
        Assert.Equal("https://www.facebook.com/examplepage", InputValue(card, "account"));
        Assert.Equal("HateSpeech", InputValue(card, "policyArea"));
        Assert.Empty(await Host.Services.GetRequiredService<ICaseStore>().ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_person_is_welcomed_once_however_often_their_client_says_they_joined()
    {
        var personal = Activities.Personal(People.Reporter);
        var joined = Activities.Raw(
            People.Reporter,
            "conversationUpdate",
            personal,
            new Newtonsoft.Json.Linq.JProperty(
                "membersAdded",
                new JArray(new JObject { ["id"] = People.Reporter.Id, ["name"] = People.Reporter.Name })
            )
        );
        await Host.SendAsync(joined);
        await Host.SendAsync((JObject)joined.DeepClone());
        await Host.SendAsync(Activities.Message(People.Reporter, "status ESC-1", personal));
        await Connector.WaitForAsync(
            c => c.Text.Contains("ESC-1 among the cases you can see"),
            "the message after the joins"
        );

        Assert.Single(Connector.Calls, c => c.AllText.Contains("Hello! I'm EscalationBot."));
    }

    private static string? InputValue(JObject card, string id) =>
        card.Descendants().OfType<JObject>().FirstOrDefault(o => o.Value<string>("id") == id)?.Value<string>("value");
}
