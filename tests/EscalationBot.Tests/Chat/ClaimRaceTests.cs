using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat;

[Collection(AzuriteCollection.Name)]
public sealed class ClaimRaceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Twenty_concurrent_claims_give_one_winner_nineteen_refusals_and_one_owner_in_storage()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector);
        var activities = new Activities(connector);
        await host.SendAsync(activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), Activities.Personal(People.Reporter)));

        var specialists = People.ManySpecialists(20).ToList();
        using var start = new SemaphoreSlim(0);
        var presses = specialists.Select(async s =>
        {
            await start.WaitAsync();
            return await host.SendAsync(activities.Invoke(s, "claim", new JObject { ["caseId"] = "ESC-1" }, Activities.QueueChannel));
        }).ToList();
        start.Release(specialists.Count);
        var answers = await Task.WhenAll(presses);

        var winners = answers.Where(a => a!.Value<string>("type") == "application/vnd.microsoft.card.adaptive").ToList();
        var refusals = answers.Where(a => a!.Value<string>("type") == "application/vnd.microsoft.activity.message").ToList();
        Assert.Single(winners);
        Assert.Equal(19, refusals.Count);

        var stored = await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None);
        var owner = stored!.Case.Owner!;
        Assert.Contains($"Claimed by {owner.Name}", ChatFlowTests.Texts(winners[0]!["value"]!));
        Assert.All(refusals, r => Assert.Equal($"ESC-1 is already claimed by {owner.Name}.", r!.Value<string>("value")));
        var history = await host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Single(history, h => h.Action == "claimed");
    }
}
