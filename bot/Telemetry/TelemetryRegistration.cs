using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EscalationBot.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>Set by the OpenTelemetry convention: export traces, metrics and logs over OTLP to this collector.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Set by App Service from Application Insights: export to Azure Monitor.</summary>
    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// The bot's metrics always (they cost nothing unexported); OpenTelemetry's traces, metrics and logs only when an
    /// exporter is named: OTLP (honouring OTEL_EXPORTER_OTLP_PROTOCOL and the other OTEL_* variables) and Azure Monitor,
    /// one or both. A developer's machine names neither and runs without the SDK. JSON console logs in Production,
    /// where App Service's log stream and Log Analytics read them a line per entry.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BotMetrics>();
        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]);
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[ApplicationInsights]);
        if (!otlp && !azureMonitor)
        {
            return builder;
        }

        // The Azure SDK's own spans (Table Storage, the managed identity's token) are behind this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        // App Service asks /healthz/ready every minute on every instance: not worth a trace each.
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(asp =>
            asp.Filter = http => !http.Request.Path.StartsWithSegments("/healthz")
        );
        var telemetry = builder
            .Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName(builder.Configuration)))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name, "Azure.*");
                if (!azureMonitor)
                {
                    // Azure Monitor's distribution adds these itself; twice would trace every request twice.
                    tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name);
                if (!azureMonitor)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithLogging();
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (azureMonitor)
        {
            telemetry.UseAzureMonitor();
        }

        return builder;
    }

    /// <summary>OTEL_SERVICE_NAME when set (as OpenTelemetry's convention asks), else the bot's name.</summary>
    private static string ServiceName(IConfiguration configuration) =>
        configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : BotTelemetry.Name;
}
