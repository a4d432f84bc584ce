using System.Text.Json;
using System.Text.RegularExpressions;
using EscalationBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EscalationBot.Benchmarks;

/// <summary>One request the proxy forwarded: what it was (<c>GET Cases query</c>) and the entities returned.</summary>
internal sealed record StorageRequest(string What, int Entities);

/// <summary>The requests forwarded since the last <see cref="CountingProxy.Take"/>.</summary>
internal sealed record StorageCounts(IReadOnlyList<StorageRequest> Requests)
{
    public int RoundTrips => Requests.Count;
    public int EntitiesRead => Requests.Sum(r => r.Entities);

    /// <summary>
    /// The requests in order, a run of alike ones merged, with the entities they read:
    /// <c>GET Cases point (1), batch, GET Conversations query ×3 (2,012)</c>.
    /// </summary>
    public string Describe()
    {
        var runs = new List<(string What, int Count, int Entities)>();
        foreach (var request in Requests)
        {
            if (runs.Count > 0 && runs[^1].What == request.What)
            {
                runs[^1] = (request.What, runs[^1].Count + 1, runs[^1].Entities + request.Entities);
            }
            else
            {
                runs.Add((request.What, 1, request.Entities));
            }
        }

        return runs.Count == 0
            ? "none"
            : string.Join(
                ", ",
                runs.Select(r => r.What + Times(r.Count) + (r.Entities > 0 ? $" ({r.Entities:N0})" : ""))
            );
    }

    private static string Times(int count) => count > 1 ? $" ×{count}" : "";
}

/// <summary>
/// An HTTP forwarder on a free port in front of Azurite's Table service, counting what passes through: every request
/// is one round trip, and the entities its response returns are counted from the body (a query's <c>value</c> array,
/// 1 for a point read answered 200; for a <c>$batch</c>, one round trip and 1 per part answered 200, as a batch holds
/// writes and at most a single read). Requests go on unchanged (method, path, query, headers with the SharedKey
/// signature, body), only the Host is Azurite's: the signature covers the path, not the host, and Azurite's path-style
/// URLs name the account, so a connection string whose TableEndpoint is this proxy with the same path just works.
/// Responses come back unchanged. Thread-safe: the bot's concurrent requests are all counted.
/// </summary>
internal sealed partial class CountingProxy : IAsyncDisposable
{
    // What an HTTP client must not copy from one hop to the next (RFC 9110 §7.6.1), and Host, which is the target's.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host",
        "Connection",
        "Keep-Alive",
        "Transfer-Encoding",
        "TE",
        "Trailer",
        "Upgrade",
        "Proxy-Connection",
    };

    private readonly WebApplication app;
    private readonly HttpClient client;
    private readonly Lock gate = new();
    private List<StorageRequest> requests = [];

    private CountingProxy(WebApplication app, HttpClient client, int port)
    {
        this.app = app;
        this.client = client;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Azurite's connection string, with the Table endpoint at this proxy.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + $"AccountKey={AzuriteProcess.AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<CountingProxy> StartAsync(AzuriteProcess azurite)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var client = new HttpClient(
            new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
            }
        )
        {
            BaseAddress = new Uri($"http://127.0.0.1:{azurite.Port}"),
            Timeout = Timeout.InfiniteTimeSpan, // the bot's own timeout governs
        };
        var proxy = new CountingProxy(app, client, port);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    /// <summary>What was counted since the last call, and a fresh count from now.</summary>
    public StorageCounts Take()
    {
        lock (gate)
        {
            var taken = requests;
            requests = [];
            return new StorageCounts(taken);
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var incoming = context.Request;
        using var outgoing = new HttpRequestMessage(
            new HttpMethod(incoming.Method),
            incoming.Path.ToUriComponent() + incoming.QueryString.ToUriComponent()
        );
        var body = await ReadAllAsync(incoming.Body, context.RequestAborted);
        if (body.Length > 0 || incoming.ContentLength is not null)
        {
            outgoing.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (
                !HopByHop.Contains(name) && !outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values)
            )
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
            }
        }

        using var response = await client.SendAsync(outgoing, context.RequestAborted);
        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        Count(incoming.Method, incoming.Path.Value ?? "", response, answer);

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    private void Count(string method, string path, HttpResponseMessage response, byte[] body)
    {
        var table = TableOf(path);
        var (what, entities) = table switch
        {
            "$batch" => ("batch", BatchReads(body)),
            _ when method != "GET" => ($"{method} {table}", 0),
            _ when path.EndsWith("')", StringComparison.Ordinal) => ($"GET {table} point", QueryReads(response, body)),
            _ => ($"GET {table} query", QueryReads(response, body)),
        };
        lock (gate)
        {
            requests.Add(new StorageRequest(what, entities));
        }
    }

    /// <summary>The table a path names, without a test host's table prefix (t, 12 hex digits): <c>Cases</c>.</summary>
    private static string TableOf(string path)
    {
        var resource = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? "";
        var paren = resource.IndexOf('(');
        return TablePrefix().Replace(paren < 0 ? resource : resource[..paren], "");
    }

    [GeneratedRegex("^t[0-9a-f]{12}")]
    private static partial Regex TablePrefix();

    /// <summary>A query's <c>value</c> array, or 1 for a single entity; 0 for an error or an empty body.</summary>
    private static int QueryReads(HttpResponseMessage response, byte[] body)
    {
        if (!response.IsSuccessStatusCode || body.Length == 0)
        {
            return 0;
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.GetArrayLength()
            : 1;
    }

    /// <summary>The parts of a multipart batch answer answered 200 (a read); writes answer 201 or 204.</summary>
    private static int BatchReads(byte[] body) =>
        System
            .Text.Encoding.UTF8.GetString(body)
            .Split('\n')
            .Count(line => line.StartsWith("HTTP/1.1 200", StringComparison.Ordinal));

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        client.Dispose();
    }
}
