using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.CaseActions;

[Collection(AzuriteCollection.Name)]
public sealed class TriageTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task The_owner_triages_from_the_card_and_a_new_severity_brings_its_targets()
    {
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm("Sev3"),
                Activities.Personal(People.Reporter)
            )
        );
        var claimed = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "claim", new JObject { ["caseId"] = "ESC-1" }, Activities.QueueChannel)
        );
        var form = ((JObject)claimed!["value"]!)
            .Descendants()
            .OfType<JObject>()
            .Single(o => o.Value<string>("title") == "Triage…");
        Assert.Equal(5, form.Descendants().OfType<JObject>().Count(o => o.Value<string>("type") == "Input.Toggle"));

        var data = new JObject
        {
            ["caseId"] = "ESC-1",
            ["triageArea"] = "HateSpeech",
            ["triageSeverity"] = "",
            ["riskImminentHarm"] = "true",
            ["riskSpreadingFast"] = "false",
        };
        var triaged = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "triage", data, Activities.QueueChannel)
        );
        Assert.Contains("ESC-1 · Sev1 critical", SentCards.Texts(triaged!["value"]!));
        var stored = (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
        Assert.Equal(Severity.Sev1, stored.Report.Severity);
        Assert.Equal(new SlaTargets(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4)), stored.Targets);

        var forged = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "triage",
                new JObject(data) { ["triageSeverity"] = "Sev0" },
                Activities.QueueChannel
            )
        );
        Assert.Equal("Choose a policy area and a severity from the lists.", forged!.Value<string>("value"));

        await Host.SendAsync(
            Activities.Message(
                People.Specialist,
                "triage ESC-1 sev2 misinformation Old footage, no live threat",
                "spec-dm"
            )
        );
        await Connector.WaitForAsync(
            c => c.Text == "ESC-1 is triaged: Sev2 high, Misinformation; first response target 1 h, resolution 1 d.",
            "typed triage"
        );
        var history = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Equal(
            "Sev1 → Sev2; policy area Hate speech → Misinformation; Old footage, no live threat",
            history[^1].Text
        );
    }
}
