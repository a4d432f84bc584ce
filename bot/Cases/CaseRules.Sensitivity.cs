namespace EscalationBot.Cases;

/// <summary>Sensitive cases: hiding their details, and revealing them to one viewer.</summary>
public static partial class CaseRules
{
    /// <summary>Hide a case's details from now on: the reporter of the case or any specialist or lead.</summary>
    public static Decision MarkSensitive(Case current, Actor actor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff && current.Reporter.Id != actor.Person.Id)
        {
            return new Decision.Refused(
                Refusal.NotPermitted,
                $"Only the reporter, specialists and leads can mark {current.Id} sensitive."
            );
        }

        if (current.IsSensitive)
        {
            return new Decision.Refused(
                Refusal.AlreadySensitive,
                $"{current.Id} is already treated as sensitive: its details stay hidden until someone reveals them."
            );
        }

        return Wrong(CaseAction.MarkSensitive, current, now, policy)
            ?? (Decision)Accept(
                current with
                {
                    MarkedSensitive = true,
                },
                actor,
                AuditAction.MarkedSensitive,
                current.State,
                now
            );
    }

    /// <summary>A specialist chooses to see a sensitive case's details. Changes nothing but the audit trail.</summary>
    public static Decision Reveal(Case current, Actor actor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can reveal a case's details.");
        }

        return Wrong(CaseAction.Reveal, current, now, policy)
            ?? (Decision)Accept(current, actor, AuditAction.RevealedDetails, current.State, now);
    }
}
