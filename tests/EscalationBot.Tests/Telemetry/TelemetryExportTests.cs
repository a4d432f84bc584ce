using System.Text;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using EscalationBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Telemetry;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, a turn's traces and metrics reach the collector: a recording OTLP/HTTP
/// receiver here. OTLP's protobuf keeps names as plain UTF-8, so the bodies are searched for them. With
/// APPLICATIONINSIGHTS_CONNECTION_STRING set, they go to its ingestion endpoint: a recording one here.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryExportTests(AzuriteFixture azurite)
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

    [Fact]
    public async Task With_an_application_insights_connection_string_a_turn_reaches_azure_monitor()
    {
        await using var ingestion = await RecordingServer.StartAsync(_ => Results.Ok());
        await using var connector = await RecordingConnector.StartAsync();
        var activities = new Activities(connector);
        var connection =
            "InstrumentationKey=00000000-0000-0000-0000-000000000001;"
            + $"IngestionEndpoint={ingestion.Address}/;LiveEndpoint={ingestion.Address}/";
        var host = new BotHost(
            azurite,
            connector,
            extra: new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connection }
        )
        {
            // Azure Monitor keeps 5 traces a second by default; the start's own storage calls could use them all.
            TestServices = services =>
                services.Configure<AzureMonitorOptions>(monitor =>
                {
                    monitor.TracesPerSecond = null;
                    monitor.SamplingRatio = 1;
                }),
        };
        await using (host)
        {
            await host.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
            await Poll.UntilAsync(
                () => Tracked(ingestion),
                tracked =>
                    tracked.Contains("bot turn message", StringComparison.Ordinal)
                    && tracked.Contains("\"name\":\"POST /api/messages\"", StringComparison.Ordinal),
                "the turn's span and its request reach Azure Monitor's ingestion endpoint"
            );
        }

        // The Azure SDK's own spans of Table Storage, as dependencies.
        Assert.Contains("\"type\":\"InProc | Microsoft.Tables\"", Tracked(ingestion));
    }

    /// <summary>What Azure Monitor's exporter sent to /v2.1/track: newline-delimited JSON, gzipped.</summary>
    private static string Tracked(RecordingServer ingestion) =>
        string.Join(
            "\n",
            ingestion
                .Requests.Where(r => r.Path.EndsWith("/track", StringComparison.Ordinal))
                .Select(r =>
                    r.Headers.TryGetValue("Content-Encoding", out var encoding) && encoding == "gzip"
                        ? Gunzip(r.Body)
                        : Encoding.UTF8.GetString(r.Body)
                )
        );

    private static string Gunzip(byte[] body)
    {
        using var gzip = new System.IO.Compression.GZipStream(
            new MemoryStream(body),
            System.IO.Compression.CompressionMode.Decompress
        );
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
