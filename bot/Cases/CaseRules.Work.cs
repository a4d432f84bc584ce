namespace EscalationBot.Cases;

/// <summary>Taking, handing on, resolving and reopening a case, and triaging it.</summary>
public static partial class CaseRules
{
    public static Decision Claim(Case current, Actor actor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only on-shift specialists and leads can claim cases.");
        }

        if (
            current.State
            is CaseState.Claimed
                or CaseState.Consulting
                or CaseState.WaitingOnReporter
                or CaseState.Reopened
        )
        {
            return current.Owner?.Id == actor.Person.Id
                ? new Decision.Refused(Refusal.AlreadyOwner, $"You already hold {current.Id}.")
                : new Decision.Refused(
                    Refusal.AlreadyClaimed,
                    $"{current.Id} is already claimed by {current.Owner?.Name}."
                );
        }

        if (Wrong(CaseAction.Claim, current, now, policy) is { } refused)
        {
            return refused;
        }

        // The first claim is the first response; a claim after a release keeps the original time.
        var claimed = current with
        {
            State = CaseState.Claimed,
            Owner = actor.Person,
            ClaimedAt = current.ClaimedAt ?? now,
            KeptAcross = null,
        };
        return Accept(claimed, actor, AuditAction.Claimed, current.State, now);
    }

    public static Decision Release(Case current, Actor actor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can release cases.");
        }

        if ((Wrong(CaseAction.Release, current, now, policy) ?? NotOwner(current, actor, "release")) is { } refused)
        {
            return refused;
        }

        var released = current.Resumed(now, (policy ?? CasePolicy.Default).CalendarFor(current)) with
        {
            State = CaseState.New,
            Owner = null,
            Consult = null,
            KeptAcross = null,
        };
        return Accept(released, actor, AuditAction.Released, current.State, now);
    }

    /// <summary>The owner or a lead hands the case to another specialist or lead; it keeps its state.</summary>
    public static Decision Reassign(
        Case current,
        Actor actor,
        Actor assignee,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can reassign cases.");
        }

        if ((Wrong(CaseAction.Reassign, current, now, policy) ?? NotOwner(current, actor, "reassign")) is { } refused)
        {
            return refused;
        }

        if (!assignee.IsStaff)
        {
            return new Decision.Refused(
                Refusal.AssigneeNotStaff,
                $"{assignee.Person.Name} is not a specialist or lead, so cannot take {current.Id}."
            );
        }

        if (current.Owner?.Id == assignee.Person.Id)
        {
            return new Decision.Refused(Refusal.AlreadyOwner, $"{assignee.Person.Name} already holds {current.Id}.");
        }

        return Accept(
            current with
            {
                Owner = assignee.Person,
                KeptAcross = null,
            },
            actor,
            AuditAction.Reassigned,
            current.State,
            now,
            detail: new AuditDetail { Assignee = assignee.Person }
        );
    }

    public static Decision Resolve(
        Case current,
        Actor actor,
        Outcome? outcome,
        string? summary,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only on-shift specialists and leads can resolve cases.");
        }

        if (current.State == CaseState.New)
        {
            return new Decision.Refused(Refusal.NotClaimed, $"{current.Id} is not claimed yet: claim it first.");
        }

        if (current.State == CaseState.Resolved)
        {
            return new Decision.Refused(Refusal.AlreadyResolved, $"{current.Id} is already resolved.");
        }

        if ((Wrong(CaseAction.Resolve, current, now, policy) ?? NotOwner(current, actor, "resolve")) is { } refused)
        {
            return refused;
        }

        if (outcome is null)
        {
            return new Decision.Refused(
                Refusal.OutcomeMissing,
                "Choose an outcome: actioned, no violation, needs policy decision or other."
            );
        }

        if (Text(summary, "a summary for the reporter", MaxSummaryLength, out var text) is { } bad)
        {
            return bad;
        }

        var resolved = current.Resumed(now, (policy ?? CasePolicy.Default).CalendarFor(current)) with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(outcome.Value, text, now),
            Consult = null,
        };
        return Accept(
            resolved,
            actor,
            AuditAction.Resolved,
            current.State,
            now,
            text,
            new AuditDetail { Outcome = outcome.Value }
        );
    }

    /// <summary>The owner, a lead or the reporter may reopen a resolved case, with a reason, inside the window.</summary>
    public static Decision Reopen(
        Case current,
        Actor actor,
        string? reason,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        policy ??= CasePolicy.Default;
        var isReporter = current.Reporter.Id == actor.Person.Id;
        if (!isReporter && actor.Role != Role.Lead && current.Owner?.Id != actor.Person.Id)
        {
            return new Decision.Refused(
                Refusal.NotPermitted,
                $"Only the reporter, the owner or a lead can reopen {current.Id}."
            );
        }

        if (current.StateAt(now, policy.ReopenWindow) == CaseState.Closed)
        {
            return new Decision.Refused(
                Refusal.Closed,
                $"{current.Id} is closed: the {DurationText.Format(policy.ReopenWindow)} reopen window has passed. "
                    + $"File a new escalation and mention {current.Id}."
            );
        }

        if (Wrong(CaseAction.Reopen, current, now, policy) is { } refused)
        {
            return refused;
        }

        if (Text(reason, "the reason for reopening", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        // A reopened case gets a fresh resolution target from now, and a new round of reminders.
        var reopened = current with
        {
            State = CaseState.Reopened,
            Resolution = null,
            ResolutionClockFrom = now,
            TargetsRound = current.TargetsRound + 1,
            PausedFor = TimeSpan.Zero,
            PausedSince = null,
            ReopenCount = current.ReopenCount + 1,
        };
        return Accept(reopened, actor, AuditAction.Reopened, current.State, now, text);
    }
}
