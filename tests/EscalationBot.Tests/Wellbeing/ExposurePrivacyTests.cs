using System.Text.RegularExpressions;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Wellbeing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Wellbeing;

/// <summary>
/// Exposure is personal: a shift's worth of sensitive work (claims, reveals, the question at the limit, nudges,
/// a break, reminders while away, the wellbeing answers, a history, the roster, the leads' weekly summary) and then a scan of every message the
/// bot sent to every conversation that is not a 1:1 chat: none says anything of anyone's exposure or breaks.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ExposurePrivacyTests(AzuriteFixture azurite) : WellbeingTest(azurite)
{
    /// <summary>
    /// Words that would tell of exposure or breaks ("away" alone is what others may see); "media exposure" and "legal
    /// exposure", in severities and triage questions, are about the case.
    /// </summary>
    [GeneratedRegex(
        @"\b(breaks?|(?<!(legal|media) )exposure|wellbeing|revealed?|taken|holding|handled|nudge|limit|claim anyway|rest)\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Personal();

    [Fact]
    public async Task Nothing_about_anyones_exposure_or_breaks_reaches_a_shared_conversation()
    {
        await WorkAShiftAsync();

        var shared = Connector
            .Calls.Where(c => !c.ConversationId.StartsWith("a:personal-", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(shared, c => c.ConversationId == Activities.QueueChannel);
        Assert.Contains(shared, c => c.ConversationId == Activities.LeadsChannel);
        var told = shared
            .Select(c => (c.ConversationId, c.AllText, Match: Personal().Match(c.AllText)))
            .Where(m => m.Match.Success)
            .Select(m => $"{m.ConversationId}: '{Around(m.AllText, m.Match.Index)}'")
            .ToList();
        Assert.True(told.Count == 0, "Said in a shared conversation: " + string.Join("; ", told));

        // The scan has something to find: all of it went to the specialist's own chat.
        var own = Connector.Calls.Where(c => c.ConversationId == SpecialistDm).Select(c => c.AllText).ToList();
        Assert.Contains(own, t => t.Contains("You've handled 2 sensitive cases this shift. Claim anyway?"));
        Assert.Contains(own, t => t.StartsWith("Time for a break?\nYou've handled 3 sensitive cases"));
        Assert.Contains(own, t => t.StartsWith("Time for a break?\nYou've been holding an open sensitive case"));
        Assert.Contains(own, t => t.StartsWith("Enjoy your break"));
        Assert.Contains(own, t => t.StartsWith("This shift (Morning"));
        Assert.Contains(
            Connector.Calls,
            c => c.ConversationId == Activities.Personal(People.Lead) && c.Text.StartsWith("Wellbeing, the week to")
        );
        // And what others may see did reach the queue.
        Assert.Contains(shared, c => c.AllText.StartsWith("Sam Specialist is away. ESC-1"));
        Assert.Contains(shared, c => c.AllText.Contains("Sam Specialist · since Mon 09:00 (Singapore, UTC+8) · away"));
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 30)..Math.Min(text.Length, at + 30)];

    private async Task WorkAShiftAsync()
    {
        await StartAsync(
            new Dictionary<string, string?>
            {
                ["Wellbeing:SensitivePerShift"] = "2",
                ["Wellbeing:ContinuousMinutes"] = "30",
            }
        );
        await SayAsync(People.Lead, "setup leads", Activities.LeadsChannel);
        foreach (var person in new[] { People.Specialist, People.Specialist2, People.Lead })
        {
            await SayAsync(person, "hello", Activities.Personal(person));
            await SayAsync(person, "shift start", Activities.QueueChannel);
        }

        await FileAsync("ChildSafety", "ViolentAndGraphicContent", "ChildSafety", "HateSpeech");
        await PressAsync(People.Specialist, "claim", Case("ESC-1"), Activities.QueueChannel);
        await PressAsync(People.Specialist, "claim", Case("ESC-2"), Activities.QueueChannel);
        await PressAsync(People.Specialist, "reveal", Case("ESC-1"), Activities.QueueChannel);
        await SayAsync(People.Specialist, "reveal ESC-2", SpecialistDm);
        await SayAsync(People.Specialist, "note ESC-1 Checked the account's other posts", Activities.QueueChannel);
        await PressAsync(People.Specialist, "claim", Case("ESC-3"), Activities.QueueChannel); // at the limit: asked in the 1:1 chat
        await PressAsync(People.Specialist, "claim", new JObject(Case("ESC-3")) { ["anyway"] = "true" }, SpecialistDm);

        foreach (
            var (who, where) in new[]
            {
                (People.Specialist, Activities.QueueChannel),
                (People.Lead, Activities.LeadsChannel),
            }
        )
        {
            await SayAsync(who, "wellbeing", where);
            await SayAsync(who, "break", where);
        }

        await SayAsync(People.Specialist, "wellbeing", SpecialistDm);
        await Host.Services.GetRequiredService<WellbeingJob>().CheckAsync(default);
        Clock.Advance(TimeSpan.FromMinutes(31));
        await Host.Services.GetRequiredService<WellbeingJob>().CheckAsync(default);
        await Connector.WaitForAsync(
            c => c.ConversationId == SpecialistDm && c.AllText.StartsWith("Time for a break?\nYou've been holding"),
            "the nudge at the time limit"
        );
        await SayAsync(People.Specialist, "break 15", SpecialistDm);

        var stored = (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, default))!;
        await Host
            .Services.GetRequiredService<ReminderSender>()
            .SendReminderAsync(stored, new Reminder(1, Chase.Resolution, 50, 0, Clock.GetUtcNow()), default);
        await SayAsync(People.Lead, "who", Activities.QueueChannel);
        await SayAsync(People.Lead, "history ESC-1", Activities.QueueChannel);
        await SayAsync(People.Lead, "history ESC-1", Activities.LeadsChannel);
        await PressAsync(People.Specialist, "release", Case("ESC-2"), Activities.QueueChannel);
        await Host.Services.GetRequiredService<WeeklySummaryJob>().RunAsync(null, default);
        await Host.WaitForJobsAsync();
    }
}
