using EscalationBot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace EscalationBot.Chat;

/// <summary>
/// A span and the turn metrics around every turn: the adapter's first middleware, so it sees every activity and every
/// failure (before the adapter's error handler answers the user). A proactive send (a job's message) runs as a turn
/// too, and is counted as "proactive", apart from the activities people send.
/// </summary>
public sealed class TurnTelemetry(BotMetrics metrics) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>The types Bot Framework defines; anything else a caller sends is "other", so tags stay a short list.</summary>
    private static readonly HashSet<string> Known =
    [
        ActivityTypes.Message,
        ActivityTypes.Invoke,
        ActivityTypes.ConversationUpdate,
        ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction,
        ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete,
        ActivityTypes.Event,
        ActivityTypes.Typing,
        ActivityTypes.EndOfConversation,
    ];

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var type = TypeOf(turnContext.Activity);
        using var span = BotTelemetry.Source.StartActivity("bot turn " + type);
        span?.SetTag("bot.activity.type", type);
        span?.SetTag("bot.channel", turnContext.Activity.ChannelId);
        if (type == ActivityTypes.Invoke)
        {
            span?.SetTag("bot.invoke.name", turnContext.Activity.Name);
        }

        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await next(cancellationToken);
            failed = false;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            metrics.TurnEnded(type, failed, Stopwatch.GetElapsedTime(started));
        }
    }

    private static string TypeOf(Activity activity) =>
        activity is { Type: ActivityTypes.Event, Name: ActivityEventNames.ContinueConversation or "CreateConversation" }
            ? "proactive"
        : Known.Contains(activity.Type ?? "") ? activity.Type!
        : "other";
}
