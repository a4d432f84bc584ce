using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.CaseActions;

[Collection(AzuriteCollection.Name)]
public sealed class ConsultTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };

    [Fact]
    public async Task The_owner_consults_a_team_from_the_card_and_the_answer_brings_the_case_back()
    {
        await Host.SendAsync(Activities.Message(People.Specialist, "help", "spec-dm")); // the owner has a 1:1 chat with the bot
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));

        var unknown = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "consult",
                new JObject(Esc1) { ["team"] = "Marketing", ["question"] = "?" },
                Activities.QueueChannel
            )
        );
        Assert.StartsWith("Choose a team to consult:", unknown!.Value<string>("value"));

        var asked = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "consult",
                new JObject(Esc1) { ["team"] = "Legal", ["question"] = "Is this defamatory?" },
                Activities.QueueChannel
            )
        );
        var card = SentCards.Texts(asked!["value"]!);
        Assert.Contains("Consulting Legal: asked by Sam Specialist", card);
        Assert.Contains("Is this defamatory?", card);
        Assert.Equal(CaseState.Consulting, (await StoredAsync()).State);

        await Host.SendAsync(
            Activities.Message(People.Specialist2, "answer ESC-1 Legal says it is not defamatory.", "spec2-dm")
        );
        await Connector.WaitForAsync(
            c => c.Text == "Answer recorded on ESC-1; it is back with Sam Specialist.",
            "answer recorded"
        );
        var told = await Connector.WaitForAsync(
            c => c.ConversationId == "spec-dm" && c.IsPost && c.Text.Contains("recorded the consult's answer"),
            "owner told of the answer"
        );
        Assert.Equal(
            "Sky Specialist recorded the consult's answer on ESC-1: \u201cLegal says it is not defamatory.\u201d",
            told.Text
        );
        Assert.Contains("ESC-1 · Sev1 critical", told.AllText);
        var stored = await StoredAsync();
        Assert.Equal(CaseState.Claimed, stored.State);
        Assert.Null(stored.Consult);

        await Host.SendAsync(
            Activities.Message(People.Specialist, "consult ESC-1 content-policy: Does satire apply?", "spec-dm")
        );
        await Connector.WaitForAsync(
            c => c.Text.StartsWith("ESC-1 is now consulting Content Policy.", StringComparison.Ordinal),
            "typed consult"
        );
        Assert.Equal(
            new Consult(
                "Content Policy",
                "Does satire apply?",
                new Person(People.Specialist.Id, People.Specialist.Name),
                (await StoredAsync()).Consult!.Since
            ),
            (await StoredAsync()).Consult
        );

        // The owner recording the answer themselves is not told about it.
        await Host.SendAsync(Activities.Message(People.Specialist, "answer ESC-1 Satire applies.", "spec-dm"));
        await Host.WaitForJobsAsync();
        Assert.Equal(
            2,
            Connector.Calls.Count(c => c.Text == "Answer recorded on ESC-1; it is back with Sam Specialist.")
        );
        Assert.Single(
            Connector.Calls,
            c => c.ConversationId == "spec-dm" && c.Text.Contains("recorded the consult's answer")
        );

        var history = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Equal(
            [
                (AuditAction.Filed, null),
                (AuditAction.Claimed, null),
                (AuditAction.Consulting, "Legal"),
                (AuditAction.ConsultAnswered, "Legal"),
                (AuditAction.Consulting, "Content Policy"),
                (AuditAction.ConsultAnswered, "Content Policy"),
            ],
            history.Select(h => (h.Action, h.Detail?.Team))
        );
        Assert.Equal("Legal says it is not defamatory.", history[3].Text);
    }

    private async Task<Case> StoredAsync() =>
        (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
}
