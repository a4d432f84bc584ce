using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Wellbeing;

/// <summary>
/// What the wellbeing tests share: a fake clock on Monday 4 January 2027, 09:00 in Singapore (the Morning shift
/// began at 07:00), a host on it with a queue bound, and the steps they take: file, press, say, read a case.
/// </summary>
public abstract class WellbeingTest(AzuriteFixture azurite) : BotTest(azurite)
{
    protected static readonly DateTimeOffset Monday = new(2027, 1, 4, 1, 0, 0, TimeSpan.Zero);
    protected static readonly string SpecialistDm = Activities.Personal(People.Specialist);

    protected FakeTimeProvider Clock { get; set; } = new(Monday);

    /// <summary>A fresh host on <see cref="Clock"/> (on <paramref name="tables"/> to restart on the same data), with the queue bound.</summary>
    protected async Task StartAsync(IDictionary<string, string?>? settings = null, string? tables = null)
    {
        await Host.DisposeAsync();
        Host = new BotHost(Azurite, Connector, tables, settings) { Clock = Clock };
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
    }

    /// <summary>The reporter files one case in each of <paramref name="policyAreas"/>, numbered in that order.</summary>
    protected async Task FileAsync(params string[] policyAreas)
    {
        foreach (var area in policyAreas)
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
    }

    protected static JObject Case(string id) => new() { ["caseId"] = id };

    protected Task<JObject?> PressAsync(TestUser who, string verb, JObject data, string conversation) =>
        Host.SendAsync(Activities.Invoke(who, verb, data, conversation));

    /// <summary>The bot's reply to <paramref name="text"/>: in a channel, the outbox may be editing a card meanwhile.</summary>
    protected async Task<string> SayAsync(TestUser who, string text, string conversation)
    {
        var message = Activities.Message(who, text, conversation);
        await Host.SendAsync(message);
        return Connector
                .Calls.SingleOrDefault(c =>
                    c.ConversationId == conversation && c.ActivityId == message.Value<string>("id")
                )
                ?.AllText
            ?? "";
    }

    protected async Task<Case> CaseAsync(int number) =>
        (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(number, CancellationToken.None))!.Case;
}
