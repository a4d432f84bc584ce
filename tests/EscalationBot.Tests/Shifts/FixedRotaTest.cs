using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace EscalationBot.Tests.Shifts;

/// <summary>
/// The roster (<c>shift start</c>, <c>shift end</c>, <c>who</c>) and the outgoing owners' choices at a handover,
/// end to end through /api/messages on Azurite: the reminder before the shift ends, keep / hand to / release from
/// it and from the digest, forged presses refused, and the release of the cases nobody chose for, once.
/// The bot's clock is a fake set days ahead of real time on a fixed rota (Day 07–15, Night 15–07, UTC): the tests
/// move it, and run the shift jobs themselves, since Hangfire would only run them days from now.
/// </summary>
public abstract class FixedRotaTest(AzuriteFixture azurite) : BotTest(azurite)
{
    protected static readonly DateTimeOffset Day = new(DateTimeOffset.UtcNow.Date.AddDays(3), TimeSpan.Zero);
    protected static readonly DateTimeOffset DayStart = Day.AddHours(7);
    protected static readonly DateTimeOffset NightStart = Day.AddHours(15);
    protected readonly FakeTimeProvider clock = new(Day.AddHours(9));

    protected BotHost Start(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Shifts:TimeZone"] = "Etc/UTC",
            ["Shifts:Definitions:0:Name"] = "Day",
            ["Shifts:Definitions:0:Start"] = "07:00",
            ["Shifts:Definitions:0:End"] = "15:00",
            ["Shifts:Definitions:1:Name"] = "Night",
            ["Shifts:Definitions:1:Start"] = "15:00",
            ["Shifts:Definitions:1:End"] = "07:00",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new BotHost(Azurite, Connector, Host.TablePrefix, settings) { Clock = clock };
    }

    protected async Task SayAsync(BotHost host, TestUser who, string text, string conversation, string expected)
    {
        var before = Connector.Calls.Count;
        await host.SendAsync(Activities.Message(who, text, conversation));
        var reply = Connector.Calls.Skip(before).LastOrDefault(c => c.ConversationId == conversation);
        Assert.True(
            reply is not null && reply.AllText.Contains(expected, StringComparison.Ordinal),
            $"'{text}' by {who.Name}: expected \"{expected}\", got \"{reply?.AllText}\""
        );
    }

    protected static async Task<(CaseState, string?)> StateAsync(ICaseStore store, int number) =>
        (await store.GetAsync(number, CancellationToken.None)) is { Case: var c }
            ? (c.State, c.Owner?.Id)
            : throw new InvalidOperationException($"No case {number}.");
}
