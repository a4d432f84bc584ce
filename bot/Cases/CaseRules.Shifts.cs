namespace EscalationBot.Cases;

/// <summary>Shift changes and idle owners: handover notes, keeping or releasing a case at a handover, the idle release.</summary>
public static partial class CaseRules
{
    /// <summary>A note for the next shift: any specialist or lead, on an open case. It also goes on the timeline.</summary>
    public static Decision LeaveHandoverNote(
        Case current,
        Actor actor,
        string? note,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can leave handover notes.");
        }

        if (!current.IsOpen)
        {
            var state = Labels.Of(current.StateAt(now, (policy ?? CasePolicy.Default).ReopenWindow)).ToLowerInvariant();
            return new Decision.Refused(Refusal.WrongState, $"{current.Id} is {state}: there is nothing to hand over.");
        }

        if (Text(note, "the handover note", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        var noted = current with { HandoverNote = new HandoverNote(text, actor.Person, now) };
        return Accept(noted, actor, AuditAction.HandoverNote, current.State, now, text);
    }

    /// <summary>
    /// The owner (or a lead) keeps the case across the shift boundary at <paramref name="boundary"/>: the release of
    /// cases nobody chose for passes it by. Any later change of owner clears the choice.
    /// </summary>
    public static Decision KeepOverHandover(
        Case current,
        Actor actor,
        DateTimeOffset boundary,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads decide at a handover.");
        }

        if (!IsAllowedIn(CaseAction.Release, current.StateAt(now, (policy ?? CasePolicy.Default).ReopenWindow)))
        {
            return new Decision.Refused(
                Refusal.WrongState,
                $"Can't keep it over the handover: {PossibleNow(current, now, policy ?? CasePolicy.Default)}"
            );
        }

        if (NotOwner(current, actor, "keep") is { } refused)
        {
            return refused;
        }

        if (current.KeptAcross == boundary)
        {
            return new Decision.Refused(
                Refusal.AlreadyKept,
                $"{current.Id} is already kept by {current.Owner?.Name} over this handover."
            );
        }

        return Accept(
            current with
            {
                KeptAcross = boundary,
            },
            actor,
            AuditAction.KeptOverHandover,
            current.State,
            now,
            $"{current.Owner?.Name} keeps it across the shift change."
        );
    }

    /// <summary>
    /// At a handover, a case its outgoing owner made no choice for goes back to the queue, with a note on its
    /// timeline. Checked against the stored case: a case kept, handed on or worked on after the boundary stays.
    /// </summary>
    public static Decision ReleaseAtHandover(
        Case current,
        string ownerId,
        DateTimeOffset boundary,
        string shiftName,
        DateTimeOffset now
    )
    {
        // A case waiting on the reporter or on a consult stays with its owner: releasing it would drop the consult and
        // restart a clock that stands still, as the idle release also leaves them.
        if (current.State is not (CaseState.Claimed or CaseState.Reopened) || current.Owner?.Id != ownerId)
        {
            return new Decision.Refused(
                Refusal.NotHeld,
                $"{current.Id} is no longer held by the outgoing owner, or waits on someone."
            );
        }

        if (current.KeptAcross == boundary || current.LastActivityAt > boundary)
        {
            return new Decision.Refused(
                Refusal.StillActive,
                $"{current.Id} was kept over the handover, or worked on after it."
            );
        }

        return Accept(
            current with
            {
                State = CaseState.New,
                Owner = null,
                KeptAcross = null,
            },
            new Actor(SystemActor, Role.Lead),
            AuditAction.ReleasedAtHandover,
            current.State,
            now,
            $"{current.Owner.Name} made no choice for it before the {shiftName} shift ended; back in the queue."
        );
    }

    /// <summary>
    /// The case nobody has touched for the idle-release time goes back to the queue, with a note on its timeline.
    /// Checked against the stored case, so a note added a moment earlier keeps it with its owner.
    /// </summary>
    public static Decision ReleaseIdle(Case current, DateTimeOffset now, CasePolicy? policy = null)
    {
        policy ??= CasePolicy.Default;
        if (
            policy.IdleRelease <= TimeSpan.Zero
            || current.State is not (CaseState.Claimed or CaseState.Reopened)
            || current.Owner is null
        )
        {
            return new Decision.Refused(Refusal.NotHeld, $"{current.Id} is not held by anyone idle.");
        }

        var calendar = policy.CalendarFor(current);
        var quietSince = current.LastActivityAt ?? current.ClaimedAt ?? current.FiledAt;
        if (calendar.Add(quietSince, policy.IdleRelease) > now)
        {
            return new Decision.Refused(Refusal.StillActive, $"{current.Id} has had activity since.");
        }

        return Accept(
            current with
            {
                State = CaseState.New,
                Owner = null,
                Consult = null,
                KeptAcross = null,
            },
            new Actor(SystemActor, Role.Lead),
            AuditAction.ReleasedIdle,
            current.State,
            now,
            detail: new AuditDetail { FormerOwner = current.Owner, IdleFor = policy.IdleRelease }
        );
    }
}
