using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// Counts what a table client asks of the storage: each request a round trip, and the entities a query returns (its
/// <c>value</c> array). <see cref="ShortenFirstPageTo"/> makes the first query ask for fewer, as Table Storage may
/// answer a query with a short page and a continuation token.
/// </summary>
public sealed class CountingPolicy : HttpPipelinePolicy
{
    private int roundTrips;
    private int entities;

    public int RoundTrips => roundTrips;
    public int Entities => entities;

    /// <summary>The <c>$top</c> the next query is sent with instead of its own, once.</summary>
    public int? ShortenFirstPageTo { get; set; }

    public void Reset() => (roundTrips, entities) = (0, 0);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Shorten(message);
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Shorten(message);
        ProcessNext(message, pipeline);
        Count(message);
    }

    private void Shorten(HttpMessage message)
    {
        var query = message.Request.Uri.Query;
        if (ShortenFirstPageTo is { } top && query.Contains("$top=", StringComparison.Ordinal))
        {
            message.Request.Uri.Query = System.Text.RegularExpressions.Regex.Replace(
                query,
                @"\$top=\d+",
                $"$top={top}"
            );
            ShortenFirstPageTo = null;
        }
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref roundTrips);
        if (message.Response.Status == 200 && message.Response.Content.ToMemory().Length > 0)
        {
            using var json = JsonDocument.Parse(message.Response.Content);
            var read = json.RootElement.TryGetProperty("value", out var rows) ? rows.GetArrayLength() : 1;
            Interlocked.Add(ref entities, read);
        }
    }
}
