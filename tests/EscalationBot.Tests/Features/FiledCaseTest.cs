using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Features;

/// <summary>A bot test whose reporter files cases through the intake form and that reads back where the queue post went.</summary>
public abstract class FiledCaseTest(AzuriteFixture azurite) : BotTest(azurite)
{
    protected async Task FileAsync(string personal)
    {
        var answer = await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal)
        );
        Assert.Contains("filed", SentCards.Texts(answer!["value"]!));
    }

    protected async Task<string?> StoredQueueMessageIdAsync(int number)
    {
        var store = Host.Services.GetRequiredService<ICaseStore>();
        for (var i = 0; i < 300; i++)
        {
            var stored = await store.GetAsync(number, CancellationToken.None);
            if (stored?.Case.QueueMessageId is { } id)
            {
                return id;
            }

            await Task.Delay(50);
        }

        return null;
    }
}
