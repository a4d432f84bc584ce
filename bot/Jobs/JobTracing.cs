using System.Diagnostics;
using EscalationBot.Telemetry;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace EscalationBot.Jobs;

/// <summary>
/// A span for every job run, named for its class and method (never its arguments), and a child of the trace that
/// enqueued it: the turn whose change asked for a queue card is one trace with the job that posted it, even when
/// another instance ran the job. Hangfire's filters are process-wide, so it is added once per process.
/// </summary>
public sealed class JobTracing : IClientFilter, IServerFilter
{
    private const string Parent = "traceparent";
    private const string Span = "EscalationBot.Span";
    private static int added;

    private JobTracing() { }

    public static void AddOnce()
    {
        if (Interlocked.Exchange(ref added, 1) == 0)
        {
            GlobalJobFilters.Filters.Add(new JobTracing());
        }
    }

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current?.Id is { } parent)
        {
            context.SetJobParameter(Parent, parent);
        }
    }

    public void OnCreated(CreatedContext context) { }

    public void OnPerforming(PerformingContext context)
    {
        var parent = context.GetJobParameter<string>(Parent);
        ActivityContext.TryParse(parent, null, out var parentContext);
        var job = context.BackgroundJob.Job;
        var span = BotTelemetry.Source.StartActivity(
            $"job {job.Type.Name}.{job.Method.Name}",
            ActivityKind.Internal,
            parentContext
        );
        span?.SetTag("job.id", context.BackgroundJob.Id);
        context.Items[Span] = span;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(Span, out var item) && item is Activity span)
        {
            if (context.Exception is { } e && !context.ExceptionHandled)
            {
                span.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            }

            span.Dispose();
        }
    }
}
