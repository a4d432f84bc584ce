using EscalationBot.Tests.Infrastructure;
using EscalationBot.Wellbeing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Wellbeing;

/// <summary>
/// The nudges at the limits of exposure (here 2 sensitive cases, 30 minutes without a break), run as the minute's
/// check runs them: each sent once per limit per shift, in the person's 1:1 chat only, through a second check, a
/// restart and a retried job; and a break taken from the nudge's button.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BreakNudgesTests(AzuriteFixture azurite) : WellbeingTest(azurite)
{
    private string tables = "";
    private int handedOut;

    [Fact]
    public async Task Each_limit_brings_one_private_nudge_a_shift()
    {
        await StartNudgingAsync();
        await FileAndClaimAsync(1, "ChildSafety");
        Assert.Equal("0 nudge(s) handed out", await CheckAsync());

        await FileAndClaimAsync(2, "ViolentAndGraphicContent");
        Assert.Equal("1 nudge(s) handed out", await CheckAsync());
        Assert.Equal("0 nudge(s) handed out", await CheckAsync());
        var nudge = Assert.Single(Nudges());
        Assert.StartsWith(
            "Time for a break?\nYou've handled 2 sensitive cases this shift. In all this shift: 2 sensitive case(s) taken",
            nudge.AllText
        );
        Assert.Equal(["takeBreak", "notNow"], SentCards.Actions(nudge.Card!).Select(a => a.Value<string>("verb")));

        // Another instance (or this one restarted) hands it out again; the delivery record stops it.
        await StartNudgingAsync();
        Assert.Equal("1 nudge(s) handed out", await CheckAsync());
        var sender = Host.Services.GetRequiredService<NudgeSender>();
        Assert.Equal(
            "nudged already",
            await sender.NudgeAsync(People.Specialist.Id, ExposureLimit.Cases, 0, RunStart, null, default)
        );
        Assert.Single(Nudges());

        Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("1 nudge(s) handed out", await CheckAsync());
        Assert.Equal("0 nudge(s) handed out", await CheckAsync());
        Assert.Equal(2, Nudges().Count);
        Assert.StartsWith(
            "Time for a break?\nYou've been holding an open sensitive case for 30 min without a break.",
            Nudges()[1].AllText
        );
        Assert.DoesNotContain(
            Connector.Calls,
            c => c.ConversationId != SpecialistDm && c.AllText.Contains("break", StringComparison.OrdinalIgnoreCase)
        );
    }

    [Fact]
    public async Task The_nudges_button_starts_a_break_which_starts_the_stretch_again_and_is_not_disturbed()
    {
        await StartNudgingAsync();
        await FileAndClaimAsync(1, "ChildSafety");
        Clock.Advance(TimeSpan.FromMinutes(20));

        var press = await PressAsync(People.Specialist, "takeBreak", [], SpecialistDm);
        Assert.StartsWith("Enjoy your break, until Mon 09:35", press!.Value<string>("value"));
        Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal("0 nudge(s) handed out", await CheckAsync()); // 34 min held, but away

        Clock.Advance(TimeSpan.FromMinutes(30)); // 29 min since the break ended at 09:35
        Assert.Equal("0 nudge(s) handed out", await CheckAsync());
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("1 nudge(s) handed out", await CheckAsync());
        Assert.StartsWith(
            "Time for a break?\nYou've been holding an open sensitive case for 30 min without a break.",
            Assert.Single(Nudges()).AllText
        );

        var notNow = await PressAsync(People.Specialist, "notNow", [], SpecialistDm);
        Assert.Equal("All right. Whenever you want one, type: break", notNow!.Value<string>("value"));
    }

    [Fact]
    public async Task Cases_that_are_not_sensitive_bring_no_nudge()
    {
        await StartNudgingAsync();
        await FileAndClaimAsync(1, "HateSpeech");
        await FileAndClaimAsync(2, "HateSpeech");
        Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal("0 nudge(s) handed out", await CheckAsync());
        Assert.Empty(Nudges());
    }

    private static long RunStart => Monday.AddHours(-2).ToUnixTimeSeconds();

    private async Task StartNudgingAsync()
    {
        handedOut = 0; // a new host, with a job store of its own
        tables = tables.Length == 0 ? "t" + Guid.NewGuid().ToString("N")[..12] : tables;
        await StartAsync(
            new Dictionary<string, string?>
            {
                ["Wellbeing:SensitivePerShift"] = "2",
                ["Wellbeing:ContinuousMinutes"] = "30",
            },
            tables
        );
        await SayAsync(People.Specialist, "hello", SpecialistDm);
    }

    private async Task FileAndClaimAsync(int number, string policyArea)
    {
        await FileAsync(policyArea);
        await PressAsync(People.Specialist, "claim", Case($"ESC-{number}"), Activities.QueueChannel);
    }

    /// <summary>The minute's check, and the nudge jobs it hands out run to the end.</summary>
    private async Task<string> CheckAsync()
    {
        var result = await Host.Services.GetRequiredService<WellbeingJob>().CheckAsync(default);
        var monitor = Host.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        // A job a worker has taken but not yet marked as processing shows nowhere: wait for each one to succeed.
        handedOut += int.Parse(result.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (
            monitor.SucceededJobs(0, 1000).Count(j => j.Value.Job?.Method.Name == nameof(WellbeingJob.NudgeAsync))
            < handedOut
        )
        {
            Assert.True(DateTime.UtcNow < deadline, "The nudge jobs did not finish.");
            await Task.Delay(50);
        }

        return result;
    }

    private List<ConnectorCall> Nudges() =>
        Connector
            .Calls.Where(c =>
                c.ConversationId == SpecialistDm
                && c.IsPost
                && c.Card is not null
                && c.AllText.StartsWith("Time for a break?", StringComparison.Ordinal)
            )
            .ToList();
}
