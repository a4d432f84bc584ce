using EscalationBot.Cases;
using EscalationBot.Sla;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Sla;

/// <summary>
/// Each reminder once and on time whatever happens around it: a restart, two senders at once, a change that makes
/// one due soon, a deadline that moved.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlaChaseSchedulingTests(AzuriteFixture azurite) : SlaChaseTest(azurite)
{
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
}
