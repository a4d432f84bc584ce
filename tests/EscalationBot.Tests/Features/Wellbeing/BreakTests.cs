using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Wellbeing;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Features.Wellbeing;

/// <summary>
/// "break [minutes]" and "break end" end to end on a fake clock: the break is started only in a 1:1 chat, shows to
/// others on the roster as "away" and never as a break, and sends the owner's reminders to the queue meanwhile.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BreakTests(AzuriteFixture azurite) : WellbeingTest(azurite)
{
    [Fact]
    public async Task A_break_shows_others_only_that_the_person_is_away_until_it_ends()
    {
        await StartAsync();
        await SayAsync(People.Specialist, "hello", SpecialistDm);
        await Host.SendAsync(Activities.Message(People.Specialist, "shift start", Activities.QueueChannel));

        Assert.StartsWith(
            "Enjoy your break, until Mon 09:20 (Singapore, UTC+8).",
            await SayAsync(People.Specialist, "break 20", SpecialistDm)
        );
        Assert.Contains("Sam Specialist · since Mon 09:00 (Singapore, UTC+8) · away", await WhoAsync());

        Assert.Equal(
            "Welcome back. Your reminders come to you again.",
            await SayAsync(People.Specialist, "break end", SpecialistDm)
        );
        Assert.DoesNotContain("away", await WhoAsync());

        await SayAsync(People.Specialist, "break", SpecialistDm); // the configured 15 minutes
        Assert.Contains("· away", await WhoAsync());
        Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.DoesNotContain("away", await WhoAsync());
        Assert.Equal(
            "You are not on a break. To start one, type: break",
            await SayAsync(People.Specialist, "break end", SpecialistDm)
        );

        Assert.DoesNotContain(
            Connector.Calls,
            c => c.ConversationId != SpecialistDm && c.AllText.Contains("break", StringComparison.OrdinalIgnoreCase)
        );
    }

    [Fact]
    public async Task A_break_is_started_only_in_a_1_1_chat_by_the_team_and_within_bounds()
    {
        await StartAsync();
        await SayAsync(People.Specialist, "hello", SpecialistDm);
        await Host.SendAsync(Activities.Message(People.Specialist, "shift start", Activities.QueueChannel));

        Assert.Equal(
            "That is yours alone: tell me in our 1:1 chat.",
            await SayAsync(People.Specialist, "break", Activities.QueueChannel)
        );
        Assert.StartsWith(
            "That is for the escalations team.",
            await SayAsync(People.Reporter, "break", Activities.Personal(People.Reporter))
        );
        Assert.Equal(
            "A break is 1 to 480 minutes. Try: break 15",
            await SayAsync(People.Specialist, "break 0", SpecialistDm)
        );
        Assert.Equal(
            "A break is 1 to 480 minutes. Try: break 15",
            await SayAsync(People.Specialist, "break 481", SpecialistDm)
        );

        // A forged "Take a break" press from the queue channel starts nothing either.
        var press = await PressAsync(People.Specialist, "takeBreak", [], Activities.QueueChannel);
        Assert.Equal("That is yours alone: tell me in our 1:1 chat.", press!.Value<string>("value"));

        Assert.DoesNotContain("away", await WhoAsync());
        Assert.Null(
            (
                await Host
                    .Services.GetRequiredService<IConversationStore>()
                    .GetPersonAsync(People.Specialist.Id, default)
            )?.AwayUntil
        );
    }

    [Fact]
    public async Task While_the_owner_is_away_their_cases_reminders_go_to_the_queue_without_saying_why()
    {
        await StartAsync();
        await SayAsync(People.Specialist, "hello", SpecialistDm);
        await FileAsync("HateSpeech");
        await PressAsync(People.Specialist, "claim", Case("ESC-1"), Activities.QueueChannel);
        await Host.WaitForJobsAsync();
        var reminders = Host.Services.GetRequiredService<ReminderSender>();
        var store = Host.Services.GetRequiredService<ICaseStore>();

        var stored = (await store.GetAsync(1, default))!;
        var reminder = new Reminder(1, Chase.Resolution, 50, 0, Clock.GetUtcNow());
        Assert.Equal("owner:" + People.Specialist.Id, await reminders.SendReminderAsync(stored, reminder, default));

        await SayAsync(People.Specialist, "break 30", SpecialistDm);
        Assert.Equal(Bindings.Queue, await reminders.SendReminderAsync(stored, reminder, default));
        var toQueue = Connector.Calls.Last(c => c.ConversationId == Activities.QueueChannel && c.IsPost);
        Assert.StartsWith("Sam Specialist is away. ESC-1", toQueue.Text);

        await SayAsync(People.Specialist, "break end", SpecialistDm);
        Assert.Equal("owner:" + People.Specialist.Id, await reminders.SendReminderAsync(stored, reminder, default));
    }

    private Task<string> WhoAsync() => SayAsync(People.Lead, "who", Activities.QueueChannel);
}
