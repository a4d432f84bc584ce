using System.Net;
using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat;

/// <summary>Malformed requests, forged buttons and the wrong people get a clear answer, and nothing changes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("")]
    public async Task A_malformed_request_gets_400(string body)
    {
        var response = await Host.PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_request_gets_413_and_is_not_processed()
    {
        var activity = Activities.Message(
            People.Reporter,
            "escalate " + new string('x', 300 * 1024),
            Activities.Personal(People.Reporter)
        );
        var response = await Host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task A_reporter_pressing_claim_is_refused_and_the_case_stays_new()
    {
        await FileAsync();
        var answer = await Host.SendAsync(
            Activities.Invoke(
                People.OtherReporter,
                "claim",
                new JObject { ["caseId"] = "ESC-1" },
                Activities.QueueChannel
            )
        );
        Assert.Equal("application/vnd.microsoft.activity.message", answer!.Value<string>("type"));
        Assert.Equal("Only on-shift specialists and leads can claim cases.", answer.Value<string>("value"));
        await AssertStateAsync(1, CaseState.New, owner: null);
    }

    [Theory]
    [InlineData("ESC-999", "There is no case ESC-999.")]
    [InlineData("ESC-1' or 'a' eq 'a", "is not a case id")]
    [InlineData("", "is not a case id")]
    public async Task A_button_naming_an_unknown_or_forged_case_is_refused(string caseId, string expected)
    {
        await FileAsync();
        var answer = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "claim", new JObject { ["caseId"] = caseId }, Activities.QueueChannel)
        );
        Assert.Contains(expected, answer!.Value<string>("value"));
        await AssertStateAsync(1, CaseState.New, owner: null);
    }

    [Fact]
    public async Task Button_data_of_the_wrong_shape_is_refused()
    {
        await FileAsync();
        var noCase = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "claim",
                new JObject { ["caseId"] = new JObject { ["$ne"] = 1 } },
                Activities.QueueChannel
            )
        );
        Assert.Contains("does not say which case", noCase!.Value<string>("value"));
        var unknownVerb = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "deleteEverything",
                new JObject { ["caseId"] = "ESC-1" },
                Activities.QueueChannel
            )
        );
        Assert.Contains("not one I know", unknownVerb!.Value<string>("value"));
        await AssertStateAsync(1, CaseState.New, owner: null);
    }

    [Fact]
    public async Task An_invoke_that_is_not_action_execute_gets_an_error_answer_not_a_500()
    {
        var invoke = Activities.Invoke(
            People.Specialist,
            "claim",
            new JObject { ["caseId"] = "ESC-1" },
            Activities.QueueChannel
        );
        invoke["value"]!["action"]!["type"] = "Action.Submit";
        var response = await Host.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_owner_or_a_lead_resolves_and_only_a_claimed_case()
    {
        await FileAsync();
        var resolve = new JObject
        {
            ["caseId"] = "ESC-1",
            ["outcome"] = "Actioned",
            ["summary"] = "Done.",
        };
        var early = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "resolve", resolve, Activities.QueueChannel)
        );
        Assert.Equal("ESC-1 is not claimed yet: claim it first.", early!.Value<string>("value"));

        await Host.SendAsync(
            Activities.Invoke(People.Specialist, "claim", new JObject { ["caseId"] = "ESC-1" }, Activities.QueueChannel)
        );
        var other = await Host.SendAsync(
            Activities.Invoke(People.Specialist2, "resolve", resolve, Activities.QueueChannel)
        );
        Assert.Contains("only they or a lead can resolve it", other!.Value<string>("value"));
        var forgedOutcome = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "resolve",
                new JObject(resolve) { ["outcome"] = "7" },
                Activities.QueueChannel
            )
        );
        Assert.StartsWith("Choose an outcome", forgedOutcome!.Value<string>("value"));
        await AssertStateAsync(1, CaseState.Claimed, People.Specialist.Id);

        var lead = await Host.SendAsync(Activities.Invoke(People.Lead, "resolve", resolve, Activities.QueueChannel));
        Assert.Equal("application/vnd.microsoft.card.adaptive", lead!.Value<string>("type"));
        await AssertStateAsync(1, CaseState.Resolved, People.Specialist.Id);

        var replay = await Host.SendAsync(Activities.Invoke(People.Lead, "resolve", resolve, Activities.QueueChannel));
        Assert.Equal("ESC-1 is already resolved.", replay!.Value<string>("value"));
        Assert.Equal(
            3,
            (await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None)).Count(h =>
                h.Action != AuditAction.PostedToQueue
            )
        );
    }

    [Fact]
    public async Task Only_leads_run_setup_and_only_staff_see_the_queue()
    {
        await Host.SendAsync(Activities.Message(People.Specialist, "setup queue", Activities.QueueChannel));
        await Connector.WaitForAsync(
            c => c.Text == "Only leads can set up the queue and the leads' channel.",
            "setup refused"
        );
        await Host.SendAsync(Activities.Message(People.Reporter, "queue", Activities.Personal(People.Reporter)));
        await Connector.WaitForAsync(
            c => c.Text.StartsWith("The queue is for on-shift specialists and leads.", StringComparison.Ordinal),
            "queue refused"
        );
    }

    [Fact]
    public async Task A_reporter_cannot_see_another_reporters_case()
    {
        await FileAsync();
        var personal = Activities.Personal(People.OtherReporter);
        await Host.SendAsync(Activities.Message(People.OtherReporter, "status ESC-1", personal));
        var answer = await Connector.WaitForAsync(c => c.ConversationId == personal, "status answer");
        Assert.Equal("I can't find ESC-1 among the cases you can see.", answer.Text);
    }

    [Fact]
    public async Task Escalations_are_not_filed_in_a_channel()
    {
        var answer = await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), Activities.QueueChannel)
        );
        Assert.Contains("1:1 chat", answer!.Value<string>("value"));
        Assert.Empty(await Host.Services.GetRequiredService<ICaseStore>().ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_storage_outage_gets_please_try_again_with_a_reference()
    {
        var closedPort = FreePort.Next();
        var down =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;";
        await using var outage = new BotHost(down, Connector);
        var answer = await outage.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        Assert.Matches(
            @"^I can't reach the case store right now.*try again.*\(ref [0-9a-f]{8}\)$",
            answer!.Value<string>("value")
        );

        await outage.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));
        await Connector.WaitForAsync(
            c =>
                c.ConversationId == "spec-dm"
                && c.Text.StartsWith("I can't reach the case store", StringComparison.Ordinal),
            "typed command during outage"
        );
    }

    private async Task FileAsync()
    {
        var answer = await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer!.Value<string>("type"));
    }

    private async Task AssertStateAsync(int number, CaseState state, string? owner)
    {
        var stored = await Host.Services.GetRequiredService<ICaseStore>().GetAsync(number, CancellationToken.None);
        Assert.Equal(state, stored!.Case.State);
        Assert.Equal(owner, stored.Case.Owner?.Id);
    }
}
