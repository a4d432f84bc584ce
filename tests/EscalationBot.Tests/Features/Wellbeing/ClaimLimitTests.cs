using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Wellbeing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Wellbeing;

/// <summary>
/// Someone who has taken Wellbeing:SensitivePerShift sensitive cases this shift (2 here) and claims another is asked
/// first, in their own 1:1 chat and nowhere shared; "Claim anyway" claims it (every check made again), "Leave it"
/// changes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClaimLimitTests(AzuriteFixture azurite) : WellbeingTest(azurite)
{
    private const string Question = "You've handled 2 sensitive cases this shift. Claim anyway?";

    [Fact]
    public async Task At_the_limit_a_claim_pressed_in_the_queue_is_asked_about_in_the_1_1_chat_only()
    {
        await StartAsync();
        await Host.SendAsync(Activities.Message(People.Specialist, "help", SpecialistDm));
        await FileAsync("ChildSafety", "ViolentAndGraphicContent", "ChildSafety");

        // Below the limit a claim claims at once.
        await PressAsync(People.Specialist, "claim", Case("ESC-1"), Activities.QueueChannel);
        await PressAsync(People.Specialist, "claim", Case("ESC-2"), Activities.QueueChannel);
        Assert.Equal(People.Specialist.Id, (await CaseAsync(1)).Owner?.Id);
        Assert.Equal(People.Specialist.Id, (await CaseAsync(2)).Owner?.Id);
        Assert.DoesNotContain(Connector.Calls, c => c.AllText.Contains("Claim anyway"));

        var claim = Activities.Invoke(People.Specialist, "claim", Case("ESC-3"), Activities.QueueChannel);
        var answer = await Host.SendAsync(claim);
        await Host.SendAsync(claim); // Teams' retry of it: not asked twice

        Assert.Equal("I've asked you something in our 1:1 chat.", Said(answer));
        Assert.Null((await CaseAsync(3)).Owner);
        var asked = Assert.Single(Connector.Calls, c => c.AllText.Contains(Question));
        Assert.Equal(SpecialistDm, asked.ConversationId);
        Assert.Contains("Claim ESC-3?", asked.AllText);
        Assert.DoesNotContain(
            Connector.Calls,
            c => c.ConversationId == Activities.QueueChannel && c.AllText.Contains("sensitive cases")
        );

        var left = await PressAsync(People.Specialist, "leaveCase", Case("ESC-3"), SpecialistDm);
        Assert.Equal("OK: you haven't claimed ESC-3.", Said(left));
        Assert.Null((await CaseAsync(3)).Owner);
        Assert.Equal(CaseState.New, (await CaseAsync(3)).State);

        await PressAsync(People.Specialist, "claim", Anyway("ESC-3"), SpecialistDm);
        Assert.Equal(People.Specialist.Id, (await CaseAsync(3)).Owner?.Id);
    }

    [Fact]
    public async Task At_the_limit_a_claim_in_a_1_1_chat_gets_the_question_and_one_typed_in_a_channel_no_public_answer()
    {
        await StartAsync();
        await Host.SendAsync(Activities.Message(People.Specialist, "help", SpecialistDm));
        await FileAsync("ChildSafety", "ChildSafety", "ChildSafety", "ChildSafety", "HateSpeech");
        await PressAsync(People.Specialist, "claim", Case("ESC-1"), Activities.QueueChannel);
        await PressAsync(People.Specialist, "claim", Case("ESC-2"), Activities.QueueChannel);

        var inChat = Activities.Message(People.Specialist, "claim ESC-3", SpecialistDm);
        await Host.SendAsync(inChat);
        var reply = Assert.Single(Connector.Calls, c => c.ActivityId == inChat.Value<string>("id"));
        Assert.Contains(Question, reply.AllText);
        Assert.Null((await CaseAsync(3)).Owner);

        var inChannel = Activities.Message(People.Specialist, "claim ESC-4", Activities.QueueChannel);
        await Host.SendAsync(inChannel);
        Assert.DoesNotContain(Connector.Calls, c => c.ActivityId == inChannel.Value<string>("id"));
        Assert.Contains(
            Connector.Calls,
            c => c.ConversationId == SpecialistDm && c.IsPost && c.AllText.Contains("Claim ESC-4?")
        );
        Assert.Null((await CaseAsync(4)).Owner);

        // A case that is not sensitive is not asked about.
        await PressAsync(People.Specialist, "claim", Case("ESC-5"), Activities.QueueChannel);
        Assert.Equal(People.Specialist.Id, (await CaseAsync(5)).Owner?.Id);
    }

    [Fact]
    public async Task Without_a_1_1_chat_there_is_nowhere_private_to_ask_and_the_claim_goes_ahead()
    {
        await StartAsync();
        await FileAsync("ChildSafety", "ChildSafety", "ChildSafety");
        foreach (var id in new[] { "ESC-1", "ESC-2", "ESC-3" })
        {
            await PressAsync(People.Specialist2, "claim", Case(id), Activities.QueueChannel);
        }

        Assert.Equal(People.Specialist2.Id, (await CaseAsync(3)).Owner?.Id);
        Assert.DoesNotContain(Connector.Calls, c => c.AllText.Contains("Claim anyway"));
    }

    [Fact]
    public async Task A_forged_claim_anyway_from_a_partner_manager_changes_nothing()
    {
        await StartAsync();
        await FileAsync("ChildSafety");

        var answer = await PressAsync(People.Reporter, "claim", Anyway("ESC-1"), Activities.Personal(People.Reporter));

        Assert.Equal("Only on-shift specialists and leads can claim cases.", Said(answer));
        Assert.Null((await CaseAsync(1)).Owner);
        Assert.Equal(CaseState.New, (await CaseAsync(1)).State);
    }

    /// <summary>What Teams shows the presser: a line, or (as JSON) the card that replaces the pressed one.</summary>
    private static string Said(JObject? answer) => answer!["value"]!.ToString();

    private static JObject Anyway(string id) => new(Case(id)) { ["anyway"] = "true" };

    private Task StartAsync() => StartAsync(new Dictionary<string, string?> { ["Wellbeing:SensitivePerShift"] = "2" });
}
