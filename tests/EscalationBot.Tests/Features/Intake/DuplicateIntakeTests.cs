using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Intake;

[Collection(AzuriteCollection.Name)]
public sealed class DuplicateIntakeTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task A_report_of_content_an_open_case_names_is_shown_that_case_first_then_added_to_it_or_filed_linked()
    {
        var first = Activities.Personal(People.Reporter);
        var second = Activities.Personal(People.OtherReporter);
        await Host.SendAsync(Activities.Message(People.Specialist, "help", "spec-dm"));
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(urls: "https://www.facebook.com/post/77"),
                first
            )
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));

        var again = Activities.IntakeForm(urls: "http://m.facebook.com/post/77/?utm_source=share");
        again["description"] = "Same post, now with a second threat.";
        var shown = await Host.SendAsync(Activities.Invoke(People.OtherReporter, "submitIntake", again, second));
        var card = (JObject)shown!["value"]!;
        Assert.Contains("Is this ESC-1?", SentCards.Texts(card));
        Assert.DoesNotContain("Coordinated threats", card.ToString());
        Assert.Single(await OpenAsync());

        var buttons = SentCards.Actions(card).ToDictionary(a => a.Value<string>("title")!);
        var added = await Host.SendAsync(
            Activities.Invoke(People.OtherReporter, "addToCase", (JObject)buttons["Add to ESC-1"]["data"]!, second)
        );
        Assert.Equal("Added to ESC-1: the specialists handling it can see your report.", added!.Value<string>("value"));
        var history = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Equal(AuditAction.ReportAdded, history[^1].Action);
        Assert.Contains("Same post, now with a second threat.", history[^1].Text);
        var told = await Connector.WaitForAsync(
            c => c.ConversationId == "spec-dm" && c.IsPost && c.AllText.Contains("ESC-1 · Sev1 critical"),
            "the owner is told"
        );
        Assert.Equal("Pia Partner-Manager added a report to ESC-1 instead of filing a new case.", told.Text);

        var shownAgain = await Host.SendAsync(Activities.Invoke(People.OtherReporter, "submitIntake", again, second));
        var anyway = SentCards
            .Actions((JObject)shownAgain!["value"]!)
            .Single(a => a.Value<string>("title") == "File anyway");
        var filed = await Host.SendAsync(
            Activities.Invoke(People.OtherReporter, "submitIntake", (JObject)anyway["data"]!, second)
        );
        Assert.Contains("Escalation ESC-2 filed", SentCards.Texts(filed!["value"]!));
        var linked = (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(2, CancellationToken.None))!.Case;
        Assert.Equal(1, linked.LinkedTo);
        Assert.Equal(2, (await OpenAsync()).Count);
    }

    [Fact]
    public async Task A_forged_add_to_someone_else_s_case_changes_nothing_tells_nobody_and_answers_as_for_an_unknown_case()
    {
        // Reproduction 2 of issue 11: a second partner manager names ESC-1 in addToCase, with an unrelated link.
        await Host.SendAsync(Activities.Message(People.Specialist, "help", "spec-dm"));
        var first = Activities.IntakeForm(urls: "https://www.facebook.com/post/77");
        await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", first, Activities.Personal(People.Reporter))
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));
        await Host.WaitForJobsAsync();
        var store = Host.Services.GetRequiredService<ICaseStore>();
        var before = (await store.GetAsync(1, CancellationToken.None))!.Case;
        var historyBefore = await store.HistoryAsync(1, CancellationToken.None);
        var calls = Connector.Calls.Count;

        var second = Activities.Personal(People.OtherReporter);
        var form = Activities.IntakeForm(urls: "https://www.facebook.com/post/unrelated-to-esc-1");
        var forged = await Host.SendAsync(
            Activities.Invoke(People.OtherReporter, "addToCase", new JObject(form) { ["caseId"] = "ESC-1" }, second)
        );
        var unknown = await Host.SendAsync(
            Activities.Invoke(People.OtherReporter, "addToCase", new JObject(form) { ["caseId"] = "ESC-99" }, second)
        );

        Assert.Equal("There is no case ESC-99.", unknown!.Value<string>("value"));
        Assert.Equal(unknown.ToString().Replace("ESC-99", "ESC-1"), forged!.ToString());
        await Host.WaitForJobsAsync();
        Assert.Empty(Connector.Calls.Skip(calls)); // the owner is not messaged, the queue card not edited
        var after = (await store.GetAsync(1, CancellationToken.None))!.Case;
        Assert.Equal(before.Report.ContentUrls, after.Report.ContentUrls);
        Assert.Equal(historyBefore.Count, (await store.HistoryAsync(1, CancellationToken.None)).Count);
    }

    private async Task<IReadOnlyList<Case>> OpenAsync() =>
        await Host.Services.GetRequiredService<ICaseStore>().ListOpenAsync(CancellationToken.None);
}
