using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.CaseActions;

[Collection(AzuriteCollection.Name)]
public sealed class ClaimRaceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Twenty_concurrent_claims_give_one_winner_nineteen_refusals_and_one_owner_in_storage()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector);
        var activities = new Activities(connector);
        await host.SendAsync(
            activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );

        var specialists = People.ManySpecialists(20).ToList();
        using var start = new SemaphoreSlim(0);
        var presses = specialists
            .Select(async s =>
            {
                await start.WaitAsync();
                return await host.SendAsync(
                    activities.Invoke(s, "claim", new JObject { ["caseId"] = "ESC-1" }, Activities.QueueChannel)
                );
            })
            .ToList();
        start.Release(specialists.Count);
        var answers = await Task.WhenAll(presses);

        var winners = answers
            .Where(a => a!.Value<string>("type") == "application/vnd.microsoft.card.adaptive")
            .ToList();
        var refusals = answers
            .Where(a => a!.Value<string>("type") == "application/vnd.microsoft.activity.message")
            .ToList();
        Assert.Single(winners);
        Assert.Equal(19, refusals.Count);

        var stored = await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None);
        var owner = stored!.Case.Owner!;
        Assert.Contains($"Claimed by {owner.Name}", SentCards.Texts(winners[0]!["value"]!));
        Assert.All(
            refusals,
            r => Assert.Equal($"ESC-1 is already claimed by {owner.Name}.", r!.Value<string>("value"))
        );
        var history = await host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Single(history, h => h.Action == AuditAction.Claimed);
    }

    [Fact]
    public async Task Resolve_and_reassign_at_the_same_moment_one_wins_and_the_other_is_judged_against_it()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector);
        var activities = new Activities(connector);
        await host.SendAsync(activities.Message(People.Specialist2, "help", "spec2-dm"));
        await host.SendAsync(
            activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await host.SendAsync(
            activities.Invoke(People.Specialist, "claim", new JObject { ["caseId"] = "ESC-1" }, Activities.QueueChannel)
        );

        using var start = new SemaphoreSlim(0);
        var resolve = Task.Run(async () =>
        {
            await start.WaitAsync();
            return await host.SendAsync(
                activities.Invoke(
                    People.Specialist,
                    "resolve",
                    new JObject
                    {
                        ["caseId"] = "ESC-1",
                        ["outcome"] = "Actioned",
                        ["summary"] = "Done.",
                    },
                    Activities.QueueChannel
                )
            );
        });
        var reassign = Task.Run(async () =>
        {
            await start.WaitAsync();
            return await host.SendAsync(
                activities.Invoke(
                    People.Lead,
                    "reassign",
                    new JObject { ["caseId"] = "ESC-1", ["assignee"] = People.Specialist2.Id },
                    Activities.QueueChannel
                )
            );
        });
        start.Release(2);
        var (resolveAnswer, reassignAnswer) = (await resolve, await reassign);

        const string Card = "application/vnd.microsoft.card.adaptive";
        var store = host.Services.GetRequiredService<ICaseStore>();
        var stored = (await store.GetAsync(1, CancellationToken.None))!.Case;
        var actions = (await store.HistoryAsync(1, CancellationToken.None)).Select(h => h.Action).ToList();
        if (resolveAnswer!.Value<string>("type") == Card)
        {
            Assert.Equal(CaseState.Resolved, stored.State);
            Assert.Equal(People.Specialist.Id, stored.Owner!.Id);
            Assert.StartsWith("Can't reassign: ESC-1 is resolved", reassignAnswer!.Value<string>("value"));
            Assert.DoesNotContain(AuditAction.Reassigned, actions);
        }
        else
        {
            Assert.Equal(Card, reassignAnswer!.Value<string>("type"));
            Assert.Equal(CaseState.Claimed, stored.State);
            Assert.Equal(People.Specialist2.Id, stored.Owner!.Id);
            Assert.Equal(
                "ESC-1 is held by Sky Specialist; only they or a lead can resolve it.",
                resolveAnswer.Value<string>("value")
            );
            Assert.DoesNotContain(AuditAction.Resolved, actions);
        }
    }
}
