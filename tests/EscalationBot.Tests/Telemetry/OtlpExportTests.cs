using System.Text;
using EscalationBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace EscalationBot.Tests.Telemetry;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, a turn's traces and metrics reach the collector: a recording OTLP/HTTP
/// receiver here. OTLP's protobuf keeps names as plain UTF-8, so the bodies are searched for them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OtlpExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_filing_reaches_the_collector_as_traces_and_metrics()
    {
        await using var collector = await RecordingServer.StartAsync(_ => Results.Ok());
        await using var connector = await RecordingConnector.StartAsync();
        var activities = new Activities(connector);
        var host = new BotHost(
            azurite,
            connector,
            extra: new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                // Export every fraction of a second rather than every few seconds, so the test need not stop the
                // host to flush (a flush at shutdown races the exporter's HTTP client being disposed).
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            }
        );
        await using (host)
        {
            await host.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
            var personal = Activities.Personal(People.Reporter);
            await host.SendAsync(activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
            // The queue card is posted by the outbox's job: wait for it, so the job's span is in the export.
            await Poll.UntilAsync(
                () => connector.Calls.Count(c => c.ConversationId == Activities.QueueChannel && c.Card is not null),
                n => n > 0,
                "the queue card is posted"
            );
            await Poll.UntilAsync(
                () => Bodies(collector, "/v1/traces"),
                traces => traces.Contains("job OutboxDispatcher.", StringComparison.Ordinal),
                "the outbox job's span is exported"
            );
            await Poll.UntilAsync(
                () => Bodies(collector, "/v1/metrics"),
                metrics => metrics.Contains("escalationbot.cases.filed", StringComparison.Ordinal),
                "the filing is counted in an export"
            );
        }

        var traces = Bodies(collector, "/v1/traces");
        var metrics = Bodies(collector, "/v1/metrics");
        Assert.Contains("bot turn invoke", traces);
        Assert.Contains("bot turn message", traces);
        Assert.Contains("job OutboxDispatcher.", traces);
        Assert.Contains("Azure.Data.Tables", traces);
        Assert.Contains("System.Net.Http", traces);
        Assert.Contains("escalationbot.turns", metrics);
        Assert.Contains("escalationbot.turn.duration", metrics);
        Assert.Contains("escalationbot.cases.filed", metrics);
        // No case content in any signal: the description, the reported account.
        var everything = traces + metrics + Bodies(collector, "/v1/logs");
        Assert.DoesNotContain("Coordinated threats", everything);
        Assert.DoesNotContain("examplepage", everything);
    }

    private static string Bodies(RecordingServer collector, string path) =>
        string.Join("\n", collector.Requests.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));
}
