using Azure;
using EscalationBot.Cases;
using EscalationBot.Deliveries;
using EscalationBot.Sla;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EscalationBot.Tests.Sla;

/// <summary>
/// The reminder job run by hand, as Hangfire would run it and retry it, on the real bot's services and Azurite. The
/// bot's clock is an hour and a half ahead, so its own scheduled job for the breach (due an hour after filing, in
/// real time) never runs during the test: only the runs the test makes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlaChaserTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private readonly FakeTimeProvider clock = new(
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(90).ToUnixTimeSeconds())
    );

    private async Task<Reminder> FileAndBindAsync()
    {
        await Host.DisposeAsync();
        Host = new BotHost(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?>
            {
                ["Sla:Sev1:FirstResponse"] = "01:00:00",
                ["Sla:Sev1:Resolution"] = "10:00:00",
                ["Sla:SweepInterval"] = "00:05:00",
            }
        );
        await Host.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        var c = (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
        return SlaSchedule
            .Of(c, Host.Services.GetRequiredService<CasePolicy>())
            .Single(r => r.Chase == Chase.FirstResponse && r.Step == 100);
    }

    /// <summary>A chaser on the bot's services, with the test's clock and whatever else the test hands it.</summary>
    private SlaChaser Chaser(IDeliveryStore deliveries, IBackgroundJobClient? jobs = null)
    {
        var services = Host.Services;
        var claims = ActivatorUtilities.CreateInstance<DeliveryClaims>(services, deliveries, (TimeProvider)clock);
        return ActivatorUtilities.CreateInstance<SlaChaser>(
            services,
            claims,
            (TimeProvider)clock,
            jobs ?? services.GetRequiredService<IBackgroundJobClient>()
        );
    }

    private PerformContext JobContext(Reminder r) =>
        JobRuns.Context(
            Host,
            Job.FromExpression<SlaChaser>(j =>
                j.RemindAsync(r.Number, r.Chase, r.Step, r.Round, r.DueAt, "due|test", null, CancellationToken.None)
            )
        );

    private List<ConnectorCall> Breaches() =>
        Connector.Calls.Where(c => c.IsPost && c.Text.StartsWith("Breach: ESC-1", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_reminder_another_sender_holds_is_looked_at_again_when_its_lease_ends()
    {
        var breach = await FileAndBindAsync();
        var deliveries = Host.Services.GetRequiredService<IDeliveryStore>();
        var lease = TimeSpan.FromMinutes(2);
        Assert.NotNull(
            (
                await deliveries.TryClaimAsync(
                    breach.Deliverable(),
                    "other-instance/7",
                    clock.GetUtcNow(),
                    lease,
                    CancellationToken.None
                )
            ).Claim
        );
        var jobs = new Mock<IBackgroundJobClient>();

        var outcome = await Chaser(deliveries, jobs.Object)
            .RemindAsync(
                1,
                breach.Chase,
                breach.Step,
                breach.Round,
                breach.DueAt,
                "due|test",
                null,
                CancellationToken.None
            );

        Assert.StartsWith("another sender holds it", outcome, StringComparison.Ordinal);
        var lookAgain = SlaChaser.RunAt(clock.GetUtcNow() + lease + DeliveryClaims.Tolerance);
        jobs.Verify(
            j =>
                j.Create(
                    It.Is<Job>(job =>
                        job.Method.Name == nameof(SlaChaser.RemindAsync)
                        && (int)job.Args[0] == 1
                        && (int)job.Args[2] == 100
                    ),
                    It.Is<ScheduledState>(s => s.EnqueueAt == lookAgain.UtcDateTime)
                ),
            Times.Once
        );
        Assert.Empty(Breaches());
    }

    [Theory]
    [InlineData(1)] // a blip: the job's own retries of the write ride it out
    [InlineData(4)] // longer than those: the job fails, and Hangfire's retry finds the send it made
    public async Task A_send_whose_record_fails_is_not_sent_again_when_the_job_is_retried(int failedWrites)
    {
        var breach = await FileAndBindAsync();
        var deliveries = new FlakyDeliveryStore(Host.Services.GetRequiredService<IDeliveryStore>(), failedWrites);
        var context = JobContext(breach);

        var outcome = await JobRuns.WithOneRetryAsync(() =>
            Chaser(deliveries)
                .RemindAsync(
                    1,
                    breach.Chase,
                    breach.Step,
                    breach.Round,
                    breach.DueAt,
                    "due|test",
                    context,
                    CancellationToken.None
                )
        );

        Assert.StartsWith("sent: leads", outcome, StringComparison.Ordinal);
        Assert.Single(Breaches());
        var delivery = Assert.Single(
            await deliveries.DeliveriesAsync(1, CancellationToken.None),
            d => d.Key == breach.Key
        );
        Assert.Equal(("sent", "leads"), (delivery.State, delivery.SentTo));
    }
}
