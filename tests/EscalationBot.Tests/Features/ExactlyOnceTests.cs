using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Outbox;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features;

/// <summary>
/// A retried or doubled activity changes and sends nothing twice; what a change must send survives a refusing
/// channel. Each test replays activities with the same id, as Teams does when it retries an invoke.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExactlyOnceTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };
    private const string OwnerChat = "spec-dm";
    private const string Claimed = "Sam Specialist has claimed your escalation";

    [Fact]
    public async Task Three_copies_of_one_update_add_one_entry_and_tell_the_owner_once()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Message(People.Specialist, "help", OwnerChat));
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        await Host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));

        var update = Activities.Message(People.Reporter, "update ESC-1 The post was shared again at noon.", personal);
        for (var copy = 0; copy < 3; copy++)
        {
            await Host.SendAsync(update);
        }

        await Connector.WaitForAsync(
            c => c.ConversationId == OwnerChat && c.Text.Contains("sent more information"),
            "the owner told"
        );
        await Host.WaitForJobsAsync();
        var history = await Store.HistoryAsync(1, CancellationToken.None);
        Assert.Single(history, h => h.Action == AuditAction.ReporterUpdate);
        Assert.Single(Connector.Calls, c => c.ConversationId == OwnerChat && c.Text.Contains("sent more information"));
        // Each copy is answered, and every answer is the first one.
        var answers = Connector
            .Calls.Where(c => c.ConversationId == personal && c.Text.StartsWith("Sent:", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Equal("Sent: the specialists handling ESC-1 can see it.", a.Text));
    }

    [Fact]
    public async Task Two_copies_of_one_intake_submit_sent_at_once_file_one_case()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        var submit = Activities.Invoke(
            People.Reporter,
            "submitIntake",
            Activities.IntakeForm(),
            Activities.Personal(People.Reporter)
        );

        var answers = await Task.WhenAll(Host.SendAsync(submit), Host.SendAsync(submit));

        // Each copy took a number from the block; whichever committed first filed the case, and both answers name
        // it. The other number was not used, and goes to the next filing.
        var open = await Store.ListOpenAsync(CancellationToken.None);
        var filed = Assert.Single(open).Id;
        Assert.All(answers, a => Assert.Contains($"Escalation {filed} filed", SentCards.Texts(a!["value"]!)));
        await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.Card is not null,
            "the queue card"
        );
        await Host.WaitForJobsAsync();
        Assert.Single(
            Connector.Calls,
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.Card is not null
        );
    }

    [Fact]
    public async Task A_retried_claim_claims_once_and_tells_the_reporter_once()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        var claim = Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel);

        var first = await Host.SendAsync(claim);
        var retry = await Host.SendAsync(claim);

        Assert.Contains("Claimed by Sam Specialist", SentCards.Texts(first!["value"]!));
        Assert.Contains("Claimed by Sam Specialist", SentCards.Texts(retry!["value"]!));
        await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains(Claimed),
            "the reporter told"
        );
        await Host.WaitForJobsAsync();
        Assert.Single(await Store.HistoryAsync(1, CancellationToken.None), h => h.Action == AuditAction.Claimed);
        Assert.Single(Connector.Calls, c => c.ConversationId == personal && c.AllText.Contains(Claimed));
    }

    [Fact]
    public async Task Copies_of_one_claim_sent_at_once_all_get_the_first_answer()
    {
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        var claim = Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Host.SendAsync(claim)));

        // Whichever copy loses the race, it is not told "already claimed": every copy sees the card the first one got.
        Assert.All(answers, a => Assert.Contains("Claimed by Sam Specialist", SentCards.Texts(a!["value"]!)));
        Assert.Single(await Store.HistoryAsync(1, CancellationToken.None), h => h.Action == AuditAction.Claimed);
    }

    [Fact]
    public async Task A_throttled_notice_waits_as_Teams_asks_and_arrives_once()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        var refusals = 0;
        Connector.Refuse = call =>
            call.ConversationId == personal && Interlocked.Increment(ref refusals) <= 2 ? (429, 1) : null;

        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", Activities.QueueChannel));

        var told = await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains(Claimed),
            "the notice after the throttling"
        );
        await Host.WaitForJobsAsync();
        Assert.Single(Connector.Calls, c => c.ConversationId == personal && c.AllText.Contains(Claimed));
        Assert.True(Connector.RefusedCount >= 2, $"refused {Connector.RefusedCount}");
        Assert.Empty(await Host.Services.GetRequiredService<IOutboxStore>().PendingAsync(null, CancellationToken.None));
        Assert.NotNull(told);
    }

    [Fact]
    public async Task Setup_queue_twice_posts_each_waiting_case_once()
    {
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.WaitForJobsAsync();

        await Task.WhenAll(
            Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel)),
            Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel))
        );
        foreach (var id in new[] { "ESC-1", "ESC-2" })
        {
            await Connector.WaitForAsync(
                c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains(id),
                id + " posted"
            );
        }

        await Host.WaitForJobsAsync();

        var posts = Connector
            .Calls.Where(c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.Card is not null)
            .ToList();
        Assert.Single(posts, p => p.AllText.Contains("ESC-1"));
        Assert.Single(posts, p => p.AllText.Contains("ESC-2"));
        Assert.NotNull((await Store.GetAsync(1, CancellationToken.None))!.Case.QueueMessageId);
    }

    [Fact]
    public async Task A_queue_card_posted_but_not_recorded_is_recorded_by_the_next_attempt_not_posted_again()
    {
        await Host.DisposeAsync();
        // A failed queue post waits an hour, so only this test sends ESC-1's queue card.
        Host = new BotHost(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?> { ["Outbox:FirstBackoff"] = "01:00:00" }
        );
        Connector.Refuse = call =>
            call.ConversationId == Activities.QueueChannel && call.Card is not null ? (500, null) : null;
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Poll.UntilAsync(() => Connector.RefusedCalls, calls => calls.Count > 0, "the queue post refused");
        await Host.WaitForJobsAsync(includeScheduled: false);
        Connector.Refuse = null;

        // As the outbox does after a post whose id could not be stored: the id it kept.
        await Host
            .Services.GetRequiredService<QueueCardSync>()
            .SyncQueueCardAsync(1, "msg-posted-earlier", CancellationToken.None);

        Assert.Equal("msg-posted-earlier", (await Store.GetAsync(1, CancellationToken.None))!.Case.QueueMessageId);
        Assert.Contains(Connector.Calls, c => c.IsUpdate && c.ActivityId == "msg-posted-earlier");
        Assert.DoesNotContain(
            Connector.Calls,
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.Card is not null
        );
    }

    private ICaseStore Store => Host.Services.GetRequiredService<ICaseStore>();
}
