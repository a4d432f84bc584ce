using EscalationBot.Cases;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Storage;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EscalationBot.Tests.Sla;

/// <summary>
/// A change that makes a reminder due soon hands its rows to the sweep, which gives them their jobs without reading
/// the due-time index again: in a burst of filings, one read per sweep interval rather than one per filing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepHandOffTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    [Fact]
    public async Task A_filing_hands_the_sweep_the_rows_it_wrote_that_fall_due_within_ten_minutes()
    {
        var handed = new List<DueReminder>();
        var store = new TableCaseStore(Table, CasePolicy.Default, rows => handed.AddRange(rows));

        var c = await store.CreateAsync(
            n =>
                (
                    CaseRulesTests.NewCase() with
                    {
                        Number = n,
                    },
                    new(n, T0, Sam.Person, AuditAction.Filed, null, CaseState.New)
                ),
            CancellationToken.None
        );

        var stored = await new TableReminderStore(Table).DueByAsync(T0.AddMinutes(10), CancellationToken.None);
        Assert.NotEmpty(handed);
        Assert.Equal(stored.Select(r => r.RowKey).Order(), handed.Select(r => r.RowKey).Order());
        Assert.Equal(
            stored.Select(r => r.Reminder).OrderBy(r => r.Key),
            handed.Select(r => r.Reminder).OrderBy(r => r.Key)
        );
        Assert.All(handed, r => Assert.Equal(c.Number, r.Reminder.Number));
    }

    [Fact]
    public async Task Rows_handed_to_the_sweep_and_due_within_its_look_ahead_get_a_job_each_once_without_a_read()
    {
        var clock = new FakeTimeProvider(T0);
        var reminders = new Mock<IReminderStore>(MockBehavior.Strict);
        var jobs = new Mock<IBackgroundJobClient>();
        jobs.Setup(j => j.Create(It.IsAny<Job>(), It.IsAny<IState>())).Returns("1");
        var sweeper = new SlaSweeper(
            reminders.Object,
            jobs.Object,
            new SweepSignal(),
            Mock.Of<IOptionsMonitor<SlaOptions>>(m => m.CurrentValue == new SlaOptions()),
            clock,
            NullLogger<SlaSweeper>.Instance
        );
        DueReminder[] rows =
        [
            new(new Reminder(7, Chase.FirstResponse, 50, 0, T0.AddSeconds(20)), "due|a"),
            new(new Reminder(7, Chase.FirstResponse, 80, 0, T0.AddMinutes(12)), "due|b"),
            new(new Reminder(8, Chase.FirstResponse, 100, 0, T0.AddMinutes(-1)), "due|c"),
        ];

        // The second is beyond the sweep's look ahead (its interval, 30 s): the sweep that gets there plans it.
        Assert.Equal(2, await sweeper.PlanAsync(rows, CancellationToken.None));
        Assert.Equal(0, await sweeper.PlanAsync(rows, CancellationToken.None));

        jobs.Verify(j => j.Create(It.IsAny<Job>(), It.IsAny<ScheduledState>()), Times.Once);
        jobs.Verify(j => j.Create(It.IsAny<Job>(), It.IsAny<EnqueuedState>()), Times.Once);
        reminders.VerifyNoOtherCalls();
    }
}
