using EscalationBot.Shifts;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Shifts;

/// <summary>The roster: <c>shift start</c> and <c>shift end</c> (typed or pressed) make what <c>who</c> shows.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShiftRosterTests(AzuriteFixture azurite) : FixedRotaTest(azurite)
{
    [Fact]
    public async Task Shift_start_and_end_make_the_roster_that_who_shows()
    {
        await using var host = Start();
        var sam = Activities.Personal(People.Specialist);
        var sky = Activities.Personal(People.Specialist2);
        await SayAsync(host, People.Specialist, "shift start", sam, "You are on the Day shift until");
        await SayAsync(host, People.Specialist, "shift start", sam, "You are already on the Day shift, since");
        await SayAsync(
            host,
            People.Reporter,
            "shift start",
            Activities.Personal(People.Reporter),
            "Shifts are for specialists and leads."
        );

        // Half an hour before a shift, a start counts for it: people come in early for the handover.
        clock.SetUtcNow(Day.AddHours(14).AddMinutes(40));
        await SayAsync(host, People.Specialist2, "shift start", sky, "You are on the Night shift from");

        await SayAsync(
            host,
            People.Reporter,
            "who",
            Activities.Personal(People.Reporter),
            "Who is on shift is for specialists and leads."
        );
        await SayAsync(host, People.Lead, "who", "lead-dm", "Who is on shift");
        var who = Connector.Calls.Last(c => c.ConversationId == "lead-dm").AllText;
        Assert.Matches(
            @"Now: Day shift[\s\S]*Sam Specialist · since[\s\S]*Next: Night shift[\s\S]*Sky Specialist · since",
            who
        );
        Assert.Contains("Start my shift", who);

        await SayAsync(host, People.Specialist, "shift end", sam, "You are off the Day shift.");
        await SayAsync(host, People.Specialist, "shift end", sam, "You are not on a shift.");
        await SayAsync(host, People.Lead, "who", "lead-dm", "Sam Specialist · left at");

        // Who was on a run stays known after they leave: the handover needs the outgoing shift.
        var roster = host.Services.GetRequiredService<ShiftRoster>();
        var dayRun = host.Services.GetRequiredService<ShiftSchedule>().RunAt(0, DayStart)!;
        Assert.Contains(People.Specialist.Id, await roster.MembersAsync(dayRun, CancellationToken.None));

        // The digest's "Start my shift" button does the same as typing it.
        var pressed = await host.SendAsync(
            Activities.Invoke(People.Specialist, "shiftStart", [], "19:queue@thread.tacv2")
        );
        // In the team's zone (Singapore by default), named, whatever the rota's (UTC here).
        var night = NightStart
            .ToOffset(TimeSpan.FromHours(8))
            .ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            $"You are on the Night shift from {night} (Singapore, UTC+8). Type 'shift end' when you leave.",
            pressed!.Value<string>("value")
        );
    }
}
