namespace EscalationBot.Cases;

/// <summary>The result of trying to change a case.</summary>
public abstract record Change
{
    /// <summary>Committed as version <paramref name="Version"/> of the case.</summary>
    public sealed record Done(Case Case, int Version = 0) : Change;

    /// <summary>Refused by the rules (or, <see cref="Refusal.TooBusy"/>, by a case that kept changing), with why.</summary>
    public sealed record Refused(Refusal Code, string Reason, Case? Current) : Change;

    public sealed record NotFound(int Number) : Change;

    /// <summary>The activity behind the change was handled before: nothing was written again.</summary>
    public sealed record Replayed(TurnRecord Turn) : Change;
}

/// <summary>
/// Applies a rule to the stored case and commits it only if nobody changed the case meanwhile. On a conflict it
/// reloads and asks the rule again, so the loser of a race is judged against the winner's state.
/// </summary>
public sealed class CaseWorkflow(ICaseStore store)
{
    private const int MaxAttempts = 10;

    /// <summary>
    /// <paramref name="effects"/>, given the accepted case, says what the change must send and which activity it
    /// answers; by default the queue card is refreshed and nobody else is told.
    /// </summary>
    public async Task<Change> ApplyAsync(
        int number,
        Func<Case, Decision> rule,
        CancellationToken cancellationToken,
        Func<Case, CaseEffects>? effects = null
    )
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
                    return new Change.Refused(refused.Code, refused.Reason, stored.Case);
                case Decision.Accepted accepted:
                    var sideEffects = effects?.Invoke(accepted.Case) ?? CaseEffects.Default;
                    switch (
                        await store.TryReplaceAsync(
                            stored,
                            accepted.Case,
                            accepted.Audit,
                            sideEffects,
                            cancellationToken
                        )
                    )
                    {
                        case Commit.Done:
                            return new Change.Done(accepted.Case, stored.Version + 1);
                        case Commit.Replayed:
                            return new Change.Replayed(
                                await store.GetTurnAsync(sideEffects.Turn!.Key, cancellationToken) ?? sideEffects.Turn
                            );
                    }

                    if (attempt >= MaxAttempts)
                    {
                        return new Change.Refused(
                            Refusal.TooBusy,
                            $"{stored.Case.Id} is changing too fast to update; please try again.",
                            stored.Case
                        );
                    }

                    break;
            }
        }
    }
}
