using EscalationBot.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EscalationBot.Health;

/// <summary>Hangfire's PostgreSQL answers <c>SELECT 1</c>, when Hangfire keeps its jobs there.</summary>
public sealed class PostgreSqlHealthCheck(IOptions<JobsOptions> options, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        if (!JobsOptionsValidator.IsPostgreSql(options.Value))
        {
            return HealthCheckResult.Healthy("Not used: Hangfire keeps its jobs in memory.");
        }

        try
        {
            await using var connection = new NpgsqlConnection(
                configuration.GetConnectionString(JobsOptionsValidator.ConnectionStringName)
            );
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL (Hangfire's job store) does not answer.", e);
        }
    }
}
