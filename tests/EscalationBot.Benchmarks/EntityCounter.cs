using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace EscalationBot.Benchmarks;

/// <summary>One GET a table client sent: its decoded query string (the <c>$filter</c>, if any) and the entities returned.</summary>
internal sealed record EntityRead(string Query, bool Point, int Entities);

/// <summary>
/// Counts what a <see cref="Azure.Data.Tables.TableClient"/> reads, from the responses themselves rather than from the
/// code under measure: a query's <c>value</c> array, or 1 for a point read answered 200. Added to the client's
/// options per call, so it sees each page of a query as the service answered it (the body is buffered by then).
/// Thread-safe.
/// </summary>
internal sealed class EntityCounter : HttpPipelinePolicy
{
    private readonly Lock gate = new();
    private List<EntityRead> reads = [];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    /// <summary>The reads since the last call, and a fresh count from now.</summary>
    public IReadOnlyList<EntityRead> Take()
    {
        lock (gate)
        {
            var taken = reads;
            reads = [];
            return taken;
        }
    }

    private void Count(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get || !message.HasResponse)
        {
            return;
        }

        var uri = message.Request.Uri.ToUri();
        var point = uri.AbsolutePath.EndsWith("')", StringComparison.Ordinal);
        var entities = 0;
        if (message.Response.Status == 200 && message.Response.Content.ToMemory() is { Length: > 0 } body)
        {
            using var json = JsonDocument.Parse(body);
            entities =
                json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
                    ? value.GetArrayLength()
                    : 1;
        }

        lock (gate)
        {
            reads.Add(new EntityRead(Uri.UnescapeDataString(uri.Query), point, entities));
        }
    }
}
