using EscalationBot.Chat;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Wellbeing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Wellbeing;

/// <summary>
/// The queue card of a sensitive case nobody holds suggests the two people on shift least exposed this shift (fewest
/// sensitive cases taken, then least time holding one), leaves out anyone away, and drops the line once it is claimed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RotationSuggestionTests(AzuriteFixture azurite) : WellbeingTest(azurite)
{
    [Fact]
    public async Task A_sensitive_cases_queue_card_names_the_two_least_exposed_on_shift_until_someone_claims_it()
    {
        await StartAsync();
        foreach (var person in new[] { People.Specialist, People.Specialist2, People.Lead })
        {
            await Host.SendAsync(Activities.Message(person, "shift start", Activities.Personal(person)));
        }

        // Sam holds ESC-1 for 40 min; Sky held ESC-2 for 10 min; Lee has taken none.
        await FileAsync("ChildSafety");
        await ClaimAsync(People.Specialist, "ESC-1");
        Clock.Advance(TimeSpan.FromMinutes(10));
        await FileAsync("ViolentAndGraphicContent");
        await ClaimAsync(People.Specialist2, "ESC-2");
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Host.SendAsync(
            Activities.Invoke(
                People.Specialist2,
                "resolve",
                new JObject
                {
                    ["caseId"] = "ESC-2",
                    ["outcome"] = "NoViolation",
                    ["summary"] = "Satire.",
                },
                Activities.QueueChannel
            )
        );
        Clock.Advance(TimeSpan.FromMinutes(20));

        await FileAsync("SuicideAndSelfInjury");
        Assert.Contains("Suggested: Lee Lead, Sky Specialist", (await QueueCardAsync("ESC-3")).AllText);

        // Someone away is not suggested, and nothing says why.
        await Host
            .Services.GetRequiredService<PeopleDirectory>()
            .SetAwayAsync(People.Lead.Id, Clock.GetUtcNow().AddMinutes(15), CancellationToken.None);
        await FileAsync("ChildSafety");
        var esc4 = await QueueCardAsync("ESC-4");
        Assert.Contains("Suggested: Sky Specialist, Sam Specialist", esc4.AllText);
        Assert.DoesNotContain("Lee", esc4.AllText);

        await ClaimAsync(People.Specialist2, "ESC-4");
        var edited = await Connector.WaitForAsync(
            c => c.IsUpdate && c.ActivityId == esc4.MessageId && c.AllText.Contains("Claimed by Sky Specialist"),
            "the queue card of ESC-4, claimed"
        );
        Assert.DoesNotContain("Suggested: ", edited.AllText);
    }

    [Fact]
    public async Task A_case_that_is_not_sensitive_suggests_nobody()
    {
        await StartAsync();
        await Host.SendAsync(
            Activities.Message(People.Specialist, "shift start", Activities.Personal(People.Specialist))
        );

        await FileAsync("HateSpeech");

        Assert.DoesNotContain("Suggested: ", (await QueueCardAsync("ESC-1")).AllText);
    }

    [Fact]
    public async Task Nobody_on_shift_is_nobody_suggested()
    {
        await StartAsync();

        await FileAsync("ChildSafety");

        Assert.DoesNotContain("Suggested: ", (await QueueCardAsync("ESC-1")).AllText);
    }

    private Task ClaimAsync(TestUser who, string caseId) =>
        PressAsync(who, "claim", Case(caseId), Activities.QueueChannel);

    /// <summary>The case's card as first posted to the queue (the outbox posts it after the filing).</summary>
    private Task<ConnectorCall> QueueCardAsync(string caseId) =>
        Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.QueueChannel
                && c.Card is not null
                && c.AllText.Contains(caseId),
            "the queue card of " + caseId
        );
}
