using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EscalationBot.Testing;

/// <summary>One request a <see cref="RecordingServer"/> received (copied: Kestrel reuses a request's own collections).</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body
);

/// <summary>
/// A real HTTP server on a free port that records every request and answers each as <c>respond</c> says: what the
/// bot calls besides the Bot Connector (an OpenTelemetry collector, App Service's managed identity endpoint).
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();
    private readonly WebApplication app;

    private RecordingServer(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string Address { get; }

    public IReadOnlyList<ReceivedRequest> Requests => requests.ToArray();

    public static async Task<RecordingServer> StartAsync(Func<ReceivedRequest, IResult> respond)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app, $"http://127.0.0.1:{port}");
        app.Run(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var request = new ReceivedRequest(
                http.Request.Method,
                http.Request.Path.Value ?? "",
                http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                http.Request.Headers.ToDictionary(
                    h => h.Key,
                    h => h.Value.ToString(),
                    StringComparer.OrdinalIgnoreCase
                ),
                body.ToArray()
            );
            server.requests.Enqueue(request);
            await respond(request).ExecuteAsync(http);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
