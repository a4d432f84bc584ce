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

    [Fact]
    public async Task The_triage_form_opens_with_the_last_answers_and_shows_what_they_suggest()
    {
        var claimed = await FileAndClaimAsync("Sev1");
        var first = TriageForm(claimed);
        Assert.Empty(Ticked(first));
        Assert.Contains("Suggested now: Sev3 normal (nothing ticked)", SentCards.Texts(first));
        Assert.Contains(Triage.Mapping, SentCards.Texts(first));
        Assert.Contains("needed to lower the severity, whatever the checklist says", first.ToString());

        var triaged = await TriageAsync(Answers(Risk.ImminentHarm | Risk.HighRiskAccount));

        var card = (JObject)triaged!["value"]!;
        Assert.Contains("Triage recorded by Sam Specialist", SentCards.Texts(card));
        Assert.Contains("Sev1 critical kept", SentCards.Texts(card));
        var again = TriageForm(card);
        Assert.Equal(["riskImminentHarm", "riskHighRiskAccount"], Ticked(again));
        Assert.Contains(
            "Suggested now: Sev1 critical (imminent harm, high-risk account ticked)",
            SentCards.Texts(again)
        );
        var stored = (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
        Assert.Equal(Risk.ImminentHarm | Risk.HighRiskAccount, stored.LastTriage?.Risks);

        // A typed triage has no checklist: the answers given last time are kept for the next form.
        await Host.SendAsync(Activities.Message(People.Specialist, "triage ESC-1 sev1 Confirmed by phone", "spec-dm"));
        await Connector.WaitForAsync(c => c.Text.StartsWith("ESC-1 is triaged", StringComparison.Ordinal), "typed");
        await Host.SendAsync(Activities.Message(People.Specialist, "status ESC-1", "spec-dm"));
        var status = await Connector.WaitForAsync(c => c.Card is not null && c.AllText.Contains("Triage…"), "status");
        Assert.Equal(["riskImminentHarm", "riskHighRiskAccount"], Ticked(TriageForm(status.Card!)));
    }

    [Fact]
    public async Task Lowering_the_severity_always_needs_a_reason_whatever_the_checklist_suggests()
    {
        await FileAndClaimAsync("Sev1");
        var store = Host.Services.GetRequiredService<ICaseStore>();

        var quiet = await TriageAsync(Answers());
        Assert.Equal(
            "Lowering ESC-1 from Sev1 to Sev3 needs a reason, whatever the checklist suggests: say why.",
            quiet!.Value<string>("value")
        );
        var chosen = await TriageAsync(Answers(severity: "Sev3"));
        Assert.Equal(quiet.Value<string>("value"), chosen!.Value<string>("value"));
        var stored = (await store.GetAsync(1, CancellationToken.None))!.Case;
        Assert.Equal(Severity.Sev1, stored.Report.Severity);
        Assert.Null(stored.LastTriage);

        var lowered = await TriageAsync(Answers(reason: "Old footage, re-shared; no live threat"));
        Assert.Contains("ESC-1 · Sev3 normal", SentCards.Texts(lowered!["value"]!));
        Assert.Contains("Sev1 critical → Sev3 normal", SentCards.Texts(lowered["value"]!));
        stored = (await store.GetAsync(1, CancellationToken.None))!.Case;
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(4), TimeSpan.FromDays(3)), stored.Targets);

        // Raising needs no reason, even against the checklist.
        var raised = await TriageAsync(Answers(severity: "Sev2"));
        Assert.Contains("ESC-1 · Sev2 high", SentCards.Texts(raised!["value"]!));
    }

    [Fact]
    public async Task The_reporter_hears_of_a_change_of_severity_with_the_new_targets_in_their_own_chat()
    {
        await FileAndClaimAsync("Sev1");
        var personal = Activities.Personal(People.Reporter);

        await TriageAsync(Answers(Risk.ImminentHarm));
        // Sev1 kept: nothing to tell the reporter.
        await Host.WaitForJobsAsync();
        Assert.DoesNotContain(Connector.Calls, c => c.AllText.Contains("triaged your escalation"));
        await TriageAsync(Answers(reason: "Old footage, re-shared; no live threat"));

        var notice = await Connector.WaitForAsync(
            c => c.AllText.Contains("ESC-1 is now Sev3 normal"),
            "reporter told of the new severity"
        );
        Assert.Equal(personal, notice.ConversationId);
        Assert.Contains("changed its severity from Sev1 critical to Sev3 normal", notice.AllText);
        Assert.Contains("4 h", notice.AllText);
        Assert.Contains("3 d", notice.AllText);
        Assert.DoesNotContain("Old footage", notice.Body.ToString());
        await Host.WaitForJobsAsync();
        Assert.Single(Connector.Calls, c => c.AllText.Contains("triaged your escalation"));

        await Host.SendAsync(Activities.Message(People.Reporter, "status ESC-1", personal));
        await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.Card is not null && c.AllText.Contains("ESC-1 · Sev3 normal"),
            "the reporter's status shows the new severity"
        );
    }

    [Fact]
    public async Task A_sensitive_case_keeps_its_triage_answers_off_the_shared_card_until_revealed()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm("Sev1", "ChildSafety"),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));

        var triaged = await TriageAsync(Answers(Risk.MinorInvolved));

        var hidden = TriageForm((JObject)triaged!["value"]!);
        Assert.Empty(Ticked(hidden));
        Assert.Contains("The last answers are hidden on a sensitive case", SentCards.Texts(hidden));
        var shared = await Connector.WaitForAsync(
            // Posted or edited: the first post may come after the triage.
            c => c.ConversationId == Activities.QueueChannel && c.AllText.Contains("Triage recorded"),
            "queue card shows the triage"
        );
        Assert.Empty(Ticked(TriageForm(shared.Card!)));
        Assert.DoesNotContain("minor involved ticked", shared.AllText);
        var revealed = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "reveal", Esc1, Activities.QueueChannel)
        );
        Assert.Equal(["riskMinorInvolved"], Ticked(TriageForm((JObject)revealed!["value"]!)));
    }

    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };

    private async Task<JObject> FileAndClaimAsync(string severity)
    {
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(severity),
                Activities.Personal(People.Reporter)
            )
        );
        var claimed = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel)
        );
        return (JObject)claimed!["value"]!;
    }

    private Task<JObject?> TriageAsync(JObject answers) =>
        Host.SendAsync(Activities.Invoke(People.Specialist, "triage", answers, Activities.QueueChannel));

    private static JObject Answers(Risk ticked = Risk.None, string severity = "", string reason = "")
    {
        var answers = new JObject
        {
            ["caseId"] = "ESC-1",
            ["triageSeverity"] = severity,
            ["triageReason"] = reason,
        };
        foreach (var (risk, _) in Triage.Checklist)
        {
            answers["risk" + risk] = ticked.HasFlag(risk) ? "true" : "false";
        }

        return answers;
    }

    /// <summary>The form behind the card's Triage… button.</summary>
    private static JObject TriageForm(JObject card) =>
        (JObject)
            card.Descendants()
                .OfType<JObject>()
                .Single(o => o.Value<string>("type") == "Action.ShowCard" && o.Value<string>("title") == "Triage…")[
                "card"
            ]!;

    private static List<string> Ticked(JObject form) =>
        form.Descendants()
            .OfType<JObject>()
            .Where(o => o.Value<string>("type") == "Input.Toggle" && o.Value<string>("value") == "true")
            .Select(o => o.Value<string>("id")!)
            .ToList();
}
