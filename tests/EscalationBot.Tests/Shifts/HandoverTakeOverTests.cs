using EscalationBot.Shifts;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Shifts;

/// <summary>
/// Taking over a shift's work: "I've got it" on the digest's own posts while its shift runs, every post edited in
/// place, and the leads nudged once when nobody takes over.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HandoverTakeOverTests(AzuriteFixture azurite) : HandoverBoundaryTest(azurite)
{
    [Fact]
    public async Task I_ve_got_it_updates_every_post_in_place_and_a_reporter_cannot_press_it()
    {
        var host = await StartAsync(Rota(TimeSpan.FromMinutes(1)));
        var queuePost = await Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.QueueChannel
                && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal),
            "digest in the queue"
        );
        var button = SentCards.Actions(queuePost.Card!).Single(a => a.Value<string>("title") == "I've got it");
        var data = (JObject)button["data"]!;

        var refused = await host.SendAsync(
            Activities.Invoke(People.Reporter, "ackHandover", data, Activities.Personal(People.Reporter))
        );
        Assert.Equal("Only specialists and leads take over a shift's work.", refused!.Value<string>("value"));
        var forged = await host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "ackHandover",
                new JObject { ["shift"] = "0", ["start"] = "12" },
                Activities.QueueChannel
            )
        );
        Assert.Equal("There is no such handover digest.", forged!.Value<string>("value"));

        var acknowledged = await host.SendAsync(
            Activities.Invoke(People.Specialist, "ackHandover", data, Activities.QueueChannel, queuePost.MessageId)
        );
        Assert.Contains("✅ Taken over by Sam Specialist", SentCards.Texts(acknowledged!["value"]!));
        var leadsUpdate = await Connector.WaitForAsync(
            c =>
                c.IsUpdate
                && c.ConversationId == Activities.LeadsChannel
                && c.AllText.Contains("Taken over by Sam Specialist", StringComparison.Ordinal),
            "leads' post edited in place"
        );
        Assert.NotNull(leadsUpdate.ActivityId);

        // Pressing again, or a replayed invoke, changes nothing.
        await host.SendAsync(Activities.Invoke(People.Specialist, "ackHandover", data, Activities.QueueChannel));
        await host.WaitForJobsAsync(60, includeScheduled: false);
        var stored = await host
            .Services.GetRequiredService<IHandoverStore>()
            .GetAsync(
                0,
                DateTimeOffset.FromUnixTimeSeconds(long.Parse(data.Value<string>("start")!)),
                CancellationToken.None
            );
        Assert.Equal([People.Specialist.Id], stored!.View.Acknowledged.Select(a => a.Id));
    }

    [Fact]
    public async Task I_ve_got_it_counts_only_on_the_digest_it_was_pressed_on_and_only_while_its_shift_runs()
    {
        var host = await StartAsync(Rota(TimeSpan.FromMinutes(1)));
        bool Posted(ConnectorCall c, string conversation, string title) =>
            c.IsPost && c.ConversationId == conversation && c.AllText.StartsWith(title, StringComparison.Ordinal);
        var day = await Connector.WaitForAsync(
            c => Posted(c, Activities.QueueChannel, "Handover: Night → Day"),
            "the Day digest"
        );
        await host.WaitForJobsAsync(60, includeScheduled: false);
        JObject Data(ConnectorCall post) =>
            (JObject)SentCards.Actions(post.Card!).Single(a => a.Value<string>("title") == "I've got it")["data"]!;
        var dayData = Data(day);
        var dayStart = DateTimeOffset.FromUnixTimeSeconds(long.Parse(dayData.Value<string>("start")!));

        // Another stored digest: the one of the boundary before, twelve hours earlier, when the Night shift began.
        await host
            .Services.GetRequiredService<HandoverJob>()
            .PostAsync(1, dayStart.AddHours(-12).ToUnixTimeSeconds(), null, CancellationToken.None);
        var night = Connector.Calls.Last(c => Posted(c, Activities.QueueChannel, "Handover: Day → Night"));
        await host.WaitForJobsAsync(60, includeScheduled: false);
        var calls = Connector.Calls.Count;

        // Forged: the Day digest's data on the Night digest's post, on a post in another conversation, with no message.
        var forged = await host.SendAsync(
            Activities.Invoke(People.Specialist, "ackHandover", dayData, Activities.QueueChannel, night.MessageId)
        );
        Assert.Equal("There is no such handover digest.", forged!.Value<string>("value"));
        var sam = Activities.Personal(People.Specialist);
        var elsewhere = await host.SendAsync(
            Activities.Invoke(People.Specialist, "ackHandover", dayData, sam, day.MessageId)
        );
        Assert.Equal("There is no such handover digest.", elsewhere!.Value<string>("value"));
        var anonymous = Activities.Invoke(People.Specialist, "ackHandover", dayData, Activities.QueueChannel);
        anonymous.Remove("replyToId");
        Assert.Equal("There is no such handover digest.", (await host.SendAsync(anonymous))!.Value<string>("value"));

        // The Night digest, pressed on its own post: its shift is over.
        var over = await host.SendAsync(
            Activities.Invoke(People.Specialist, "ackHandover", Data(night), Activities.QueueChannel, night.MessageId)
        );
        Assert.Equal("That shift is over: its handover can no longer be taken over.", over!.Value<string>("value"));

        await host.WaitForJobsAsync(60, includeScheduled: false);
        Assert.Empty(Connector.Calls.Skip(calls));
        var store = host.Services.GetRequiredService<IHandoverStore>();
        Assert.Empty((await store.GetAsync(0, dayStart, CancellationToken.None))!.View.Acknowledged);
        Assert.Empty((await store.GetAsync(1, dayStart.AddHours(-12), CancellationToken.None))!.View.Acknowledged);

        // On its own post, in the leads' channel this time: taken over, and every post edited.
        var leads = Connector.Calls.Single(c => Posted(c, Activities.LeadsChannel, "Handover: Night → Day"));
        var taken = await host.SendAsync(
            Activities.Invoke(People.Specialist, "ackHandover", dayData, Activities.LeadsChannel, leads.MessageId)
        );
        Assert.Contains("✅ Taken over by Sam Specialist", SentCards.Texts(taken!["value"]!));
        await Connector.WaitForAsync(
            c =>
                c.IsUpdate
                && c.ActivityId == day.MessageId
                && c.AllText.Contains("Taken over by Sam Specialist", StringComparison.Ordinal),
            "the queue's post edited"
        );
        Assert.DoesNotContain(Connector.Calls, c => c.IsUpdate && c.ActivityId == night.MessageId);
    }

    [Fact]
    public async Task The_leads_are_nudged_once_when_nobody_takes_over()
    {
        var host = await StartAsync(Rota(TimeSpan.FromMinutes(1), acknowledgeWithin: "00:00:02"));
        var nudge = await Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.LeadsChannel
                && c.Text.StartsWith(
                    "Nobody on the Day shift has taken over its handover yet",
                    StringComparison.Ordinal
                ),
            "nudge"
        );
        Assert.NotNull(nudge.Card);

        await host.Services.GetRequiredService<HandoverScheduler>().StartAsync(CancellationToken.None);
        await host.WaitForJobsAsync(60, includeScheduled: false);
        Assert.Single(Connector.Calls, c => c.Text.StartsWith("Nobody on the Day shift", StringComparison.Ordinal));

        // The nudge carries the digest and its button: it is one of the digest's posts, so a press on it counts.
        var data = (JObject)
            SentCards.Actions(nudge.Card!).Single(a => a.Value<string>("title") == "I've got it")["data"]!;
        var taken = await host.SendAsync(
            Activities.Invoke(People.Lead, "ackHandover", data, Activities.LeadsChannel, nudge.MessageId)
        );
        Assert.Contains("✅ Taken over by Lee Lead", SentCards.Texts(taken!["value"]!));
        await Connector.WaitForAsync(
            c => c.IsUpdate && c.ActivityId == nudge.MessageId,
            "the nudge edited with the rest"
        );
    }
}
