using EscalationBot.Jobs;
using EscalationBot.Outbox;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EscalationBot.Tests.Outbox;

/// <summary>
/// A send job reads the case's rows once. A row another sender holds may have rows behind it that the holder read
/// too early to see, so the job looks again shortly; a row waiting out a failure has its retry already.
/// </summary>
public sealed class OutboxHeldTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly Mock<IOutboxStore> outbox = new(MockBehavior.Strict);
    private readonly Mock<IBackgroundJobClient> jobs = new();

    [Fact]
    public async Task A_row_leased_by_another_sender_makes_the_job_look_again_shortly_after_one_read()
    {
        var result = await DispatchAsync(Row() with { Claimant = "other/1", LeaseUntil = Now.AddMinutes(2) });

        Assert.Equal("sent 0, held elsewhere", result);
        outbox.Verify(o => o.PendingAsync(7, It.IsAny<CancellationToken>()), Times.Once);
        jobs.Verify(
            j =>
                j.Create(
                    It.Is<Job>(job =>
                        job.Method.Name == nameof(OutboxDispatcher.DispatchAsync) && (int)job.Args[0]! == 7
                    ),
                    It.Is<ScheduledState>(s => s.EnqueueAt > DateTime.UtcNow)
                ),
            Times.Once
        );
    }

    [Fact]
    public async Task A_queue_card_job_reads_only_that_row_by_key_and_looks_again_the_same_way_if_it_is_held()
    {
        var row = Row() with { Claimant = "other/1", LeaseUntil = Now.AddMinutes(2) };
        outbox.Setup(o => o.QueueCardAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(row);

        Assert.Equal("sent 0, held elsewhere", await Dispatcher().SendQueueCardAsync(7, null, CancellationToken.None));

        outbox.Verify(o => o.QueueCardAsync(7, It.IsAny<CancellationToken>()), Times.Once);
        outbox.VerifyNoOtherCalls(); // no read of the case's rows by range
        jobs.Verify(
            j =>
                j.Create(
                    It.Is<Job>(job => job.Method.Name == nameof(OutboxDispatcher.SendQueueCardAsync)),
                    It.IsAny<ScheduledState>()
                ),
            Times.Once
        );
    }

    [Fact]
    public async Task A_row_leased_meanwhile_makes_the_job_look_again()
    {
        var row = Row();
        outbox
            .Setup(o =>
                o.TryLeaseAsync(row, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())
            )
            .ReturnsAsync((OutboxRow?)null);

        Assert.Equal("sent 0, held elsewhere", await DispatchAsync(row));
        jobs.Verify(j => j.Create(It.IsAny<Job>(), It.IsAny<ScheduledState>()), Times.Once);
    }

    [Fact]
    public async Task A_row_waiting_out_a_failure_is_left_to_its_scheduled_retry()
    {
        Assert.Equal("sent 0", await DispatchAsync(Row() with { Attempts = 1, NextAttemptAt = Now.AddSeconds(10) }));
        jobs.Verify(j => j.Create(It.IsAny<Job>(), It.IsAny<IState>()), Times.Never);
    }

    private static OutboxRow Row() =>
        new("out|0000000007|Queue", 7, 0, OutboxStream.Queue, null, null, 0, null, null, null, false, null, "etag");

    private async Task<string> DispatchAsync(OutboxRow row)
    {
        outbox.Setup(o => o.PendingAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync([row]);
        return await Dispatcher().DispatchAsync(7, null, CancellationToken.None);
    }

    private OutboxDispatcher Dispatcher() =>
        new(
            outbox.Object,
            new OutboxSender(null!, null!, null!), // never reached: nothing here is sent
            new InstanceId(),
            jobs.Object,
            Mock.Of<IOptionsMonitor<OutboxOptions>>(m => m.CurrentValue == new OutboxOptions()),
            new FakeTimeProvider(Now),
            NullLogger<OutboxDispatcher>.Instance
        );
}
