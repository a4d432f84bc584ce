using EscalationBot.Deliveries;
using EscalationBot.Shifts;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Jobs;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Shifts;

/// <summary>
/// The digest at a boundary: posted once to the leads and the queue, not again after a restart or a retried job, and
/// marked late when the boundary was missed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HandoverBoundaryTests(AzuriteFixture azurite) : HandoverBoundaryTest(azurite)
{
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
        Assert.Contains("Unclaimed · 1", leads.AllText);
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
    public async Task A_digest_with_nowhere_to_go_at_its_boundary_is_posted_once_to_each_channel_set_up_later()
    {
        var host = await StartAsync(Rota(TimeSpan.FromMinutes(1)), bind: false);
        await host.WaitForJobsAsync(60, includeScheduled: false);
        Assert.Empty(Digests(Activities.LeadsChannel));

        await host.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
        var leads = await Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.LeadsChannel
                && c.AllText.StartsWith("Handover: Night → Day"),
            "the digest, once the leads' channel is set up"
        );
        Assert.Contains("Posted when the leads' channel was set up", leads.AllText);
        await host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Connector.WaitForAsync(
            c =>
                c.IsPost
                && c.ConversationId == Activities.QueueChannel
                && c.AllText.StartsWith("Handover: Night → Day"),
            "the digest, once the queue is set up"
        );
        await host.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
        await host.WaitForJobsAsync(60, includeScheduled: false);

        Assert.Single(Digests(Activities.LeadsChannel));
        Assert.Single(Digests(Activities.QueueChannel));
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
