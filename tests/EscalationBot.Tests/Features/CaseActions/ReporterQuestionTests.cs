using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.CaseActions;

[Collection(AzuriteCollection.Name)]
public sealed class ReporterQuestionTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task The_owner_asks_the_reporter_answers_from_the_card_and_the_owner_gets_the_case_back()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Message(People.Specialist, "help", "spec-dm"));
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        await Host.SendAsync(
            Activities.Invoke(People.Specialist, "claim", new JObject { ["caseId"] = "ESC-1" }, Activities.QueueChannel)
        );

        var asked = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "askReporter",
                new JObject { ["caseId"] = "ESC-1", ["reporterQuestion"] = "Which account posted it first?" },
                Activities.QueueChannel
            )
        );
        Assert.Contains("Waiting on the reporter", SentCards.Texts(asked!["value"]!));
        Assert.Contains("paused while waiting on the reporter", SentCards.Texts(asked["value"]!));
        Assert.Equal(CaseState.WaitingOnReporter, (await StoredAsync()).State);

        var question = await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("A question about ESC-1"),
            "question to the reporter"
        );
        Assert.Contains("Which account posted it first?", question.AllText);
        var send = SentCards.Actions(question.Card!).Single(a => a.Value<string>("verb") == "update");

        var answered = await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "update",
                new JObject((JObject)send["data"]!) { ["update"] = "It was @first_account, on Monday." },
                personal
            )
        );
        Assert.DoesNotContain("Which account posted it first?", SentCards.Texts(answered!["value"]!));
        var stored = await StoredAsync();
        Assert.Equal(CaseState.Claimed, stored.State);
        Assert.Null(stored.PausedSince);
        var told = await Connector.WaitForAsync(
            c => c.ConversationId == "spec-dm" && c.IsPost && c.AllText.Contains("It was @first_account, on Monday."),
            "the owner gets the answer"
        );
        Assert.Equal(
            "Pat Partner-Manager, who reported ESC-1, sent more information: \u201cIt was @first_account, on Monday.\u201d",
            told.Text
        );

        await Host.SendAsync(
            Activities.Message(People.OtherReporter, "update ESC-1 me too", Activities.Personal(People.OtherReporter))
        );
        await Connector.WaitForAsync(
            c => c.Text == "Only the person who reported ESC-1 can add to it this way.",
            "others refused"
        );
        await Host.SendAsync(
            Activities.Message(
                People.Reporter,
                "update ESC-1 A second link: https://www.facebook.com/post/999",
                personal
            )
        );
        await Connector.WaitForAsync(c => c.Text == "Sent: the specialists handling ESC-1 can see it.", "typed update");

        var history = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Equal(
            [AuditAction.AskedReporter, AuditAction.ReporterAnswered, AuditAction.ReporterUpdate],
            history.TakeLast(3).Select(h => h.Action)
        );
    }

    private async Task<Case> StoredAsync() =>
        (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
}
