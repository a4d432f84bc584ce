using System.Globalization;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Shifts;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Roster;

/// <summary>
/// The <c>who</c> card after its own buttons: redrawn, so that it agrees with what the press did, and every time on
/// it in the team's zone (Singapore here; the rota's is UTC), named, never the viewer's own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WhoCardTests(AzuriteFixture azurite) : FixedRotaTest(azurite)
{
    private const string Sgt = "(Singapore, UTC+8)";
    private static readonly TimeSpan Plus8 = TimeSpan.FromHours(8);

    [Fact]
    public async Task Start_my_shift_on_the_who_card_redraws_it_with_the_start_and_zone_named_times()
    {
        await using var host = Start();
        const string chat = "lead-dm";
        await SayAsync(host, People.Lead, "who", chat, "Who is on shift");
        var who = Connector.Calls.Last(c => c.ConversationId == chat);
        var dayHours = $"{Sgt8(DayStart, "ddd HH:mm")} to {Sgt8(NightStart, "HH:mm")} {Sgt}";
        Assert.Contains(dayHours, who.AllText);
        Assert.Contains("Nobody has started it", who.AllText);
        NoViewerClock(who.Card!);

        var start = Button(who.Card!, "Start my shift");
        var pressed = await host.SendAsync(Activities.Invoke(People.Lead, "shiftStart", start, chat, who.MessageId));

        // The answer is the card itself, redrawn: it says what happened and lists the one who just started.
        Assert.Equal("application/vnd.microsoft.card.adaptive", pressed!.Value<string>("type"));
        var redrawn = (JObject)pressed["value"]!;
        var texts = SentCards.Texts(redrawn);
        var ends = $"{Sgt8(NightStart, "ddd HH:mm")} {Sgt}";
        Assert.Contains($"You are on the Day shift until {ends}.", texts);
        Assert.Contains($"Lee Lead · since {Sgt8(clock.GetUtcNow(), "ddd HH:mm")} {Sgt}", texts);
        Assert.Contains(dayHours, texts);
        Assert.DoesNotContain("Nobody has started it", texts.Split("Next:")[0]);
        NoViewerClock(redrawn);

        var end = Button(redrawn, "End my shift");
        var ended = await host.SendAsync(Activities.Invoke(People.Lead, "shiftEnd", end, chat, who.MessageId));
        var endTexts = SentCards.Texts((JObject)ended!["value"]!);
        Assert.Contains("You are off the Day shift.", endTexts);
        Assert.Contains($"Lee Lead · left at {Sgt8(clock.GetUtcNow(), "ddd HH:mm")} {Sgt}", endTexts);
    }

    [Fact]
    public async Task Start_my_shift_elsewhere_answers_in_words_and_a_reporter_pressing_it_gets_no_roster()
    {
        await using var host = Start();
        var digestButton = await host.SendAsync(
            Activities.Invoke(People.Specialist, "shiftStart", [], Activities.QueueChannel)
        );
        Assert.Equal(
            $"You are on the Day shift until {Sgt8(NightStart, "ddd HH:mm")} {Sgt}. Type 'shift end' when you leave.",
            digestButton!.Value<string>("value")
        );

        // Card data is only a hint: it cannot make the roster show to someone who may not see it.
        var forged = await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "shiftStart",
                new JObject { ["card"] = "who" },
                Activities.Personal(People.Reporter)
            )
        );
        Assert.Equal("Shifts are for specialists and leads.", forged!.Value<string>("value"));
    }

    private static string Sgt8(DateTimeOffset at, string format) =>
        at.ToOffset(Plus8).ToString(format, CultureInfo.InvariantCulture);

    private static JObject Button(JObject card, string title) =>
        (JObject)SentCards.Actions(card).Single(a => a.Value<string>("title") == title)["data"]!;

    /// <summary>DATE() and TIME() show each viewer's own zone, unnamed: the issue's second clock.</summary>
    private static void NoViewerClock(JObject card)
    {
        var json = card.ToString();
        Assert.DoesNotContain("{{DATE(", json);
        Assert.DoesNotContain("{{TIME(", json);
    }
}
