using System.Diagnostics;
using EscalationBot.Cases;
using EscalationBot.Chat;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// Table Storage hangs (Azurite frozen with SIGSTOP: connections open, nothing answered) while people use the bot.
/// Its own Azurite, so that the other tests are not frozen with it.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    /// <summary>Teams gives an invoke about 5 s; an answer must come well before a user gives up.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan OutageLasts = TimeSpan.FromSeconds(30);
    private const string OtherChannel = "19:elsewhere@thread.tacv2";
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };
    private readonly AzuriteProcess azurite = new();
    private RecordingConnector connector = null!;
    private BotHost host = null!;
    private Activities activities = null!;

    public async Task InitializeAsync()
    {
        await azurite.StartAsync();
        connector = await RecordingConnector.StartAsync();
        host = new BotHost(azurite, connector);
        activities = new Activities(connector);
    }

    public async Task DisposeAsync()
    {
        azurite.Resume(); // harmless when it runs
        await host.DisposeAsync();
        await connector.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task While_storage_hangs_every_request_is_asked_to_try_again_nothing_is_half_written_and_then_all_works()
    {
        var personal = Activities.Personal(People.Reporter);
        await host.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await host.SendAsync(activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        await host.SendAsync(activities.Message(People.Specialist, "help", "spec-dm"));
        await host.WaitForJobsAsync(60, includeScheduled: false);
        var store = host.Services.GetRequiredService<ICaseStore>();
        var historyBefore = (await store.HistoryAsync(1, CancellationToken.None)).Select(a => a.Action).ToList();

        var requests = new (string What, JObject Activity)[]
        {
            ("intake", activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal)),
            ("claim", activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel)),
            (
                "note",
                activities.Message(People.Specialist, "note ESC-1 Partner confirmed by phone", Activities.QueueChannel)
            ),
            ("status", activities.Message(People.Reporter, "status ESC-1", personal)),
            ("setup queue", activities.Message(People.Lead, "setup queue", OtherChannel)),
            // Outside the commands: the welcome of someone opening a 1:1 chat (the adapter's turn error).
            (
                "welcome",
                activities.Raw(
                    People.OtherReporter,
                    "conversationUpdate",
                    Activities.Personal(People.OtherReporter),
                    new JProperty(
                        "membersAdded",
                        new JArray(
                            new JObject { ["id"] = People.OtherReporter.Id, ["name"] = People.OtherReporter.Name }
                        )
                    )
                )
            ),
        };
        var answers = new List<(string What, int Status, TimeSpan Took, string Answer)>();
        var outage = Stopwatch.StartNew();
        azurite.Pause();
        try
        {
            foreach (var (what, activity) in requests)
            {
                var clock = Stopwatch.StartNew();
                using var response = await host.PostAsync(activity);
                var took = clock.Elapsed;
                var body = await response.Content.ReadAsStringAsync();
                var answer =
                    activity.Value<string>("type") == "invoke"
                        ? JObject.Parse(body).Value<string>("value") ?? body
                        : string.Join(
                            "\n",
                            connector
                                .Calls.Where(c => c.ActivityId == activity.Value<string>("id"))
                                .Select(c => c.AllText)
                        );
                answers.Add((what, (int)response.StatusCode, took, answer));
            }

            // The outage lasts its half minute whatever the answers took: the sweeps and jobs run into it too.
            await Task.Delay(OutageLasts - outage.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        }
        finally
        {
            azurite.Resume();
        }

        Assert.All(
            answers,
            a =>
            {
                Assert.True(a.Status < 500, $"{a.What} was answered {a.Status}");
                // Said as an outage ("can't reach the case store"), not as a fault of the bot's own.
                Assert.Contains("can't reach", a.Answer, StringComparison.Ordinal);
                Assert.Contains("try again", a.Answer, StringComparison.OrdinalIgnoreCase);
                Assert.True(a.Took < AnswerWithin, $"{a.What} took {a.Took.TotalSeconds:F1} s to answer");
            }
        );

        // Storage is back: whatever the frozen service still held has been done, and none of it changed anything.
        await host.WaitForJobsAsync(60, includeScheduled: false);
        Assert.Null(await store.GetAsync(2, CancellationToken.None));
        var esc1 = (await store.GetAsync(1, CancellationToken.None))!.Case;
        Assert.Equal(CaseState.New, esc1.State);
        Assert.Null(esc1.Owner);
        Assert.Equal(historyBefore, (await store.HistoryAsync(1, CancellationToken.None)).Select(a => a.Action));
        var queue = await host
            .Services.GetRequiredService<IConversationStore>()
            .GetBindingAsync(Bindings.Queue, CancellationToken.None);
        Assert.Contains(Activities.QueueChannel, queue!.Address, StringComparison.Ordinal);

        // And the bot serves as before.
        var filed = await host.SendAsync(
            activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal)
        );
        Assert.Contains("Escalation ESC-2 filed", filed!.ToString(), StringComparison.Ordinal);
        var claimed = await host.SendAsync(
            activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel)
        );
        Assert.Contains("Claimed by Sam Specialist", claimed!.ToString(), StringComparison.Ordinal);
        Assert.Equal(CaseState.Claimed, (await store.GetAsync(1, CancellationToken.None))!.Case.State);
    }
}
