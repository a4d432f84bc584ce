using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EscalationBot.Telemetry;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Telemetry;

/// <summary>
/// The case counters count committed changes: a retried activity (the same id, as Teams retries an invoke) commits
/// nothing, so it counts nothing. Listens to this host's meter only, since other tests' hosts share the process.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BotMetricsTests(AzuriteFixture azurite) : BotTest(azurite), IDisposable
{
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };
    private readonly ConcurrentDictionary<string, long> totals = new();
    private MeterListener? listener;

    [Fact]
    public async Task Filings_claims_and_resolutions_are_counted_once_each_however_often_they_arrive()
    {
        Listen();
        var personal = Activities.Personal(People.Reporter);
        var file = Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal);
        var claim = Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel);
        var resolve = Activities.Invoke(
            People.Specialist,
            "resolve",
            new JObject(Esc1) { ["outcome"] = "NoViolation", ["summary"] = "Satire." },
            Activities.QueueChannel
        );

        foreach (var activity in (JObject[])[file, file, claim, claim, resolve, resolve])
        {
            await Host.SendAsync(activity);
        }

        Assert.Equal(1, Total("escalationbot.cases.filed"));
        Assert.Equal(1, Total("escalationbot.cases.claimed"));
        Assert.Equal(1, Total("escalationbot.cases.resolved"));
        Assert.True(Total("escalationbot.turns") >= 6, "every copy is a turn");
    }

    private long Total(string instrument) => totals.GetValueOrDefault(instrument);

    private void Listen()
    {
        // IMeterFactory hands every caller asking for the same name the same meter: this host's.
        var meter = Host.Services.GetRequiredService<IMeterFactory>().Create(BotTelemetry.Name);
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value)
        );
        listener.Start();
    }

    public void Dispose() => listener?.Dispose();
}
