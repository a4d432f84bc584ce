using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat;

/// <summary>Graphic cases keep their details off the shared card; a reveal is per viewer and audited.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SensitiveContentTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };
    private const string Url = "https://www.facebook.com/post/1";

    [Fact]
    public async Task A_graphic_case_is_posted_without_details_and_revealed_only_to_the_specialist_who_asks()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(policyArea: "ChildSafety", urls: Url), Activities.Personal(People.Reporter)));
        var posted = await Connector.WaitForAsync(c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"), "queue post");
        Assert.Contains("Sensitive: details hidden", posted.AllText);
        Assert.DoesNotContain(Url, posted.Body.ToString());
        Assert.DoesNotContain("Coordinated threats", posted.Body.ToString());
        await Host.WaitForJobsAsync();

        var refused = await Host.SendAsync(Activities.Invoke(People.OtherReporter, "reveal", Esc1, Activities.QueueChannel));
        Assert.Equal("Only specialists and leads can reveal a case's details.", refused!.Value<string>("value"));

        var revealed = await Host.SendAsync(Activities.Invoke(People.Specialist, "reveal", Esc1, Activities.QueueChannel));
        Assert.Contains(Url, ChatFlowTests.Texts(revealed!["value"]!));
        Assert.Contains("Coordinated threats against a journalist.", ChatFlowTests.Texts(revealed["value"]!));

        // The shared message is not edited: everyone else still sees the hidden card.
        await Host.WaitForJobsAsync();
        Assert.DoesNotContain(Connector.Calls, c => c.IsUpdate);
        var history = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Contains(history, h => h.Action == "revealed details" && h.Actor.Id == People.Specialist.Id);

        // In a channel, a typed reveal would show everyone: it is refused with the private way to do it.
        await Host.SendAsync(Activities.Message(People.Specialist, "reveal ESC-1", Activities.QueueChannel));
        await Connector.WaitForAsync(c => c.Text.StartsWith("Here the details would show to everyone", StringComparison.Ordinal), "typed reveal refused in a channel");
        await Host.SendAsync(Activities.Message(People.Specialist, "reveal ESC-1", "spec-dm"));
        await Connector.WaitForAsync(c => c.ConversationId == "spec-dm" && c.AllText.Contains(Url), "typed reveal in a 1:1 chat");

        // The history keeps the description off as well.
        await Host.SendAsync(Activities.Message(People.Lead, "history ESC-1", Activities.QueueChannel));
        var timeline = await Connector.WaitForAsync(c => c.AllText.Contains("History of ESC-1"), "history");
        Assert.DoesNotContain("Coordinated threats", timeline.AllText);
    }

    [Fact]
    public async Task The_reporter_can_mark_a_case_sensitive_and_the_shared_card_hides_its_details()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        var form = Activities.IntakeForm(policyArea: "HateSpeech", urls: Url);
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", form, Activities.Personal(People.Reporter)));
        var posted = await Connector.WaitForAsync(c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"), "queue post");
        Assert.Contains(Url, posted.AllText);
        await Host.WaitForJobsAsync();

        await Host.SendAsync(Activities.Message(People.Reporter, "sensitive ESC-1", Activities.Personal(People.Reporter)));
        await Connector.WaitForAsync(c => c.Text == "ESC-1 is now sensitive: its details are hidden from previews.", "marked");
        var edited = await Connector.WaitForAsync(c => c.IsUpdate && c.AllText.Contains("Sensitive: details hidden"), "queue card hidden");
        Assert.DoesNotContain(Url, edited.Body.ToString());

        await Host.SendAsync(Activities.Message(People.OtherReporter, "sensitive ESC-1", Activities.Personal(People.OtherReporter)));
        await Connector.WaitForAsync(c => c.Text == "Only the reporter, specialists and leads can mark ESC-1 sensitive.", "others refused");
    }

    [Fact]
    public async Task The_intake_toggle_marks_a_case_sensitive_from_the_start()
    {
        var form = Activities.IntakeForm(policyArea: "Privacy");
        form["sensitive"] = "true";
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", form, Activities.Personal(People.Reporter)));
        var stored = (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
        Assert.True(stored.MarkedSensitive);
        Assert.True(stored.IsSensitive);
    }
}
