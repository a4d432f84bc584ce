using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features;

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
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(policyArea: "ChildSafety", urls: Url),
                Activities.Personal(People.Reporter)
            )
        );
        var posted = await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"),
            "queue post"
        );
        Assert.Contains("Sensitive: details hidden", posted.AllText);
        Assert.DoesNotContain(Url, posted.Body.ToString());
        Assert.DoesNotContain("Coordinated threats", posted.Body.ToString());
        await Host.WaitForJobsAsync();

        var refused = await Host.SendAsync(
            Activities.Invoke(People.OtherReporter, "reveal", Esc1, Activities.QueueChannel)
        );
        Assert.Equal("Only specialists and leads can reveal a case's details.", refused!.Value<string>("value"));

        var revealed = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "reveal", Esc1, Activities.QueueChannel)
        );
        Assert.Contains(Url, SentCards.Texts(revealed!["value"]!));
        Assert.Contains("Coordinated threats against a journalist.", SentCards.Texts(revealed["value"]!));

        // The shared message is not edited: everyone else still sees the hidden card.
        await Host.WaitForJobsAsync();
        Assert.DoesNotContain(Connector.Calls, c => c.IsUpdate);
        var history = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Contains(history, h => h.Action == AuditAction.RevealedDetails && h.Actor.Id == People.Specialist.Id);

        // In a channel, a typed reveal would show everyone: it is refused with the private way to do it.
        await Host.SendAsync(Activities.Message(People.Specialist, "reveal ESC-1", Activities.QueueChannel));
        await Connector.WaitForAsync(
            c => c.Text.StartsWith("Here the details would show to everyone", StringComparison.Ordinal),
            "typed reveal refused in a channel"
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "reveal ESC-1", "spec-dm"));
        await Connector.WaitForAsync(
            c => c.ConversationId == "spec-dm" && c.AllText.Contains(Url),
            "typed reveal in a 1:1 chat"
        );

        // The history keeps the description off as well.
        await Host.SendAsync(Activities.Message(People.Lead, "history ESC-1", Activities.QueueChannel));
        var timeline = await Connector.WaitForAsync(c => c.AllText.Contains("History of ESC-1"), "history");
        Assert.DoesNotContain("Coordinated threats", timeline.AllText);
    }

    [Fact]
    public async Task Nothing_written_about_a_sensitive_case_reaches_a_shared_surface_until_a_viewer_reveals_it()
    {
        // Reproduction 1 of issue 11, and every other text the team writes on a case: a unique token in each.
        var token = Guid.NewGuid().ToString("N")[..8];
        var (note, handover, question, answer, reason, ask, update, summary, reopen) = (
            $"NOTE{token}",
            $"HANDOVER{token}",
            $"QUESTION{token}",
            $"ANSWER{token}",
            $"TRIAGE{token}",
            $"ASK{token}",
            $"UPDATE{token}",
            $"SUMMARY{token}",
            $"REOPEN{token}"
        );
        string[] written = [note, handover, question, answer, reason, ask, update, summary, reopen];
        var reporter = Activities.Personal(People.Reporter);
        void NoneShown(string where, string text)
        {
            foreach (var secret in written.Append("Coordinated threats"))
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} shows \"{secret}\": {text}");
            }
        }

        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Host.SendAsync(Activities.Message(People.Specialist, "help", "spec-dm"));
        var form = Activities.IntakeForm(policyArea: "ChildSafety", urls: Url);
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", form, reporter));
        await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"),
            "queue post"
        );
        await Host.WaitForJobsAsync();

        var pressed = new List<JObject?>
        {
            await Host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel)),
            await Host.SendAsync(
                Activities.Invoke(
                    People.Specialist,
                    "note",
                    new JObject(Esc1) { ["note"] = note },
                    Activities.QueueChannel
                )
            ),
        };
        await Host.SendAsync(Activities.Message(People.Specialist, $"handover note ESC-1 {handover}", "spec-dm"));
        var consult = new JObject(Esc1) { ["team"] = "Legal", ["question"] = question };
        pressed.Add(
            await Host.SendAsync(Activities.Invoke(People.Specialist, "consult", consult, Activities.QueueChannel))
        );
        await Host.WaitForJobsAsync();
        await Host.SendAsync(Activities.Message(People.Lead, "handover", Activities.QueueChannel));
        await Connector.WaitForAsync(
            c =>
                c.ConversationId == Activities.QueueChannel
                && c.AllText.StartsWith("Handover now", StringComparison.Ordinal),
            "digest on demand"
        );
        await Host.SendAsync(Activities.Message(People.Specialist2, $"answer ESC-1 {answer}", "spec2-dm"));
        await Host.SendAsync(Activities.Message(People.Specialist, $"triage ESC-1 sev2 {reason}", "spec-dm"));
        await Host.SendAsync(Activities.Message(People.Specialist, $"ask ESC-1 {ask}", "spec-dm"));
        await Host.SendAsync(Activities.Message(People.Reporter, $"update ESC-1 {update}", reporter));
        await Host.SendAsync(Activities.Message(People.Specialist, $"resolve ESC-1 actioned {summary}", "spec-dm"));
        await Host.WaitForJobsAsync();
        var resolvedCard = Connector.Calls.Last(c => c.IsUpdate && c.ConversationId == Activities.QueueChannel);
        Assert.Contains("Resolved by Sam Specialist: Actioned", resolvedCard.AllText);
        Assert.Contains(EscalationBot.Cards.Cases.CaseView.HiddenText, resolvedCard.AllText);
        await Host.SendAsync(Activities.Message(People.Reporter, $"reopen ESC-1 {reopen}", reporter));

        await Host.SendAsync(Activities.Message(People.Lead, "history ESC-1", Activities.QueueChannel));
        var history = await Connector.WaitForAsync(
            c => c.AllText.Contains("History of ESC-1"),
            "history in the channel"
        );
        Assert.Contains("**Sam Specialist** · note", history.AllText); // who did what, and when, still show
        Assert.Contains("**Pat Partner-Manager** · reporter answered", history.AllText);
        Assert.Contains("type 'reveal ESC-1' in your 1:1 chat with me", history.AllText);
        await Host.SendAsync(Activities.Message(People.Specialist2, "status ESC-1", Activities.QueueChannel));
        await Host.SendAsync(Activities.Message(People.Specialist2, "queue", Activities.QueueChannel));
        await Connector.WaitForAsync(
            c => c.AllText.StartsWith("Open cases (1)", StringComparison.Ordinal),
            "queue in the channel"
        );
        await Host.WaitForJobsAsync();

        // Every card and message outside the reporter's own chat: queue posts and edits, notices, answers, the digest.
        var shared = Connector.Calls.Where(c => c.ConversationId != reporter).ToList();
        Assert.Contains(shared, c => c.IsUpdate && c.ConversationId == Activities.QueueChannel);
        foreach (var call in shared)
        {
            NoneShown($"{call.Method} to {call.ConversationId}", call.Body.ToString());
        }

        foreach (var response in pressed)
        {
            NoneShown("a card press's answer", response!.ToString());
        }

        // The reporter's own view keeps what they wrote.
        await Host.SendAsync(Activities.Message(People.Reporter, "status ESC-1", reporter));
        await Connector.WaitForAsync(
            c => c.ConversationId == reporter && c.AllText.Contains("Coordinated threats against a journalist."),
            "reporter's status"
        );

        // A reveal shows it all to the one who asked, goes on the timeline, and edits no shared message.
        var before = Connector.Calls.Count;
        var revealed = SentCards.Texts(
            (await Host.SendAsync(Activities.Invoke(People.Specialist, "reveal", Esc1, Activities.QueueChannel)))![
                "value"
            ]!
        );
        foreach (var secret in written)
        {
            Assert.Contains(secret, revealed);
        }

        await Host.WaitForJobsAsync();
        Assert.Empty(Connector.Calls.Skip(before));
        var audit = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Contains(audit, h => h.Action == AuditAction.RevealedDetails && h.Actor.Id == People.Specialist.Id);

        // Per viewer: the lead, even in a 1:1 chat, still sees the texts hidden until they reveal for themselves.
        await Host.SendAsync(Activities.Message(People.Lead, "history ESC-1", "lead-dm"));
        var leadHistory = await Connector.WaitForAsync(
            c => c.ConversationId == "lead-dm" && c.AllText.Contains("History of ESC-1"),
            "history in a 1:1 chat"
        );
        NoneShown("the lead's history", leadHistory.Body.ToString());
        Assert.Contains("**Sam Specialist** · revealed details", leadHistory.AllText);
    }

    [Fact]
    public async Task The_reporter_can_mark_a_case_sensitive_and_the_shared_card_hides_its_details()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        var form = Activities.IntakeForm(policyArea: "HateSpeech", urls: Url);
        await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", form, Activities.Personal(People.Reporter))
        );
        var posted = await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"),
            "queue post"
        );
        Assert.Contains(Url, posted.AllText);
        await Host.WaitForJobsAsync();

        await Host.SendAsync(
            Activities.Message(People.Reporter, "sensitive ESC-1", Activities.Personal(People.Reporter))
        );
        await Connector.WaitForAsync(
            c => c.Text == "ESC-1 is now sensitive: its details are hidden from previews.",
            "marked"
        );
        var edited = await Connector.WaitForAsync(
            c => c.IsUpdate && c.AllText.Contains("Sensitive: details hidden"),
            "queue card hidden"
        );
        Assert.DoesNotContain(Url, edited.Body.ToString());

        await Host.SendAsync(
            Activities.Message(People.OtherReporter, "sensitive ESC-1", Activities.Personal(People.OtherReporter))
        );
        await Connector.WaitForAsync(
            c => c.Text == "Only the reporter, specialists and leads can mark ESC-1 sensitive.",
            "others refused"
        );
    }

    [Fact]
    public async Task The_intake_toggle_marks_a_case_sensitive_from_the_start()
    {
        var form = Activities.IntakeForm(policyArea: "Privacy");
        form["sensitive"] = "true";
        await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", form, Activities.Personal(People.Reporter))
        );
        var stored = (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
        Assert.True(stored.MarkedSensitive);
        Assert.True(stored.IsSensitive);
    }
}
