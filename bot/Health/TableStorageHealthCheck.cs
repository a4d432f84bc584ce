using Azure.Data.Tables;
using EscalationBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EscalationBot.Health;

/// <summary>Table Storage answers: one page of one row of the table list, the cheapest call the account serves.</summary>
public sealed class TableStorageHealthCheck(TableServiceClient tables, IOptions<StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            var name = options.Value.TablePrefix + "Cases";
            await foreach (
                var _ in tables
                    .QueryAsync(t => t.Name == name, maxPerPage: 1, cancellationToken)
                    .AsPages()
                    .WithCancellation(cancellationToken)
            )
            {
                break;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's message only: it names the endpoint, never a key.
            return HealthCheckResult.Unhealthy("Table Storage does not answer.", e);
        }
    }
}
