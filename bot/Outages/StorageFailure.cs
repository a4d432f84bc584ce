using Azure;
using Azure.Identity;

namespace EscalationBot.Outages;

/// <summary>Tells a storage outage (nothing reached, or the service failing) from a refusal we caused.</summary>
public static class StorageFailure
{
    public static bool IsOutage(Exception exception) =>
        exception switch
        {
            RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
            RequestFailedException => false,
            HttpRequestException or TimeoutException => true,
            // No token for the managed identity (its endpoint unreachable, or refusing): storage cannot be reached.
            AuthenticationFailedException => true,
            TaskCanceledException t => t.InnerException is TimeoutException,
            // Azure.Core wraps the failures of every retry in one AggregateException.
            AggregateException a => a.InnerExceptions.All(IsOutage),
            _ => false,
        };
}
