using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.CaseActions;

[Collection(AzuriteCollection.Name)]
public sealed class ReassignTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task The_owner_hands_a_case_to_a_specialist_chosen_on_the_card_who_hears_it_in_their_chat()
    {
        // Sky has talked to the bot in a 1:1 chat, so the bot knows her name and where to reach her.
        await Host.SendAsync(Activities.Message(People.Specialist2, "help", "spec2-dm"));
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        var claimed = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "claim", new JObject { ["caseId"] = "ESC-1" }, Activities.QueueChannel)
        );

        var choices = ((JObject)claimed!["value"]!)
            .Descendants()
            .OfType<JObject>()
            .Single(o => o.Value<string>("id") == "assignee");
        Assert.Equal([People.Specialist2.Name], choices["choices"]!.Select(c => c.Value<string>("title")));
        Assert.DoesNotContain(People.Reporter.Name, choices.ToString());

        var handed = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "reassign",
                new JObject { ["caseId"] = "ESC-1", ["assignee"] = People.Specialist2.Id },
                Activities.QueueChannel
            )
        );
        Assert.Contains("Claimed by Sky Specialist", SentCards.Texts(handed!["value"]!));
        Assert.Equal(People.Specialist2.Id, (await StoredAsync()).Owner!.Id);
        var told = await Connector.WaitForAsync(
            c => c.ConversationId == "spec2-dm" && c.IsPost && c.AllText.Contains("ESC-1 · Sev1 critical"),
            "new owner told in their chat"
        );
        Assert.Equal("Sam Specialist handed ESC-1 to you.", told.Text);

        var forged = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist2,
                "reassign",
                new JObject { ["caseId"] = "ESC-1", ["assignee"] = "nobody-known" },
                Activities.QueueChannel
            )
        );
        Assert.Equal("Choose who to hand the case to.", forged!.Value<string>("value"));
        Assert.Equal(People.Specialist2.Id, (await StoredAsync()).Owner!.Id);
    }

    [Fact]
    public async Task A_typed_reassign_finds_the_specialist_by_name_and_refuses_partner_managers()
    {
        await Host.SendAsync(Activities.Message(People.Specialist2, "help", "spec2-dm"));
        await Host.SendAsync(Activities.Message(People.Reporter, "help", Activities.Personal(People.Reporter)));
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));

        await Host.SendAsync(Activities.Message(People.Specialist, "reassign ESC-1 Pat Partner-Manager", "spec-dm"));
        await Connector.WaitForAsync(
            c =>
                c.Text.StartsWith(
                    "I don't know a specialist called \"Pat Partner-Manager\". Specialists I know:",
                    StringComparison.Ordinal
                ),
            "reporter is no assignee"
        );

        await Host.SendAsync(Activities.Message(People.Specialist, "reassign ESC-1 sky", "spec-dm"));
        await Connector.WaitForAsync(c => c.Text == "ESC-1 is now with Sky Specialist.", "typed reassign");
        var history = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Equal(
            (AuditAction.Reassigned, new Person(People.Specialist2.Id, People.Specialist2.Name)),
            (history[^1].Action, history[^1].Detail?.Assignee)
        );
    }

    private async Task<Case> StoredAsync() =>
        (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
}
