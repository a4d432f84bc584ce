using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Wellbeing;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Wellbeing;

/// <summary>
/// "wellbeing" end to end on a fake clock: a specialist's exposure this shift (sensitive cases taken, details
/// revealed, time holding one open) counted from the changes they made, once however often an activity arrives, and
/// told only to them, in their 1:1 chat.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WellbeingCommandTests(AzuriteFixture azurite) : WellbeingTest(azurite)
{
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };

    private const string Shift = "This shift (Morning, since Mon 07:00 (Singapore, UTC+8))";

    [Fact]
    public async Task A_specialist_hears_what_they_have_handled_this_shift_counted_once()
    {
        var claim = await FileAndClaimAsync("ViolentAndGraphicContent");
        await Host.SendAsync(claim); // Teams' retry of it: the same activity again
        await Host.SendAsync(Activities.Message(People.Specialist, "reveal ESC-1", SpecialistDm));
        Clock.Advance(TimeSpan.FromMinutes(40));

        Assert.Equal(
            $"{Shift}: 1 sensitive case taken, 1 hidden detail revealed, and 40 min holding an open sensitive case.",
            await WellbeingAsync(People.Specialist, SpecialistDm)
        );

        await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "resolve",
                new JObject(Esc1) { ["outcome"] = "NoViolation", ["summary"] = "Satire." },
                Activities.QueueChannel
            )
        );
        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(
            $"{Shift}: 1 sensitive case taken, 1 hidden detail revealed, and 40 min holding an open sensitive case.",
            await WellbeingAsync(People.Specialist, SpecialistDm)
        );
    }

    [Fact]
    public async Task A_case_taken_on_the_shift_before_and_still_held_counts_from_this_shifts_start()
    {
        Clock = new FakeTimeProvider(Monday.AddMinutes(-130)); // 06:50, the Night shift
        await FileAndClaimAsync("ChildSafety");
        Clock.Advance(TimeSpan.FromMinutes(40)); // 07:30, the Morning shift

        Assert.Equal(
            $"{Shift}: 0 sensitive cases taken, 0 hidden details revealed, and 30 min holding an open sensitive case.",
            await WellbeingAsync(People.Specialist, SpecialistDm)
        );
    }

    [Fact]
    public async Task A_lead_also_hears_the_teams_in_their_own_chat_only()
    {
        await FileAndClaimAsync("ViolentAndGraphicContent");
        Clock.Advance(TimeSpan.FromMinutes(25));

        var answer = await WellbeingAsync(People.Lead, Activities.Personal(People.Lead));

        Assert.StartsWith($"{Shift}: 0 sensitive cases taken,", answer);
        Assert.EndsWith("The team, this shift: \n- Sam Specialist: 1 taken, 0 revealed, 25 min holding", answer);
        Assert.Equal(
            "That is yours alone: ask me in our 1:1 chat.",
            await WellbeingAsync(People.Lead, Activities.QueueChannel)
        );
    }

    [Fact]
    public async Task Cases_that_are_not_sensitive_count_nothing()
    {
        await FileAndClaimAsync("HateSpeech");
        Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(
            $"{Shift}: 0 sensitive cases taken, 0 hidden details revealed, and 0 s holding an open sensitive case.",
            await WellbeingAsync(People.Specialist, SpecialistDm)
        );
    }

    [Fact]
    public async Task Exposure_is_told_only_in_the_askers_own_chat_and_never_to_partner_managers()
    {
        await FileAndClaimAsync("ViolentAndGraphicContent");

        Assert.Equal(
            "That is yours alone: ask me in our 1:1 chat.",
            await WellbeingAsync(People.Specialist, Activities.QueueChannel)
        );
        Assert.StartsWith(
            "That is for the escalations team.",
            await WellbeingAsync(People.Reporter, Activities.Personal(People.Reporter))
        );
        Assert.DoesNotContain(
            Connector.Calls,
            c => c.ConversationId == Activities.QueueChannel && c.Text.Contains("taken")
        );
    }

    /// <summary>
    /// A fresh host on the clock; the reporter files ESC-1 in <paramref name="policyArea"/>; Sam claims it. Returns the
    /// claim, for a test to send again.
    /// </summary>
    private async Task<JObject> FileAndClaimAsync(string policyArea)
    {
        await StartAsync();
        await FileAsync(policyArea);
        var claim = Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel);
        await Host.SendAsync(claim);
        return claim;
    }

    private Task<string> WellbeingAsync(TestUser who, string conversation) => SayAsync(who, "wellbeing", conversation);
}
