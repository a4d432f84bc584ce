using EscalationBot.Deliveries;
using EscalationBot.Sla;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Sla;

/// <summary>
/// Reminders end to end: the real bot on Azurite with second-scale targets, Hangfire in memory, and a recording
/// Connector as Teams. Each reminder must arrive once, not before it is due, in the right conversation, and
/// survive a restart. Waits poll for the outcome with generous ceilings; no assertion is about how late it was.
/// </summary>
public abstract class SlaChaseTest(AzuriteFixture azurite) : RestartableBotTest
{
    protected const string OwnerChat = "spec-dm";
    protected static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };
    protected static readonly JObject Esc2 = new() { ["caseId"] = "ESC-2" };

    /// <summary>Sev1: 4 s to claim, 10 s to resolve. Sev3: long, so that a Sev3 case is quiet until it is triaged up.</summary>
    protected static readonly Dictionary<string, string?> FastSla = new()
    {
        ["Sla:Sev1:FirstResponse"] = "00:00:04",
        ["Sla:Sev1:Resolution"] = "00:00:10",
        ["Sla:Sev3:FirstResponse"] = "01:00:00",
        ["Sla:Sev3:Resolution"] = "02:00:00",
        ["Sla:Idle:Nudge"] = "00:00:00",
        ["Sla:Idle:Release"] = "00:00:00",
        ["Sla:SweepInterval"] = "00:00:01",
        ["Sla:DeliveryLease"] = "00:00:10",
    };

    protected BotHost Start(string? tablePrefix = null, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(FastSla);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return Track(new BotHost(azurite, Connector, tablePrefix, settings)); // started, with its sweep
    }

    protected async Task BindAsync(BotHost host)
    {
        await host.SendAsync(Activities.Message(People.Specialist, "help", OwnerChat)); // the owner's 1:1 chat
        await host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await host.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
    }

    protected async Task FileAsync(BotHost host, string severity = "Sev1") =>
        await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(severity),
                Activities.Personal(People.Reporter)
            )
        );

    protected IReadOnlyList<ConnectorCall> Reminders(string caseId) =>
        Connector.Calls.Where(c => c.IsPost && c.Text.Contains(caseId + " (", StringComparison.Ordinal)).ToList();

    protected static async Task<IReadOnlyList<Delivery>> DeliveriesAsync(BotHost host, int number) =>
        await host.Services.GetRequiredService<IDeliveryStore>().DeliveriesAsync(number, CancellationToken.None);

    protected static async Task<IReadOnlyList<Delivery>> WaitForDeliveriesAsync(BotHost host, int number, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var done = (await DeliveriesAsync(host, number)).Where(d => d.State == "sent").ToList();
            if (done.Count >= count || DateTime.UtcNow > deadline)
            {
                return done;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs one more sweep and lets its jobs finish: anything that would be sent twice is sent now.</summary>
    protected static async Task SettleAsync(BotHost host)
    {
        await host.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);
        await host.WaitForJobsAsync(60);
    }
}
