using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>
/// Bot:AllowedTenants, decided for each request before the bot sees it, so a foreign tenant's activity gets no
/// reply and touches no storage. A refusal is logged after authentication, at most once per tenant per hour: a
/// tenant that keeps writing cannot fill the logs.
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
        return allowed.Count == 0
            || (tenants.Count > 0 && tenants.All(t => allowed.Contains(t.Trim(), StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The bot for an activity <see cref="Admits"/> refused. The adapter runs it only once the request is
    /// authenticated (401 otherwise), so only a caller with a valid token can make the refusal be logged; it logs once
    /// an hour per tenant and answers nothing.
    /// </summary>
    public IBot Refusal(IReadOnlyCollection<string> tenants) => new RefusedBot(this, tenants);

    private void LogRefused(IReadOnlyCollection<string> tenants)
    {
        var allowed = options.CurrentValue.AllowedTenants;
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
            logger.LogWarning(
                "Refused an activity from tenant {Tenant}, not in Bot:AllowedTenants (logged once an hour per tenant)",
                tenant.Length == 0 ? "(none)" : tenant
            );
        }
    }

    private sealed class RefusedBot(TenantGate gate, IReadOnlyCollection<string> tenants) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            gate.LogRefused(tenants);
            if (turnContext.Activity.Type == ActivityTypes.Invoke)
            {
                // An empty 200, as for a message: no 501 for the caller to retry.
                await turnContext.SendActivityAsync(
                    new Activity
                    {
                        Type = ActivityTypesEx.InvokeResponse,
                        Value = new InvokeResponse { Status = 200 },
                    },
                    cancellationToken
                );
            }
        }
    }
}
