using EscalationBot.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace EscalationBot.Health;

/// <summary>Hangfire's PostgreSQL answers <c>SELECT 1</c>.</summary>
public sealed class PostgreSqlHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(configuration.GetConnectionString(JobsOptionsValidator.ConnectionStringName));
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
