using EscalationBot.Cases;

namespace EscalationBot.Tests.Storage;

/// <summary>Store tests write cases with no effects: no outbox rows, no activity record.</summary>
internal static class CaseStoreWrites
{
    public static async Task<Case> CreateAsync(
        this ICaseStore store,
        Func<int, (Case Case, AuditEntry Audit)> build,
        CancellationToken cancellationToken
    ) => (await store.CreateAsync(build, CaseEffects.None, cancellationToken)).Case!;

    public static async Task<bool> TryReplaceAsync(
        this ICaseStore store,
        StoredCase current,
        Case updated,
        AuditEntry audit,
        CancellationToken cancellationToken
    ) => await store.TryReplaceAsync(current, updated, audit, CaseEffects.None, cancellationToken) == Commit.Done;
}
