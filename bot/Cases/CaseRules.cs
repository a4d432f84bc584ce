namespace EscalationBot.Cases;

/// <summary>What the rules decided about an attempted change.</summary>
public abstract record Decision
{
    public sealed record Accepted(Case Case, AuditEntry Audit) : Decision;

    /// <summary>Refused, with a sentence for the person who tried.</summary>
    public sealed record Refused(string Reason) : Decision;
}

/// <summary>
/// Who may do what to a case, in which state. Pure functions of the stored case, the actor as the
/// server knows them, and the time: nothing here trusts what a card sent.
/// </summary>
public static class CaseRules
{
    public const int MaxSummaryLength = 2000;

    public static Decision Claim(Case current, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only on-shift specialists and leads can claim cases.");
        }

        return current.State switch
        {
            CaseState.New => Accept(
                current with { State = CaseState.Claimed, Owner = actor.Person, ClaimedAt = now },
                actor, "claimed", current.State, now),
            CaseState.Claimed when current.Owner?.Id == actor.Person.Id =>
                new Decision.Refused($"You already hold {current.Id}."),
            CaseState.Claimed => new Decision.Refused($"{current.Id} is already claimed by {current.Owner?.Name}."),
            _ => new Decision.Refused($"{current.Id} is already resolved."),
        };
    }

    public static Decision Resolve(Case current, Actor actor, Outcome? outcome, string? summary, DateTimeOffset now)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only on-shift specialists and leads can resolve cases.");
        }

        switch (current.State)
        {
            case CaseState.New:
                return new Decision.Refused($"{current.Id} is not claimed yet: claim it first.");
            case CaseState.Resolved:
                return new Decision.Refused($"{current.Id} is already resolved.");
        }

        if (current.Owner?.Id != actor.Person.Id && actor.Role != Role.Lead)
        {
            return new Decision.Refused($"{current.Id} is held by {current.Owner?.Name}; only they or a lead can resolve it.");
        }

        if (outcome is null)
        {
            return new Decision.Refused("Choose an outcome: actioned, no violation, needs policy decision or other.");
        }

        var text = summary?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new Decision.Refused("Write a summary for the reporter.");
        }

        if (text.Length > MaxSummaryLength)
        {
            return new Decision.Refused($"The summary is {text.Length} characters long; the limit is {MaxSummaryLength}.");
        }

        var resolved = current with { State = CaseState.Resolved, Resolution = new Resolution(outcome.Value, text, now) };
        return Accept(resolved, actor, $"resolved: {Labels.Of(outcome.Value)}", current.State, now, text);
    }

    /// <summary>Who may read a case: staff, and the person who reported it.</summary>
    public static bool CanView(Case current, Actor actor) => actor.IsStaff || current.Reporter.Id == actor.Person.Id;

    private static Decision.Accepted Accept(Case updated, Actor actor, string action, CaseState from, DateTimeOffset now, string? text = null) =>
        new(updated, new AuditEntry(updated.Number, now, actor.Person, action, from, updated.State, text));
}
