namespace EscalationBot.Cases;

/// <summary>The result of trying to change a case.</summary>
public abstract record Change
{
    public sealed record Done(Case Case) : Change;
    public sealed record Refused(string Reason, Case? Current) : Change;
    public sealed record NotFound(int Number) : Change;
}

/// <summary>
/// Applies a rule to the stored case and commits it only if nobody changed the case meanwhile. On a conflict it
/// reloads and asks the rule again, so the loser of a race is judged against the winner's state.
/// </summary>
public sealed class CaseWorkflow(ICaseStore store)
{
    private const int MaxAttempts = 10;

    public async Task<Change> ApplyAsync(int number, Func<Case, Decision> rule, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(number, cancellationToken);
            if (stored is null)
            {
                return new Change.NotFound(number);
            }

            switch (rule(stored.Case))
            {
                case Decision.Refused refused:
                    return new Change.Refused(refused.Reason, stored.Case);
                case Decision.Accepted accepted:
                    if (await store.TryReplaceAsync(stored, accepted.Case, accepted.Audit, cancellationToken))
                    {
                        return new Change.Done(accepted.Case);
                    }

                    if (attempt >= MaxAttempts)
                    {
                        return new Change.Refused($"{stored.Case.Id} is changing too fast to update; please try again.", stored.Case);
                    }

                    break;
            }
        }
    }
}
