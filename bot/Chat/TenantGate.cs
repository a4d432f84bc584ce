using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>
/// Bot:AllowedTenants, applied to each request before the adapter sees it, so a foreign tenant's activity gets no
/// reply and touches no storage. A refusal is logged at most once per tenant per hour: a tenant that keeps
/// writing cannot fill the logs.
/// </summary>
public sealed class TenantGate(IOptionsMonitor<BotOptions> options, TimeProvider clock, ILogger<TenantGate> logger)
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromHours(1);

    // Bounded: refused tenants are whatever callers write; past this many the memory of who was logged starts over.
    private const int MaxRemembered = 1000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> logged = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether an activity naming these tenants (<c>conversation.tenantId</c>, <c>channelData.tenant.id</c>, either
    /// may be missing) is served: always when no tenants are configured; otherwise only if it names at least one
    /// tenant and every tenant it names is allowed.
    /// </summary>
    public bool Admits(IReadOnlyCollection<string> tenants)
    {
        var allowed = options.CurrentValue.AllowedTenants;
        if (allowed.Count == 0)
        {
            return true;
        }

        if (tenants.Count > 0 && tenants.All(t => allowed.Contains(t.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            return true;
        }

        var tenant = tenants.FirstOrDefault(t => !allowed.Contains(t.Trim(), StringComparer.OrdinalIgnoreCase)) ?? "";
        tenant = tenant.Length > 64 ? tenant[..64] : tenant;
        var now = clock.GetUtcNow();
        if (logged.Count >= MaxRemembered)
        {
            logged.Clear();
        }

        // TryAdd and TryUpdate succeed for one caller only, so a burst from one tenant logs once.
        var first = logged.TryGetValue(tenant, out var last)
            ? now - last >= LogEvery && logged.TryUpdate(tenant, now, last)
            : logged.TryAdd(tenant, now);
        if (first)
        {
            logger.LogWarning("Refused an activity from tenant {Tenant}, not in Bot:AllowedTenants (logged once an hour per tenant)",
                tenant.Length == 0 ? "(none)" : tenant);
        }

        return false;
    }
}
