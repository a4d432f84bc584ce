using EscalationBot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Handover;

/// <summary>The handover digest on demand, through /api/messages, from cases stored in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HandoverTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task A_lead_gets_the_digest_with_what_is_open_held_resolved_and_noted()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm("Sev2", "HateSpeech"), personal)
        );
        await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm("Sev3", "Privacy"), personal)
        );
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm("Sev3", "Misinformation"),
                personal
            )
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-2", "spec-dm"));
        await Host.SendAsync(
            Activities.Message(People.Specialist, "handover note ESC-2 Partner calls back at 9", "spec-dm")
        );
        await Connector.WaitForAsync(
            c => c.Text == "Handover note left on ESC-2: the next shift's digest shows it.",
            "note left"
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-3", "spec-dm"));
        await Host.SendAsync(
            Activities.Message(People.Specialist, "resolve ESC-3 no-violation Satire, allowed", "spec-dm")
        );

        await Host.SendAsync(Activities.Message(People.Lead, "handover", "lead-dm"));
        var digest = await Connector.WaitForAsync(
            c => c.ConversationId == "lead-dm" && c.AllText.StartsWith("Handover now", StringComparison.Ordinal),
            "digest"
        );
        var text = digest.AllText;
        Assert.Contains("Unclaimed · 1", text);
        Assert.Contains("**ESC-1** · Sev2 high · Hate speech", text);
        Assert.Contains("Held · 1", text);
        Assert.Contains("**ESC-2** · Sev3 normal · Privacy · Sam Specialist · Claimed", text);
        Assert.Contains("1 resolved; 1 met both targets (100%).", text);
        Assert.Contains("**ESC-3** · Sev3 normal · Misinformation · No violation · Sam Specialist · targets met", text);
        Assert.Contains("**ESC-2** · Sev3 normal · Privacy · Sam Specialist: Partner calls back at 9", text);
        Assert.DoesNotContain("examplepage", text); // no accounts or links in a digest
    }

    [Fact]
    public async Task Only_leads_post_the_digest_and_only_staff_leave_notes()
    {
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "handover", "spec-dm"));
        await Connector.WaitForAsync(
            c => c.Text == "Only leads can post the handover digest on demand.",
            "specialist refused"
        );

        await Host.SendAsync(
            Activities.Message(
                People.Reporter,
                "handover note ESC-1 please hurry",
                Activities.Personal(People.Reporter)
            )
        );
        await Connector.WaitForAsync(
            c => c.Text == "Only specialists and leads can leave handover notes.",
            "reporter refused"
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "handover note ESC-99 hello", "spec-dm"));
        await Connector.WaitForAsync(c => c.Text == "There is no case ESC-99.", "unknown case");
        await Host.SendAsync(Activities.Message(People.Specialist, "handover note", "spec-dm"));
        await Connector.WaitForAsync(
            c => c.AllText.Contains("Try: handover note ESC-12", StringComparison.Ordinal),
            "usage"
        );
    }

    [Fact]
    public async Task A_handover_note_left_from_the_case_card_shows_on_the_card_and_in_the_digest()
    {
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm("Sev2", "HateSpeech"),
                Activities.Personal(People.Reporter)
            )
        );
        var claimed = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "claim", new JObject { ["caseId"] = "ESC-1" }, Activities.QueueChannel)
        );
        var button = SentCards
            .Actions((JObject)claimed!["value"]!)
            .Single(a => a.Value<string>("title") == "Leave for the next shift");
        Assert.Equal("handoverNote", button.Value<string>("verb"));

        var noted = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "handoverNote",
                new JObject((JObject)button["data"]!) { ["handoverNote"] = "Partner calls back at 9" },
                Activities.QueueChannel
            )
        );
        var card = SentCards.Texts(noted!["value"]!);
        Assert.Contains("For the next shift, from Sam Specialist", card);
        Assert.Contains("Partner calls back at 9", card);

        // Forged: a reporter, and an empty note, change nothing.
        var reporter = await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "handoverNote",
                new JObject { ["caseId"] = "ESC-1", ["handoverNote"] = "hurry" },
                Activities.Personal(People.Reporter)
            )
        );
        Assert.Equal("Only specialists and leads can leave handover notes.", reporter!.Value<string>("value"));
        var empty = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "handoverNote",
                new JObject { ["caseId"] = "ESC-1" },
                Activities.QueueChannel
            )
        );
        Assert.Equal("Write the handover note.", empty!.Value<string>("value"));

        await Host.SendAsync(Activities.Message(People.Lead, "handover", "lead-dm"));
        var digest = await Connector.WaitForAsync(
            c => c.ConversationId == "lead-dm" && c.AllText.StartsWith("Handover now", StringComparison.Ordinal),
            "digest"
        );
        Assert.Contains(
            "**ESC-1** · Sev2 high · Hate speech · Sam Specialist: Partner calls back at 9",
            digest.AllText
        );
    }
}
