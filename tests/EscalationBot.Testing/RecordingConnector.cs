using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Testing;

/// <summary>One call the bot made to the Bot Connector.</summary>
public sealed record ConnectorCall(string Method, string ConversationId, string? ActivityId, JObject Body)
{
    /// <summary>The id the message has in the conversation: the one answered to a post, the one in the URL of an edit.</summary>
    public string? MessageId { get; init; }

    /// <summary>When the call reached the connector (load benchmarks time the bot's posts by it).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    public bool IsPost => Method == "POST";
    public bool IsUpdate => Method == "PUT";

    /// <summary>The Adaptive Card the activity carries, if any.</summary>
    public JObject? Card => Body["attachments"]?.FirstOrDefault()?["content"] as JObject;

    public string Text => Body.Value<string>("text") ?? "";

    /// <summary>Every text in the card (or the message), for assertions that read like what a person sees.</summary>
    public string AllText =>
        Card is null
            ? Text
            : string.Join(
                "\n",
                Card.Descendants()
                    .OfType<JProperty>()
                    .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String)
                    .Select(p => p.Value.ToString())
            );
}

/// <summary>
/// A real HTTP server on a free port that answers the Bot Connector routes the bot calls on serviceUrl
/// (send, reply, update, delete) and records each call.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConnectorCall> calls = new();
    private readonly WebApplication app;
    private int nextId;

    private RecordingConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls => calls.ToArray();

    /// <summary>
    /// Decides whether to refuse a call, as Teams does when it throttles (429 with Retry-After) or fails (5xx): the
    /// status and the Retry-After seconds, or null to accept it. Refused calls are counted, not recorded.
    /// </summary>
    public Func<ConnectorCall, (int Status, int? RetryAfterSeconds)?>? Refuse { get; set; }

    public int RefusedCount => refusedCalls.Count;

    /// <summary>The calls <see cref="Refuse"/> refused, in order.</summary>
    public IReadOnlyList<ConnectorCall> RefusedCalls => refusedCalls.ToArray();

    private readonly ConcurrentQueue<ConnectorCall> refusedCalls = new();

    public static async Task<RecordingConnector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new RecordingConnector(app) { ServiceUrl = $"http://127.0.0.1:{port}/" };

        // One catch-all route: Teams conversation ids carry ':', '@' and ';', which route templates handle poorly.
        app.Map(
            "/v3/conversations/{**rest}",
            (string rest, HttpRequest r) =>
            {
                var parts = r.Path.Value!["/v3/conversations/".Length..].Split('/');
                var conversationId = Uri.UnescapeDataString(parts[0]);
                var activityId = parts.Length > 2 ? Uri.UnescapeDataString(parts[2]) : null;
                return connector.RecordAsync(r.Method, conversationId, activityId, r);
            }
        );
        await app.StartAsync();
        return connector;
    }

    private async Task<IResult> RecordAsync(
        string method,
        string conversationId,
        string? activityId,
        HttpRequest request
    )
    {
        var receivedAt = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        var body = text.Length > 0 ? JObject.Parse(text) : [];
        if (method == "PUT" && body.Value<string>("id") != activityId)
        {
            return Results.BadRequest(new { error = "The id in the URL must equal the body's id." });
        }

        var call = new ConnectorCall(method, conversationId, activityId, body) { ReceivedAt = receivedAt };
        if (Refuse?.Invoke(call) is var (status, retryAfter))
        {
            refusedCalls.Enqueue(call);
            if (retryAfter is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                );
            }

            return Results.Json(
                new { error = new { code = "Refused", message = "Refused by the test." } },
                statusCode: status
            );
        }

        var id = method == "PUT" ? activityId! : $"msg-{Interlocked.Increment(ref nextId)}";
        calls.Enqueue(call with { MessageId = id });
        return Results.Ok(new { id });
    }

    /// <summary>Waits for a call that matches: background jobs send on their own time. Fails after the timeout.</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var found = calls.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        var seen = string.Join(
            "\n",
            calls.Select(c =>
                $"{c.Method} {c.ConversationId}/{c.ActivityId}: {c.AllText.Replace('\n', ' ')[..Math.Min(160, c.AllText.Length)]}"
            )
        );
        throw new InvalidOperationException(
            $"No connector call for: {what} within {timeoutSeconds} s. Calls seen:\n{seen}"
        );
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
