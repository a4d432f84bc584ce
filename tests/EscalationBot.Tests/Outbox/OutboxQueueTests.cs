using EscalationBot.Jobs;
using EscalationBot.Outbox;
using EscalationBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Outbox;

/// <summary>The outbox's sends run on a Hangfire queue and server of their own, never behind reminders or digests.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxQueueTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task A_new_cases_queue_card_is_sent_by_a_job_on_the_outbox_queue_run_by_the_outbox_server()
    {
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"),
            "the queue card"
        );
        await Host.WaitForJobsAsync();

        var storage = Host.Services.GetRequiredService<JobStorage>();
        var monitor = storage.GetMonitoringApi();
        var outboxServers = monitor
            .Servers()
            .Where(s => s.Queues.SequenceEqual([JobQueues.Outbox]))
            .Select(s => s.Name)
            .ToList();
        Assert.Single(outboxServers);
        var dispatches = monitor
            .SucceededJobs(0, 100)
            .Where(j => j.Value.Job?.Type == typeof(OutboxDispatcher))
            .Select(j => j.Key)
            .ToList();
        Assert.NotEmpty(dispatches);
        using var connection = storage.GetConnection();
        foreach (var id in dispatches)
        {
            var states = monitor.JobDetails(id).History;
            Assert.Contains(states, s => s.StateName == EnqueuedState.StateName && s.Data["Queue"] == JobQueues.Outbox);
            Assert.Contains(
                states,
                s => s.StateName == ProcessingState.StateName && outboxServers.Contains(s.Data["ServerId"])
            );
        }
    }
}
