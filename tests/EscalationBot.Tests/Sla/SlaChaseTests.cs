using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using EscalationBot.Sla;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Sla;

/// <summary>
/// Reminders end to end: the real bot on Azurite with second-scale targets, Hangfire in memory, and a recording
/// Connector as Teams. Each reminder must arrive once, not before it is due, in the right conversation, and
/// survive a restart. Waits poll for the outcome with generous ceilings; no assertion is about how late it was.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlaChaseTests(AzuriteFixture azurite) : RestartableBotTest
{
    private const string OwnerChat = "spec-dm";
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };
    private static readonly JObject Esc2 = new() { ["caseId"] = "ESC-2" };

    /// <summary>Sev1: 4 s to claim, 10 s to resolve. Sev3: long, so that a Sev3 case is quiet until it is triaged up.</summary>
    private static readonly Dictionary<string, string?> FastSla = new()
    {
        ["Sla:Sev1:FirstResponse"] = "00:00:04",
        ["Sla:Sev1:Resolution"] = "00:00:10",
        ["Sla:Sev3:FirstResponse"] = "01:00:00",
        ["Sla:Sev3:Resolution"] = "02:00:00",
        ["Sla:Idle:Nudge"] = "00:00:00",
        ["Sla:Idle:Release"] = "00:00:00",
        ["Sla:SweepInterval"] = "00:00:01",
        ["Sla:DeliveryLease"] = "00:00:10",
    };

    private BotHost Start(string? tablePrefix = null, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(FastSla);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return Track(new BotHost(azurite, Connector, tablePrefix, settings)); // started, with its sweep
    }

    private async Task BindAsync(BotHost host)
    {
        await host.SendAsync(Activities.Message(People.Specialist, "help", OwnerChat)); // the owner's 1:1 chat
        await host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await host.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
    }

    private async Task FileAsync(BotHost host, string severity = "Sev1") =>
        await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(severity),
                Activities.Personal(People.Reporter)
            )
        );

    private IReadOnlyList<ConnectorCall> Reminders(string caseId) =>
        Connector.Calls.Where(c => c.IsPost && c.Text.Contains(caseId + " (", StringComparison.Ordinal)).ToList();

    private static async Task<IReadOnlyList<Delivery>> DeliveriesAsync(BotHost host, int number) =>
        await host.Services.GetRequiredService<IDeliveryStore>().DeliveriesAsync(number, CancellationToken.None);

    private static async Task<IReadOnlyList<Delivery>> WaitForDeliveriesAsync(BotHost host, int number, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var done = (await DeliveriesAsync(host, number)).Where(d => d.State == "sent").ToList();
            if (done.Count >= count || DateTime.UtcNow > deadline)
            {
                return done;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs one more sweep and lets its jobs finish: anything that would be sent twice is sent now.</summary>
    private static async Task SettleAsync(BotHost host)
    {
        await host.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);
        await host.WaitForJobsAsync(60);
    }

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
    public async Task A_reminder_pending_when_the_bot_stops_still_arrives_once_after_it_starts_again()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var slow = new Dictionary<string, string?>
        {
            ["Sla:Sev1:FirstResponse"] = "00:00:06",
            ["Sla:Sev1:Resolution"] = "02:00:00",
        };
        var first = Start(prefix, slow);
        await BindAsync(first);
        await FileAsync(first);
        await WaitForDeliveriesAsync(first, 1, 1); // the 50% mark went out; 80% and the breach are pending

        await StopAsync(first); // its in-memory job store, with the scheduled reminders, is gone

        var second = Start(prefix, slow);
        var sent = await WaitForDeliveriesAsync(second, 1, 3);
        await SettleAsync(second);

        Assert.Equal(
            ["FirstResponse|100|leads", "FirstResponse|50|queue", "FirstResponse|80|queue"],
            sent.Select(d => $"{d.Kind}|{d.Step}|{d.SentTo}").Order()
        );
        var posts = Reminders("ESC-1");
        Assert.Equal(3, posts.Count);
        Assert.Single(posts, p => p.Text.Contains("50% of its 6 s first-response target", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_senders_of_the_same_reminder_send_it_once()
    {
        var host = Start(
            overrides: new Dictionary<string, string?>
            {
                ["Sla:SweepInterval"] = "00:05:00",
                ["Sla:Sev1:FirstResponse"] = "00:00:01",
            }
        );
        await BindAsync(host);
        await FileAsync(host);
        await Task.Delay(1200); // past the first-response target; the sweep, five minutes away, has not run since start
        var c = (await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
        var breach = SlaSchedule
            .Of(c, host.Services.GetRequiredService<CasePolicy>())
            .Single(r => r.Chase == Chase.FirstResponse && r.Step == 100);

        // The job is a plain class: run it twice at once, as a retry and a second instance would, without Hangfire.
        var outcomes = await Task.WhenAll(
            Enumerable
                .Range(0, 2)
                .Select(async _ =>
                {
                    using var scope = host.Services.CreateScope();
                    var chaser = scope.ServiceProvider.GetRequiredService<SlaChaser>();
                    return await chaser.RemindAsync(
                        1,
                        Chase.FirstResponse,
                        100,
                        0,
                        breach.DueAt,
                        "due|test",
                        null,
                        CancellationToken.None
                    );
                })
        );

        // The filing woke the sweep (the breach is due at once), so Hangfire's own job may have sent it before these
        // two ran: then both find it done. Whichever way, one sender sends and the breach arrives once.
        Assert.True(
            outcomes.Count(o => o.StartsWith("sent", StringComparison.Ordinal)) <= 1,
            string.Join(", ", outcomes)
        );
        await Connector.WaitForAsync(p => p.Text.StartsWith("Breach: ESC-1", StringComparison.Ordinal), "the breach");
        await host.WaitForJobsAsync(includeScheduled: false);
        Assert.Single(Reminders("ESC-1"), p => p.Text.StartsWith("Breach:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_that_makes_a_reminder_due_soon_wakes_the_sweep()
    {
        // The sweep ran at start and its next look is five minutes away: only the wake-up can plan these.
        var host = Start(overrides: new Dictionary<string, string?> { ["Sla:SweepInterval"] = "00:05:00" });
        await BindAsync(host);
        await FileAsync(host);

        var sent = await WaitForDeliveriesAsync(host, 1, 3);
        Assert.Equal(
            ["FirstResponse|100", "FirstResponse|50", "FirstResponse|80"],
            sent.Where(d => d.Kind == nameof(Chase.FirstResponse)).Select(d => $"{d.Kind}|{d.Step}").Order()
        );
    }

    [Fact]
    public async Task A_deadline_that_moved_is_indexed_at_its_new_moment_before_the_old_row_goes()
    {
        var host = Start(
            overrides: new Dictionary<string, string?>
            {
                ["Sla:Sev1:FirstResponse"] = "00:10:00",
                ["Sla:Sev1:Resolution"] = "01:00:00",
            }
        );
        await FileAsync(host);
        var reminders = host.Services.GetRequiredService<IReminderStore>();
        foreach (var filed in await reminders.DueByAsync(DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None))
        {
            await reminders.ForgetAsync(filed.RowKey, CancellationToken.None);
        }

        // A row for the 50% mark an hour earlier than the case now says (as after a change of business hours).
        var c = (await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
        var half = SlaSchedule
            .Of(c, host.Services.GetRequiredService<CasePolicy>())
            .Single(r => r.Chase == Chase.FirstResponse && r.Step == 50);
        using var scope = host.Services.CreateScope();
        var outcome = await scope
            .ServiceProvider.GetRequiredService<SlaChaser>()
            .RemindAsync(
                1,
                Chase.FirstResponse,
                50,
                0,
                half.DueAt.AddHours(-1),
                "due|stale",
                null,
                CancellationToken.None
            );

        Assert.StartsWith("moved to", outcome, StringComparison.Ordinal);
        var row = Assert.Single(await reminders.DueByAsync(half.DueAt, CancellationToken.None));
        Assert.Equal(half, row.Reminder);
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
