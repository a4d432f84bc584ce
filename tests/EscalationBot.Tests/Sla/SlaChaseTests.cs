using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Sla;

/// <summary>
/// Who is chased where: an unclaimed case in the queue, a claimed one in its owner's chat, breaches to the leads, an
/// idle owner nudged and then relieved; a reminder with nowhere to go is recorded, not retried.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlaChaseTests(AzuriteFixture azurite) : SlaChaseTest(azurite)
{
    [Fact]
    public async Task An_unclaimed_sev1_case_is_chased_in_the_queue_and_breaches_reach_the_leads_once_each()
    {
        var host = Start();
        await BindAsync(host);
        await FileAsync(host);

        var sent = await WaitForDeliveriesAsync(host, 1, 6);
        await SettleAsync(host);

        // First response and resolution, each at 50%, 80% and 100%: the first two to the queue, the breach to the leads.
        Assert.Equal(
            [
                "FirstResponse|100|leads",
                "FirstResponse|50|queue",
                "FirstResponse|80|queue",
                "Resolution|100|leads",
                "Resolution|50|queue",
                "Resolution|80|queue",
            ],
            sent.Select(d => $"{d.Kind}|{d.Step}|{d.SentTo}").Order()
        );
        Assert.All(
            sent,
            d => Assert.True(d.SentAt >= d.DueAt, $"{d.Key} was sent at {d.SentAt:O}, before it was due at {d.DueAt:O}")
        );

        var posts = Reminders("ESC-1");
        Assert.Equal(6, posts.Count);
        Assert.Equal(4, posts.Count(p => p.ConversationId == Activities.QueueChannel));
        Assert.Single(
            posts,
            p =>
                p.Text.StartsWith(
                    "ESC-1 (Sev1 critical, Hate speech): 50% of its 4 s first-response target is gone",
                    StringComparison.Ordinal
                )
        );

        // The breach carries the case card with its Claim button, in the leads' channel.
        var breach = Assert.Single(
            posts,
            p =>
                p.Text.StartsWith(
                    "Breach: ESC-1 (Sev1 critical, Hate speech) has missed its 4 s first-response target; nobody has claimed it.",
                    StringComparison.Ordinal
                )
        );
        Assert.Equal(Activities.LeadsChannel, breach.ConversationId);
        Assert.Contains(SentCards.Actions(breach.Card!), a => a.Value<string>("verb") == "claim");
    }

    [Fact]
    public async Task A_claimed_case_is_chased_in_its_owners_chat_and_its_breach_reaches_the_leads()
    {
        var host = Start();
        await BindAsync(host);
        await FileAsync(host, "Sev3");
        await host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));

        // Raised to Sev1, the case takes Sev1's 10 s resolution target from its filing: all three marks come due.
        await host.SendAsync(Activities.Message(People.Specialist, "triage ESC-1 sev1 Threat names a date", OwnerChat));
        var sent = await WaitForDeliveriesAsync(host, 1, 3);
        await SettleAsync(host);

        Assert.Equal(
            ["Resolution|100|leads", "Resolution|50|owner:spec-1", "Resolution|80|owner:spec-1"],
            sent.Select(d => $"{d.Kind}|{d.Step}|{d.SentTo}").Order()
        );
        var posts = Reminders("ESC-1");
        Assert.Equal(3, posts.Count);
        Assert.Equal(2, posts.Count(p => p.ConversationId == OwnerChat && p.Card is null));
        Assert.Contains(
            posts,
            p =>
                p.Text
                == "Breach: ESC-1 (Sev1 critical, Hate speech) has missed its 10 s resolution target; Sam Specialist holds it."
        );
        Assert.DoesNotContain(posts, p => p.Text.Contains("first-response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_with_nowhere_to_go_is_recorded_as_undeliverable_rather_than_retried()
    {
        var host = Start(); // nobody has bound a queue or a leads' channel
        await FileAsync(host);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        IReadOnlyList<Delivery> done = [];
        while (done.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            done = (await DeliveriesAsync(host, 1))
                .Where(d => d.Kind == nameof(Chase.FirstResponse) && d.State == "undeliverable")
                .ToList();
        }

        Assert.Equal(3, done.Count);
        Assert.Empty(Reminders("ESC-1"));
    }

    [Fact]
    public async Task An_idle_owner_is_nudged_then_the_case_goes_back_to_the_queue_with_a_note()
    {
        var host = Start(
            overrides: new Dictionary<string, string?>
            {
                ["Sla:Idle:Nudge"] = "00:00:02",
                ["Sla:Idle:Release"] = "00:00:04",
            }
        );
        await BindAsync(host);
        await FileAsync(host, "Sev3");
        await host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));

        var sent = await WaitForDeliveriesAsync(host, 1, 2);
        await SettleAsync(host);

        Assert.Equal(
            ["Idle|1|owner:spec-1", "Idle|2|owner:spec-1"],
            sent.Select(d => $"{d.Kind}|{d.Step}|{d.SentTo}").Order()
        );
        var store = host.Services.GetRequiredService<ICaseStore>();
        var c = (await store.GetAsync(1, CancellationToken.None))!.Case;
        Assert.Equal(CaseState.New, c.State);
        Assert.Null(c.Owner);
        var history = await store.HistoryAsync(1, CancellationToken.None);
        Assert.Equal(AuditAction.ReleasedIdle, history[^1].Action);
        Assert.Equal("No activity from Sam Specialist for 4 s; back in the queue.", AuditTexts.Text(history[^1]));

        var posts = Reminders("ESC-1").Where(p => p.ConversationId == OwnerChat).ToList();
        Assert.Equal(2, posts.Count);
        Assert.StartsWith(
            "ESC-1 (Sev3 normal, Hate speech) has had no activity for 2 s.",
            posts[0].Text,
            StringComparison.Ordinal
        );
        Assert.Equal(
            "ESC-1 (Sev3 normal, Hate speech) had no activity for 4 s and is back in the queue.",
            posts[1].Text
        );

        // The queue card shows it unclaimed again, with its Claim button.
        var update = await Connector.WaitForAsync(
            u =>
                u.IsUpdate
                && u.ConversationId == Activities.QueueChannel
                && SentCards.Actions(u.Card!).Any(a => a.Value<string>("verb") == "claim"),
            "queue card back to unclaimed"
        );
        Assert.NotNull(update);
    }
}
