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
/// reloads and asks the rule again, so the loser of a race is judged against the winner's state. Changes racing on
/// this instance write one at a time (<see cref="CaseRaces"/>): one that lost to another here is judged against what
/// the winner wrote, without writing or reading first.
/// </summary>
public sealed class CaseWorkflow(ICaseStore store)
{
    private const int MaxAttempts = 10;

    private readonly CaseRaces races = new();

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
        using var race = races.Join(number);
        var stored = await ReadAsync();
        // What the rule judges: the case as read, or as a commit here left it since (which must be read to be written).
        var judged = stored?.Case;
        for (var attempt = 1; stored is not null && judged is not null; attempt++)
        {
            switch (rule(judged))
            {
                case Decision.Refused refused:
                    return new Change.Refused(refused.Code, refused.Reason, judged);
                case Decision.Accepted when !ReferenceEquals(judged, stored.Case):
                    stored = await ReadAsync();
                    judged = stored?.Case;
                    continue;
                case Decision.Accepted accepted:
                    var sideEffects = effects?.Invoke(accepted.Case) ?? CaseEffects.Default;
                    var (commit, newer) = await WriteAsync(race, stored, accepted, sideEffects, cancellationToken);
                    if (commit == Commit.Done)
                    {
                        return new Change.Done(accepted.Case, stored.Version + 1);
                    }

                    if (commit == Commit.Replayed)
                    {
                        return new Change.Replayed(
                            await store.GetTurnAsync(sideEffects.Turn!.Key, cancellationToken) ?? sideEffects.Turn
                        );
                    }

                    if (attempt >= MaxAttempts)
                    {
                        return new Change.Refused(
                            Refusal.TooBusy,
                            $"{judged.Id} is changing too fast to update; please try again.",
                            judged
                        );
                    }

                    if (newer is null)
                    {
                        stored = await ReadAsync();
                    }

                    judged = newer ?? stored?.Case;
                    break;
            }
        }

        return new Change.NotFound(number);

        Task<StoredCase?> ReadAsync() =>
            race.ReadAsync(() => store.GetAsync(number, CancellationToken.None), cancellationToken);
    }

    /// <summary>
    /// Writes the accepted change unless another change here committed the case after <paramref name="stored"/> was
    /// read: then nothing is written (the ETag would refuse it), and the case as that commit left it comes back.
    /// </summary>
    private async Task<(Commit? Commit, Case? Newer)> WriteAsync(
        CaseRaces.Race race,
        StoredCase stored,
        Decision.Accepted accepted,
        CaseEffects effects,
        CancellationToken cancellationToken
    )
    {
        await race.Writes.WaitAsync(cancellationToken);
        try
        {
            if (race.Newest is { } newest && newest.Version > stored.Version)
            {
                return (null, newest.Case);
            }

            var commit = await store.TryReplaceAsync(stored, accepted.Case, accepted.Audit, effects, cancellationToken);
            if (commit == Commit.Done)
            {
                race.Newest = new(accepted.Case, stored.Version + 1);
            }

            return (commit, null);
        }
        finally
        {
            race.Writes.Release();
        }
    }
}
