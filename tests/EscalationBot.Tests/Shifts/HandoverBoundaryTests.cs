using EscalationBot.Deliveries;
using EscalationBot.Shifts;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Jobs;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Shifts;

/// <summary>
/// Digests at shift boundaries, end to end on Azurite: posted once to the leads and the queue, not again after a
/// restart, marked late when the boundary was missed, acknowledged in place, and nudged when nobody takes over.
/// The rota is set so that a shift has just started when the bot starts: the catch-up posts its digest.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HandoverBoundaryTests(AzuriteFixture azurite) : RestartableBotTest
{
    /// <summary>
    /// Two shifts, "Day" having started <paramref name="startedAgo"/> ago (UTC) and lasting <paramref name="length"/>
    /// hours, "Night" starting an hour after it ends; with a short Day, nothing runs for a while.
    /// </summary>
    internal static Dictionary<string, string?> Rota(
        TimeSpan startedAgo,
        string acknowledgeWithin = "00:30:00",
        int length = 12
    )
    {
        var start = TimeOnly.FromDateTime(DateTime.UtcNow - startedAgo);
        start = new TimeOnly(start.Hour, start.Minute);
        var end = start.AddHours(length);
        var nightEnd = length == 12 ? start : end.AddHours(2);
        return new()
        {
            ["Shifts:PostDigests"] = "true",
            ["Shifts:TimeZone"] = "Etc/UTC",
            ["Shifts:Definitions:0:Name"] = "Day",
            ["Shifts:Definitions:0:Start"] = start.ToString("HH:mm"),
            ["Shifts:Definitions:0:End"] = end.ToString("HH:mm"),
            ["Shifts:Definitions:1:Name"] = "Night",
            ["Shifts:Definitions:1:Start"] = (length == 12 ? end : end.AddHours(1)).ToString("HH:mm"),
            ["Shifts:Definitions:1:End"] = nightEnd.ToString("HH:mm"),
            ["Shifts:AcknowledgeWithin"] = acknowledgeWithin,
        };
    }

    /// <summary>
    /// Binds the queue and the leads' channel and files a case under a rota with no shift running, so that nothing
    /// is posted yet; then starts the bot on the same tables with <paramref name="settings"/>, as after a restart.
    /// </summary>
    private async Task<BotHost> StartAsync(
        Dictionary<string, string?> settings,
        string? prefix = null,
        bool bind = true
    )
    {
        prefix ??= "t" + Guid.NewGuid().ToString("N")[..12];
        if (bind)
        {
            await using var setup = new BotHost(azurite, Connector, prefix, Rota(TimeSpan.FromHours(-3), length: 1));
            await setup.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
            await setup.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
            await setup.SendAsync(
                Activities.Invoke(
                    People.Reporter,
                    "submitIntake",
                    Activities.IntakeForm(),
                    Activities.Personal(People.Reporter)
                )
            );
            await setup.WaitForJobsAsync(60);
        }

        return Track(new BotHost(azurite, Connector, prefix, settings)); // started: its catch-up posts the digest of the shift in progress
    }

    private IReadOnlyList<ConnectorCall> Digests(string conversationId) =>
        Connector
            .Calls.Where(c =>
                c.IsPost
                && c.ConversationId == conversationId
                && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal)
            )
            .ToList();

    [Fact]
    public async Task The_digest_is_posted_once_to_the_leads_and_the_queue_and_not_again_after_a_restart()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var rota = Rota(TimeSpan.FromMinutes(1));
        var first = await StartAsync(rota, prefix);
        var leads = await Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.LeadsChannel
                && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal),
            "digest to the leads"
        );
        await Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.QueueChannel
                && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal),
            "digest to the queue"
        );
        Assert.Contains("Unclaimed (1)", leads.AllText);
        Assert.DoesNotContain("Posted late", leads.AllText);
        Assert.Contains(SentCards.Actions(leads.Card!), a => a.Value<string>("title") == "I've got it");
        await first.WaitForJobsAsync(60, includeScheduled: false);

        await StopAsync(first);
        var second = await StartAsync(rota, prefix, bind: false);
        await second.WaitForJobsAsync(60, includeScheduled: false);

        Assert.Single(Digests(Activities.LeadsChannel));
        Assert.Single(Digests(Activities.QueueChannel));
        var records = await second
            .Services.GetRequiredService<IDeliveryStore>()
            .DeliveriesAsync(0, CancellationToken.None);
        var record = Assert.Single(records, d => d.Kind == HandoverDeliveries.Digest);
        Assert.Equal(("sent", "leads,queue"), (record.State, record.SentTo));
    }

    [Fact]
    public async Task A_boundary_missed_while_the_bot_was_down_is_posted_late_and_says_so()
    {
        await StartAsync(Rota(TimeSpan.FromMinutes(40)));
        var digest = await Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.LeadsChannel
                && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal),
            "late digest"
        );
        Assert.Contains("Posted late: the bot was not running at the", digest.AllText);
    }

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

    [Fact]
    public async Task A_digest_whose_posts_cannot_be_stored_is_not_posted_again_when_the_job_is_retried()
    {
        // The bot's own catch-up is off: the test runs the boundary job by hand, as Hangfire would run and retry it.
        var rota = Rota(TimeSpan.FromMinutes(1));
        rota["Shifts:PostDigests"] = "false";
        var host = await StartAsync(rota);
        var handovers = new FlakyHandoverStore(host.Services.GetRequiredService<IHandoverStore>(), failures: 4);
        var posts = ActivatorUtilities.CreateInstance<HandoverPosts>(host.Services, handovers);
        var poster = ActivatorUtilities.CreateInstance<DigestPoster>(host.Services, posts);
        var job = ActivatorUtilities.CreateInstance<HandoverJob>(host.Services, poster, posts);
        var context = JobRuns.Context(
            host,
            Job.FromExpression<HandoverJob>(j => j.BoundaryAsync(0, null, CancellationToken.None))
        );

        // Storing the first post fails for longer than the job's own retries of the write: the job fails, and is retried.
        var outcome = await JobRuns.WithOneRetryAsync(() => job.BoundaryAsync(0, context, CancellationToken.None));

        Assert.Equal("posted to leads,queue", outcome);
        Assert.Single(Digests(Activities.LeadsChannel));
        Assert.Single(Digests(Activities.QueueChannel));
    }

    /// <summary>The real store, whose first few writes fail as in a storage outage.</summary>
    private sealed class FlakyHandoverStore(IHandoverStore inner, int failures) : IHandoverStore
    {
        private int failed;

        public Task AddAsync(PostedDigest digest, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref failed) <= failures
                ? throw new Azure.RequestFailedException(503, "Table Storage is not answering (test)")
                : inner.AddAsync(digest, cancellationToken);

        public Task<PostedDigest?> GetAsync(
            int shiftIndex,
            DateTimeOffset runStart,
            CancellationToken cancellationToken
        ) => inner.GetAsync(shiftIndex, runStart, cancellationToken);

        public Task<bool> TryReplaceAsync(PostedDigest updated, CancellationToken cancellationToken) =>
            inner.TryReplaceAsync(updated, cancellationToken);
    }
}
