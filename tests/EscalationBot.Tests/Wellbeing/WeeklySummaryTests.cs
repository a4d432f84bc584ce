using EscalationBot.Deliveries;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Jobs;
using EscalationBot.Wellbeing;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Wellbeing;

/// <summary>
/// The weekly wellbeing summary end to end on Azurite: exposure made through the bot on a fake clock, the job run by
/// hand (and retried) as Hangfire would, the summary read from what reached the recording connector. The clock is
/// weeks ahead of real time, so Hangfire's own recurring run never comes during a test.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WeeklySummaryTests(AzuriteFixture azurite) : BotTest(azurite)
{
    // Monday 4 January 2027, 08:30 in Singapore: the week summed up on Monday 11 January, 09:00, starts at 09:00.
    private static readonly DateTimeOffset BeforeWeek = new(2027, 1, 4, 0, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2027, 1, 11, 1, 0, 0, TimeSpan.Zero);

    // Lin knows the bot only from the leads' channel: no 1:1 chat. Lou and Lee have theirs.
    private static readonly TestUser Lin = new("lead-2", "Lin Lead");
    private static readonly TestUser Lou = new("lead-3", "Lou Lead");

    private const string Title = "Wellbeing, the week to Mon 11 Jan 09:00 (Singapore, UTC+8), for leads only";

    private readonly FakeTimeProvider clock = new(BeforeWeek);
    private string? prefix;

    [Fact]
    public async Task Each_lead_with_a_1to1_chat_gets_the_weeks_figures_and_nobody_else_does()
    {
        await WorkTheWeekAsync();
        clock.SetUtcNow(Due.AddMinutes(1));

        var outcome = await Job().RunAsync(null, CancellationToken.None);

        Assert.Equal("no 1:1 chat: 1, sent: 2", outcome);
        var summaries = Summaries();
        Assert.Equal(
            [Activities.Personal(Lou), Activities.Personal(People.Lead)],
            summaries.Select(c => c.ConversationId)
        );
        Assert.All(
            summaries,
            s =>
                Assert.Equal(
                    $"{Title}: sensitive cases handled, one line a person (case limit 2 a shift).\n"
                        + "- Sam Specialist: 2 taken, 1 revealed, 1 h holding, at the case limit in 1 shift\n"
                        + "- Sky Specialist: 0 taken, 0 revealed, 7 d holding, at the case limit in 0 shifts\n"
                        + "Team: 2 taken, 1 revealed, 7 d 1 h holding, at the case limit in 1 shift",
                    s.Text
                )
        );
        Assert.DoesNotContain(
            Connector.Calls,
            c =>
                c.IsPost
                && c.AllText.Contains("Wellbeing, the week", StringComparison.Ordinal)
                && !summaries.Contains(c)
        );
    }

    [Fact]
    public async Task A_week_without_sensitive_work_says_so_in_one_line()
    {
        await StartAsync();
        await MeetAsync();
        clock.SetUtcNow(Due.AddMinutes(1));

        await Job().RunAsync(null, CancellationToken.None);

        Assert.All(Summaries(), s => Assert.Equal($"{Title}: nobody handled a sensitive case.", s.Text));
        Assert.Equal(2, Summaries().Count);
    }

    [Fact]
    public async Task Running_the_job_again_and_a_new_instances_catch_up_send_nothing_more()
    {
        await WorkTheWeekAsync();
        clock.SetUtcNow(Due.AddMinutes(1));

        Assert.Equal("no 1:1 chat: 1, sent: 2", await Job().RunAsync(null, CancellationToken.None));
        Assert.Equal("no 1:1 chat: 1, sent already: 2", await Job().RunAsync(null, CancellationToken.None));
        await StartAsync(weeklySummary: true); // its catch-up at start looks at the same week

        Assert.Equal(2, Summaries().Count);
        Assert.DoesNotContain("Sent late", Summaries()[0].Text);
    }

    [Fact]
    public async Task A_summary_missed_while_no_instance_ran_is_sent_late_at_start_and_says_so()
    {
        await StartAsync();
        await MeetAsync();
        clock.SetUtcNow(Due.AddHours(3));

        await StartAsync(weeklySummary: true);

        Assert.Equal(2, Summaries().Count);
        Assert.StartsWith(
            $"{Title}. Sent late: it was due Mon 11 Jan 09:00 (Singapore, UTC+8), when the bot was not running:",
            Summaries()[0].Text
        );
    }

    [Theory]
    [InlineData(1)] // a blip: the job's own retries of the write ride it out
    [InlineData(4)] // longer than those: the job fails, and Hangfire's retry finds the send it made
    public async Task A_send_whose_record_fails_is_not_sent_again_when_the_job_is_retried(int failedWrites)
    {
        await StartAsync();
        await MeetAsync();
        clock.SetUtcNow(Due.AddMinutes(1));
        var deliveries = new FlakyDeliveryStore(Host.Services.GetRequiredService<IDeliveryStore>(), failedWrites);
        var due = Due.ToUnixTimeSeconds();
        var context = JobRuns.Context(
            Host,
            Hangfire.Common.Job.FromExpression<WeeklySummaryJob>(j => j.SendAsync(due, null, CancellationToken.None))
        );

        await JobRuns.WithOneRetryAsync(() => Sender(deliveries).SendAsync(due, Due, context, CancellationToken.None));

        Assert.Equal(2, Summaries().Count);
        Assert.Equal(2, (await deliveries.DeliveriesAsync(0, CancellationToken.None)).Count(d => d.State == "sent"));
    }

    [Fact]
    public async Task A_lead_the_summary_cannot_reach_does_not_keep_it_from_the_others_and_gets_it_on_a_retry()
    {
        await StartAsync();
        await MeetAsync();
        clock.SetUtcNow(Due.AddMinutes(1));
        Connector.Refuse = call => call.ConversationId == Activities.Personal(Lou) ? (403, null) : null;
        var context = JobRuns.Context(
            Host,
            Hangfire.Common.Job.FromExpression<WeeklySummaryJob>(j => j.RunAsync(null, CancellationToken.None))
        );

        await Assert.ThrowsAsync<AggregateException>(() => Job().RunAsync(context, CancellationToken.None));
        Assert.Equal([Activities.Personal(People.Lead)], Summaries().Select(c => c.ConversationId));

        Connector.Refuse = null; // Hangfire's retry: the same job again
        Assert.Equal("no 1:1 chat: 1, sent: 1, sent already: 1", await Job().RunAsync(context, CancellationToken.None));
        Assert.Equal(2, Summaries().Count);
    }

    [Fact]
    public async Task A_lead_whose_summary_another_instance_holds_is_looked_at_again_once_when_its_lease_ends()
    {
        await StartAsync();
        await MeetAsync();
        clock.SetUtcNow(Due.AddMinutes(1));
        var deliveries = Host.Services.GetRequiredService<IDeliveryStore>();
        var lease = TimeSpan.FromMinutes(2);
        var held = WellbeingDeliveries.Summary(Lou.Id, Due);
        Assert.NotNull(
            (await deliveries.TryClaimAsync(held, "other-instance/7", clock.GetUtcNow(), lease, default)).Claim
        );
        var jobs = new Mock<IBackgroundJobClient>();

        var outcome = await Sender(deliveries, jobs.Object).SendAsync(Due.ToUnixTimeSeconds(), Due, null, default);

        Assert.Equal("no 1:1 chat: 1, another instance is sending it: 1, sent: 1", outcome);
        Assert.Equal([Activities.Personal(People.Lead)], Summaries().Select(c => c.ConversationId));
        var lookAgain = clock.GetUtcNow() + lease + DeliveryClaims.Tolerance;
        jobs.Verify(
            j =>
                j.Create(
                    It.Is<Hangfire.Common.Job>(job =>
                        job.Method.Name == nameof(WeeklySummaryJob.SendAsync)
                        && (long)job.Args[0] == Due.ToUnixTimeSeconds()
                    ),
                    It.Is<ScheduledState>(s => s.EnqueueAt == lookAgain.UtcDateTime)
                ),
            Times.Once
        );
    }

    private WeeklySummaryJob Job() => Host.Services.GetRequiredService<WeeklySummaryJob>();

    /// <summary>A sender on the bot's services whose delivery records are kept in <paramref name="deliveries"/>.</summary>
    private WeeklySummarySender Sender(IDeliveryStore deliveries, IBackgroundJobClient? jobs = null)
    {
        var services = Host.Services;
        var claims = ActivatorUtilities.CreateInstance<DeliveryClaims>(services, deliveries, (TimeProvider)clock);
        return ActivatorUtilities.CreateInstance<WeeklySummarySender>(
            services,
            claims,
            jobs ?? services.GetRequiredService<IBackgroundJobClient>()
        );
    }

    private List<ConnectorCall> Summaries() =>
        Connector
            .Calls.Where(c => c.IsPost && c.Text.StartsWith("Wellbeing, the week", StringComparison.Ordinal))
            .ToList();

    /// <summary>A host on the clock, on the same tables as the one before; leads Lin, Lou and Lee.</summary>
    private async Task StartAsync(bool weeklySummary = false)
    {
        await Host.DisposeAsync();
        Host = new BotHost(
            Azurite,
            Connector,
            prefix,
            new Dictionary<string, string?>
            {
                ["Wellbeing:WeeklySummary"] = weeklySummary ? "true" : "false",
                ["Wellbeing:SensitivePerShift"] = "2",
                ["Roster:Leads:0"] = "aad:" + Lin.Id,
                ["Roster:Leads:1"] = "aad:" + Lou.Id,
                ["Roster:Leads:2"] = "aad:" + People.Lead.Id,
            }
        )
        {
            Clock = clock,
        };
        prefix = Host.TablePrefix;
        _ = Host.Server;
        await Host.WaitForJobsAsync(includeScheduled: false);
    }

    /// <summary>The channels bound by Lin; Lou, Lee and both specialists say hello in their 1:1 chats.</summary>
    private async Task MeetAsync()
    {
        await Host.SendAsync(Activities.Message(Lin, "setup queue", Activities.QueueChannel));
        await Host.SendAsync(Activities.Message(Lin, "setup leads", Activities.LeadsChannel));
        foreach (var person in new[] { Lou, People.Lead, People.Specialist, People.Specialist2 })
        {
            await Host.SendAsync(Activities.Message(person, "help", Activities.Personal(person)));
        }
    }

    /// <summary>
    /// Before the week Sky takes ESC-2 and holds it to the end (7 d in the week, none taken in it); in the Morning
    /// run Sam takes ESC-1 and ESC-3 (the limit, 2), reveals ESC-1's details, and lets both go an hour later.
    /// </summary>
    private async Task WorkTheWeekAsync()
    {
        await StartAsync();
        await MeetAsync();
        foreach (var area in new[] { "ViolentAndGraphicContent", "ChildSafety", "ViolentAndGraphicContent" })
        {
            await Host.SendAsync(
                Activities.Invoke(
                    People.Reporter,
                    "submitIntake",
                    Activities.IntakeForm(policyArea: area),
                    Activities.Personal(People.Reporter)
                )
            );
        }

        await ActAsync(People.Specialist2, "claim", 2);
        clock.SetUtcNow(BeforeWeek.AddMinutes(90)); // 10:00
        await ActAsync(People.Specialist, "claim", 1);
        await Host.SendAsync(
            Activities.Message(People.Specialist, "reveal ESC-1", Activities.Personal(People.Specialist))
        );
        clock.Advance(TimeSpan.FromMinutes(30));
        await ActAsync(People.Specialist, "claim", 3);
        clock.Advance(TimeSpan.FromMinutes(30));
        await ActAsync(People.Specialist, "resolve", 1, new() { ["outcome"] = "NoViolation", ["summary"] = "Satire." });
        await ActAsync(People.Specialist, "release", 3);
    }

    private Task ActAsync(TestUser who, string verb, int number, JObject? data = null) =>
        Host.SendAsync(
            Activities.Invoke(
                who,
                verb,
                new JObject(data ?? new JObject()) { ["caseId"] = $"ESC-{number}" },
                Activities.QueueChannel
            )
        );
}
