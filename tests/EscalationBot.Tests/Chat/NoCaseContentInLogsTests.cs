using EscalationBot.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat;

/// <summary>
/// Logs and Hangfire's job arguments (which its dashboard shows) carry ids, never what people wrote: a whole case's
/// life, with one unique token in every free-text field, leaves the token in neither.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoCaseContentInLogsTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private readonly string token = "tok" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task A_case_life_with_a_token_in_every_field_leaves_it_out_of_logs_and_job_arguments()
    {
        var logs = new CapturedLogs();
        await Host.DisposeAsync();
        Host = new BotHost(Azurite, Connector) { Logs = logs };
        var reporter = new TestUser(People.Reporter.Id, $"Pat {token}");
        var specialist = new TestUser(People.Specialist.Id, $"Sam {token}");
        var other = new TestUser(People.Specialist2.Id, $"Sky {token}");
        var personal = Activities.Personal(reporter);
        var queue = Activities.QueueChannel;

        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", queue));
        await Host.SendAsync(Activities.Message(specialist, "help", "spec-dm"));
        await Host.SendAsync(Activities.Message(other, "help", "sky-dm"));
        await Host.SendAsync(Activities.Message(reporter, $"escalate Prefill {token}", personal));
        var form = new JObject
        {
            ["platform"] = "Facebook",
            ["partner"] = $"Partner {token}",
            ["account"] = $"https://www.facebook.com/{token}",
            ["contentUrls"] = $"https://www.facebook.com/post/{token}",
            ["policyArea"] = "HateSpeech",
            ["severity"] = "Sev2",
            ["description"] = $"Threats {token}",
        };
        await Host.SendAsync(Activities.Invoke(reporter, "submitIntake", form, personal));
        foreach (
            var (who, text, where) in new[]
            {
                (specialist, "claim ESC-1", queue),
                (specialist, $"triage ESC-1 sev1 Raised because {token}", queue),
                (specialist, $"note ESC-1 Note {token}", queue),
                (specialist, $"handover note ESC-1 Handover {token}", queue),
                (specialist, $"ask ESC-1 Question {token}", queue),
                (reporter, $"update ESC-1 Update {token}", personal),
                (specialist, $"consult ESC-1 legal Consult {token}", queue),
                (other, $"answer ESC-1 Answer {token}", queue),
                (specialist, "reassign ESC-1 Sky", queue),
                (other, $"resolve ESC-1 actioned Summary {token}", queue),
                (reporter, $"reopen ESC-1 Reopen {token}", personal),
                (other, $"claim ESC-{token}", queue),
                (other, "history ESC-1", "sky-dm"),
                (reporter, "status ESC-1", personal),
            }
        )
        {
            await Host.SendAsync(Activities.Message(who, text, where));
        }

        // The flow did happen: the token reached the people it was for.
        await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains($"Summary {token}"),
            "the outcome to the reporter"
        );
        await Connector.WaitForAsync(
            c => c.ConversationId == "sky-dm" && c.AllText.Contains($"Update {token}"),
            "the history to Sky"
        );
        await Host.WaitForJobsAsync();
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(JobArgumentsAndResults(), job => job.Contains(token, StringComparison.Ordinal));
    }

    private List<string> JobArgumentsAndResults()
    {
        var monitor = Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = new List<string>();
        jobs.AddRange(
            monitor
                .SucceededJobs(0, 10_000)
                .Select(j => JsonConvert.SerializeObject(new { j.Value.Job?.Args, j.Value.Result }))
        );
        jobs.AddRange(
            monitor
                .FailedJobs(0, 10_000)
                .Select(j => JsonConvert.SerializeObject(new { j.Value.Job?.Args, j.Value.ExceptionMessage }))
        );
        jobs.AddRange(monitor.ScheduledJobs(0, 10_000).Select(j => JsonConvert.SerializeObject(j.Value.Job?.Args)));
        Assert.NotEmpty(jobs);
        return jobs;
    }
}
