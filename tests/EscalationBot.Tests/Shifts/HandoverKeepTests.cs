using EscalationBot.Cases;
using EscalationBot.Shifts;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Shifts;

/// <summary>The typed <c>handover keep</c>, and the setting that keeps every unchosen case with its owner.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HandoverKeepTests(AzuriteFixture azurite) : FixedRotaTest(azurite)
{
    [Fact]
    public async Task Typed_handover_keep_keeps_a_case_over_the_boundary_in_progress_and_keep_setting_releases_nothing()
    {
        await using var host = Start(new() { ["Shifts:Unchosen"] = "Keep" });
        var sam = Activities.Personal(People.Specialist);
        await SayAsync(host, People.Specialist, "shift start", sam, "You are on the Day shift");
        await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm("Sev3"),
                Activities.Personal(People.Reporter)
            )
        );
        await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm("Sev3"),
                Activities.Personal(People.Reporter)
            )
        );
        await SayAsync(host, People.Specialist, "claim ESC-1", sam, "You have claimed ESC-1.");
        await SayAsync(host, People.Specialist, "claim ESC-2", sam, "You have claimed ESC-2.");
        await SayAsync(
            host,
            People.Specialist,
            "handover keep ESC-1",
            sam,
            "ESC-1 stays with Sam Specialist over the handover."
        );
        await SayAsync(
            host,
            People.Specialist,
            "handover keep ESC-1",
            sam,
            "ESC-1 is already kept by Sam Specialist over this handover."
        );
        await SayAsync(
            host,
            People.Specialist2,
            "handover keep ESC-2",
            Activities.Personal(People.Specialist2),
            "ESC-2 is held by Sam Specialist; only they or a lead can keep it."
        );

        var stored = await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None);
        Assert.Equal(NightStart, stored!.Case.KeptAcross);

        clock.SetUtcNow(NightStart.AddHours(1));
        Assert.Equal(
            "unchosen cases stay with their owners",
            await host
                .Services.GetRequiredService<OutgoingJob>()
                .ReleaseUnchosenAsync(0, DayStart.ToUnixTimeSeconds(), null, CancellationToken.None)
        );
        Assert.Equal(
            (CaseState.Claimed, People.Specialist.Id),
            await StateAsync(host.Services.GetRequiredService<ICaseStore>(), 2)
        );
    }
}
