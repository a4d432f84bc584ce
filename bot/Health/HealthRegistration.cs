using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace EscalationBot.Health;

public static class HealthRegistration
{
    private const string Ready = "ready";

    /// <summary>How long a dependency has to answer before the instance counts as not ready.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Readiness checks: Table Storage always, PostgreSQL when Hangfire keeps its jobs there.</summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        // The PostgreSQL check is always registered and asks only when Hangfire:Storage says PostgreSql: settings
        // are read when the check runs, not while the app is being built.
        builder
            .Services.AddHealthChecks()
            .AddCheck<TableStorageHealthCheck>("tables", tags: [Ready], timeout: Timeout)
            .AddCheck<PostgreSqlHealthCheck>("postgresql", tags: [Ready], timeout: Timeout);
        return builder;
    }

    /// <summary>
    /// /healthz/live: the process answers (no dependency is asked, so a storage outage never gets it restarted).
    /// /healthz/ready: its dependencies answer within <see cref="Timeout"/>; 503 otherwise.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(
            "/healthz/ready",
            new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }
        );
        return app;
    }
}
