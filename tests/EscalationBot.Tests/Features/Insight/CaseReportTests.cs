using System.Net;
using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Insight;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Insight;

/// <summary><c>report ESC-n</c> end to end: who gets the preview, where, and the document its link serves.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseReportTests(AzuriteFixture azurite) : FiledCaseTest(azurite)
{
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };
    private const string SamDm = "sam-dm";

    [Fact]
    public async Task The_owner_gets_a_preview_whose_link_serves_the_document_with_the_triage_and_the_internal_note()
    {
        await WorkedCaseAsync();

        var card = await ReportAsync(People.Specialist, SamDm);
        Assert.Contains("Report: ESC-1", card.AllText);
        Assert.Contains("1 internal note, 0 consults, 0 questions to the reporter", card.AllText);
        var response = await FetchAsync(card);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            response.Content.Headers.ContentType?.MediaType
        );
        var paragraphs = CaseReportSamples.Paragraphs(await response.Content.ReadAsByteArrayAsync());
        var texts = paragraphs.Select(p => p.Text).ToList();
        Assert.Equal(
            ["Summary", "Assessment", "Investigation", "Decision", "Timing against the targets", "Appendix: timeline"],
            paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text)
        );
        Assert.Contains("Coordinated threats against a journalist.", texts);
        Assert.Equal(
            "Yes",
            texts[texts.IndexOf(Triage.Checklist.Single(q => q.Risk == Risk.HighRiskAccount).Question) + 1]
        );
        Assert.Equal("No", texts[texts.IndexOf("Imminent risk of real-world harm?") + 1]);
        Assert.Contains(
            texts,
            t =>
                t.StartsWith("Sev1 → Sev2", StringComparison.Ordinal)
                && t.EndsWith("No date is named", StringComparison.Ordinal)
        );
        var note = Assert.Single(paragraphs, p => p.Text.StartsWith("Internal · ", StringComparison.Ordinal));
        Assert.EndsWith("Partner confirmed by phone", note.Text);
        Assert.NotNull(note.Fill);
    }

    [Fact]
    public async Task A_lead_gets_it_and_the_reporter_and_another_specialist_are_refused()
    {
        await WorkedCaseAsync();

        Assert.Contains("Report: ESC-1", (await ReportAsync(People.Lead, "lead-dm")).AllText);
        var reporter = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Message(People.Reporter, "report ESC-1", reporter));
        await Connector.WaitForAsync(
            c =>
                c.ConversationId == reporter
                && c.Text == CaseRules.ReportRefused(Actor(People.Reporter, Role.Reporter))!.Reason,
            "the reporter refused"
        );
        await Host.SendAsync(Activities.Message(People.Specialist2, "report ESC-1", "sky-dm"));
        await Connector.WaitForAsync(
            c =>
                c.ConversationId == "sky-dm"
                && c.Text == "ESC-1 is held by Sam Specialist: only its owner or a lead can have its report.",
            "another specialist refused"
        );
        Assert.DoesNotContain(Connector.Calls, c => c.ConversationId is "sky-dm" && c.Card is not null);
    }

    [Fact]
    public async Task A_sensitive_cases_report_is_refused_in_the_queue_with_nothing_posted_and_given_in_a_1_1_chat()
    {
        const string url = "https://www.facebook.com/post/sensitive";
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(policyArea: "ChildSafety", urls: url),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));
        await Host.SendAsync(Activities.Message(People.Specialist, "note ESC-1 NOTE-SECRET", SamDm));
        await Host.WaitForJobsAsync();
        var before = Connector.Calls.Count;

        await Host.SendAsync(Activities.Message(People.Specialist, "report ESC-1", Activities.QueueChannel));
        var refused = await Connector.WaitForAsync(
            c => c.ConversationId == Activities.QueueChannel && c.Text.Contains("1:1 chat", StringComparison.Ordinal),
            "refused in the channel"
        );
        Assert.Equal(
            "ESC-1 is sensitive: its report goes only to a 1:1 chat. Type 'report ESC-1' in your 1:1 chat with me.",
            refused.Text
        );
        await Host.WaitForJobsAsync();
        var posted = Connector.Calls.Skip(before).Where(c => c.ConversationId == Activities.QueueChannel).ToList();
        Assert.Equal([refused], posted);
        Assert.Null(refused.Card);

        var card = await ReportAsync(People.Specialist, SamDm);
        Assert.Contains("Sensitive", card.AllText);
        foreach (var secret in new[] { url, "Coordinated threats", "NOTE-SECRET" })
        {
            Assert.DoesNotContain(secret, card.Body.ToString());
        }

        var texts = CaseReportSamples
            .Paragraphs(await (await FetchAsync(card)).Content.ReadAsByteArrayAsync())
            .Select(p => p.Text);
        Assert.Contains(url, texts);
    }

    [Fact]
    public async Task An_unknown_case_and_a_word_that_is_no_case_id_get_a_clear_answer()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "report ESC-99", "lead-dm"));
        await Connector.WaitForAsync(
            c => c.ConversationId == "lead-dm" && c.Text == "There is no case ESC-99.",
            "no such case"
        );
        await Host.SendAsync(
            Activities.Message(People.Reporter, "report ESC-99", Activities.Personal(People.Reporter))
        );
        // A partner manager learns nothing about a case number, not even that it is free.
        await Connector.WaitForAsync(
            c =>
                c.ConversationId == Activities.Personal(People.Reporter)
                && c.Text.StartsWith("A case's report is for its owner", StringComparison.Ordinal),
            "the reporter refused for a case that does not exist"
        );
    }

    [Fact]
    public async Task The_link_serves_nothing_once_the_requester_may_no_longer_have_the_report()
    {
        await WorkedCaseAsync();
        var card = await ReportAsync(People.Specialist, SamDm);
        await Host.SendAsync(Activities.Message(People.Specialist2, "help", "sky-dm"));
        await Host.SendAsync(Activities.Message(People.Lead, "reassign ESC-1 Sky Specialist", "lead-dm"));
        await Connector.WaitForAsync(
            c => c.ConversationId == "lead-dm" && c.Text == "ESC-1 is now with Sky Specialist.",
            "reassigned"
        );

        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(card)).StatusCode);
    }

    /// <summary>Filed Sev1; Sam claims it, triages it down to Sev2 with the checklist and a reason, notes it.</summary>
    private async Task WorkedCaseAsync()
    {
        await FileAsync(Activities.Personal(People.Reporter));
        await Host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));
        var answers = new JObject(Esc1) { ["triageSeverity"] = "Sev2", ["triageReason"] = "No date is named" };
        foreach (var (risk, _) in Triage.Checklist)
        {
            answers["risk" + risk] = risk == Risk.HighRiskAccount ? "true" : "false";
        }

        await Host.SendAsync(Activities.Invoke(People.Specialist, "triage", answers, Activities.QueueChannel));
        await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "note",
                new JObject(Esc1) { ["note"] = "Partner confirmed by phone" },
                Activities.QueueChannel
            )
        );
    }

    private async Task<ConnectorCall> ReportAsync(TestUser who, string conversation)
    {
        await Host.SendAsync(Activities.Message(who, "report ESC-1", conversation));
        return await Connector.WaitForAsync(
            c => c.ConversationId == conversation && c.AllText.Contains("Report: ESC-1", StringComparison.Ordinal),
            $"the report's preview in {conversation}"
        );
    }

    private async Task<HttpResponseMessage> FetchAsync(ConnectorCall card)
    {
        var download = SentCards.Actions(card.Card!).Single(a => a.Value<string>("type") == "Action.OpenUrl");
        Assert.Equal("Download the report (.docx)", download.Value<string>("title"));
        var url = new Uri(download.Value<string>("url")!);
        Assert.EndsWith("/ESC-1-report.docx", url.AbsolutePath);
        using var client = Host.CreateClient();
        return await client.GetAsync(url.PathAndQuery);
    }

    private static Actor Actor(TestUser user, Role role) => new(new Person(user.Id, user.Name), role);
}
