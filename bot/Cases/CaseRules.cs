using EscalationBot.Sla;

namespace EscalationBot.Cases;

/// <summary>What the rules decided about an attempted change.</summary>
public abstract record Decision
{
    public sealed record Accepted(Case Case, AuditEntry Audit) : Decision;

    /// <summary>Refused, with a sentence for the person who tried.</summary>
    public sealed record Refused(string Reason) : Decision;
}

/// <summary>Everything a person can do to a case.</summary>
public enum CaseAction { Claim, Triage, Release, Reassign, Resolve, Reopen, Note, Consult, RecordAnswer, AskReporter, Update, MarkSensitive, Reveal, AddReport, HandoverNote }

/// <summary>The case rules' settings.</summary>
public sealed record CasePolicy(TimeSpan ReopenWindow, IReadOnlyList<string>? ConsultTeams = null)
{
    public static readonly IReadOnlyList<string> DefaultTeams = ["Content Policy", "Partnerships", "Legal", "Operations", "Product"];
    public static readonly CasePolicy Default = new(TimeSpan.FromDays(7));

    public IReadOnlyList<string> Teams => ConsultTeams is { Count: > 0 } teams ? teams : DefaultTeams;

    /// <summary>The calendar of severities that count business hours only.</summary>
    public SlaCalendar BusinessHours { get; init; } = new BusinessHoursOptions().Calendar();

    /// <summary>A claimed case untouched this long is nudged to its owner (zero: never).</summary>
    public TimeSpan IdleNudge { get; init; } = new IdleOptions().Nudge;

    /// <summary>A claimed case untouched this long goes back to the queue (zero: never).</summary>
    public TimeSpan IdleRelease { get; init; } = new IdleOptions().Release;

    public SlaCalendar CalendarFor(Case c) => c.Targets.BusinessHours ? BusinessHours : SlaCalendar.AllHours;
}

/// <summary>
/// The one state machine: who may do what to a case, in which state. Pure functions of the stored case, the
/// actor as the server knows them, and the time: nothing here trusts what a card sent.
/// </summary>
public static class CaseRules
{
    public const int MaxSummaryLength = TextLimits.Summary;
    public const int MaxNoteLength = TextLimits.Note;

    /// <summary>The transitions: in which states an action is allowed at all, whoever asks.</summary>
    private static readonly Dictionary<CaseAction, CaseState[]> Allowed = new()
    {
        [CaseAction.Claim] = [CaseState.New],
        [CaseAction.Triage] = [CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened],
        [CaseAction.Release] = [CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened],
        [CaseAction.Reassign] = [CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened],
        [CaseAction.Resolve] = [CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened],
        [CaseAction.Reopen] = [CaseState.Resolved],
        [CaseAction.Note] = [CaseState.New, CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened, CaseState.Resolved],
        [CaseAction.AskReporter] = [CaseState.Claimed, CaseState.Reopened],
        [CaseAction.Update] = [CaseState.New, CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened],
        [CaseAction.Consult] = [CaseState.Claimed, CaseState.Reopened],
        [CaseAction.RecordAnswer] = [CaseState.Consulting],
        [CaseAction.MarkSensitive] =
            [CaseState.New, CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened, CaseState.Resolved],
        [CaseAction.AddReport] = [CaseState.New, CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened],
        [CaseAction.HandoverNote] = [CaseState.New, CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened],
        [CaseAction.Reveal] =
        [
            CaseState.New, CaseState.Claimed, CaseState.Consulting, CaseState.WaitingOnReporter, CaseState.Reopened, CaseState.Resolved,
            CaseState.Closed,
        ],
    };

    public static bool IsAllowedIn(CaseAction action, CaseState state) => Allowed[action].Contains(state);

    /// <summary>What can be done to the case now, for a refusal that says what is possible instead.</summary>
    public static string PossibleNow(Case current, DateTimeOffset now, CasePolicy policy)
    {
        var state = current.StateAt(now, policy.ReopenWindow);
        // The steps of the case's life; revealing details and marking a case sensitive are asides, not steps.
        var actions = Allowed
            .Where(a => a.Key is not (CaseAction.Reveal or CaseAction.MarkSensitive or CaseAction.AddReport or CaseAction.Update or CaseAction.HandoverNote)
                && a.Value.Contains(state))
            .Select(a => a.Key switch
            {
                CaseAction.RecordAnswer => "record the consult's answer",
                CaseAction.AskReporter => "ask the reporter",
                _ => a.Key.ToString().ToLowerInvariant(),
            })
            .ToList();
        var what = actions.Count == 0 ? "nothing more can be done; file a new escalation if needed" : "it can be: " + string.Join(", ", actions);
        return $"{current.Id} is {Labels.Of(state).ToLowerInvariant()}: {what}.";
    }

    public static Decision Claim(Case current, Actor actor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only on-shift specialists and leads can claim cases.");
        }

        if (current.State is CaseState.Claimed or CaseState.Consulting or CaseState.WaitingOnReporter or CaseState.Reopened)
        {
            return current.Owner?.Id == actor.Person.Id
                ? new Decision.Refused($"You already hold {current.Id}.")
                : new Decision.Refused($"{current.Id} is already claimed by {current.Owner?.Name}.");
        }

        if (Wrong(CaseAction.Claim, current, now, policy) is { } refused)
        {
            return refused;
        }

        // The first claim is the first response; a claim after a release keeps the original time.
        var claimed = current with { State = CaseState.Claimed, Owner = actor.Person, ClaimedAt = current.ClaimedAt ?? now, KeptAcross = null };
        return Accept(claimed, actor, "claimed", current.State, now);
    }

    public static Decision Release(Case current, Actor actor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can release cases.");
        }

        if ((Wrong(CaseAction.Release, current, now, policy) ?? NotOwner(current, actor, "release")) is { } refused)
        {
            return refused;
        }

        var released = current.Resumed(now, (policy ?? CasePolicy.Default).CalendarFor(current))
            with { State = CaseState.New, Owner = null, Consult = null, KeptAcross = null };
        return Accept(released, actor, "released to the queue", current.State, now);
    }

    /// <summary>The owner or a lead hands the case to another specialist or lead; it keeps its state.</summary>
    public static Decision Reassign(Case current, Actor actor, Actor assignee, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can reassign cases.");
        }

        if ((Wrong(CaseAction.Reassign, current, now, policy) ?? NotOwner(current, actor, "reassign")) is { } refused)
        {
            return refused;
        }

        if (!assignee.IsStaff)
        {
            return new Decision.Refused($"{assignee.Person.Name} is not a specialist or lead, so cannot take {current.Id}.");
        }

        if (current.Owner?.Id == assignee.Person.Id)
        {
            return new Decision.Refused($"{assignee.Person.Name} already holds {current.Id}.");
        }

        return Accept(current with { Owner = assignee.Person, KeptAcross = null }, actor, $"reassigned to {assignee.Person.Name}", current.State, now);
    }

    public static Decision Resolve(Case current, Actor actor, Outcome? outcome, string? summary, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only on-shift specialists and leads can resolve cases.");
        }

        if (current.State == CaseState.New)
        {
            return new Decision.Refused($"{current.Id} is not claimed yet: claim it first.");
        }

        if (current.State == CaseState.Resolved)
        {
            return new Decision.Refused($"{current.Id} is already resolved.");
        }

        if ((Wrong(CaseAction.Resolve, current, now, policy) ?? NotOwner(current, actor, "resolve")) is { } refused)
        {
            return refused;
        }

        if (outcome is null)
        {
            return new Decision.Refused("Choose an outcome: actioned, no violation, needs policy decision or other.");
        }

        if (Text(summary, "a summary for the reporter", MaxSummaryLength, out var text) is { } bad)
        {
            return bad;
        }

        var resolved = current.Resumed(now, (policy ?? CasePolicy.Default).CalendarFor(current))
            with { State = CaseState.Resolved, Resolution = new Resolution(outcome.Value, text, now), Consult = null };
        return Accept(resolved, actor, $"resolved: {Labels.Of(outcome.Value)}", current.State, now, text);
    }

    /// <summary>The owner, a lead or the reporter may reopen a resolved case, with a reason, inside the window.</summary>
    public static Decision Reopen(Case current, Actor actor, string? reason, DateTimeOffset now, CasePolicy? policy = null)
    {
        policy ??= CasePolicy.Default;
        var isReporter = current.Reporter.Id == actor.Person.Id;
        if (!isReporter && actor.Role != Role.Lead && current.Owner?.Id != actor.Person.Id)
        {
            return new Decision.Refused($"Only the reporter, the owner or a lead can reopen {current.Id}.");
        }

        if (current.StateAt(now, policy.ReopenWindow) == CaseState.Closed)
        {
            return new Decision.Refused(
                $"{current.Id} is closed: the {Cards.Durations.Format(policy.ReopenWindow)} reopen window has passed. "
                + $"File a new escalation and mention {current.Id}.");
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
        };
        return Accept(reopened, actor, "reopened", current.State, now, text);
    }

    /// <summary>
    /// The owner (or a lead) confirms or corrects the policy area and severity. With the checklist answered, the
    /// suggested severity stands unless overridden with a reason; without it, any change of severity needs a reason.
    /// A change of severity gives the case that severity's targets.
    /// </summary>
    public static Decision Triage(
        Case current, Actor actor, PolicyArea? area, Risk? risks, Severity? chosen, string? reason,
        Func<Severity, SlaTargets> targetsFor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can triage cases.");
        }

        if ((Wrong(CaseAction.Triage, current, now, policy) ?? NotOwner(current, actor, "triage")) is { } refused)
        {
            return refused;
        }

        Severity? suggested = risks is { } r ? Cases.Triage.Suggest(r) : null;
        var severity = chosen ?? suggested ?? current.Report.Severity;
        var why = reason?.Trim() ?? "";
        var needsReason = suggested is { } s ? severity != s : severity != current.Report.Severity;
        if (needsReason && why.Length == 0)
        {
            return new Decision.Refused(suggested is { } sug
                ? $"Say why {severity} rather than the suggested {sug}."
                : $"Say why {current.Id} should be {severity} rather than {current.Report.Severity}.");
        }

        if (why.Length > MaxNoteLength)
        {
            return new Decision.Refused($"The reason is {why.Length} characters long; the limit is {MaxNoteLength}.");
        }

        var report = current.Report with { PolicyArea = area ?? current.Report.PolicyArea, Severity = severity };
        var targets = severity == current.Report.Severity ? current.Targets : targetsFor(severity);
        var summary = new List<string>
        {
            severity == current.Report.Severity ? $"{severity} confirmed" : $"{current.Report.Severity} → {severity}",
        };
        if (suggested is { } shown)
        {
            summary.Add($"suggested {shown} ({Cases.Triage.Describe(risks!.Value)})");
        }

        if (report.PolicyArea != current.Report.PolicyArea)
        {
            summary.Add($"policy area {Labels.Of(current.Report.PolicyArea)} → {Labels.Of(report.PolicyArea)}");
        }

        if (why.Length > 0)
        {
            summary.Add(why);
        }

        // New targets are a new round of reminders: a lowered severity's breach must still be heard.
        var round = targets == current.Targets ? current.TargetsRound : current.TargetsRound + 1;
        return Accept(
            current with { Report = report, Targets = targets, TargetsRound = round }, actor, "triaged", current.State, now, string.Join("; ", summary));
    }

    /// <summary>The owner (or a lead) asks the reporter for more; the resolution clock stops until they answer.</summary>
    public static Decision AskReporter(Case current, Actor actor, string? question, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can ask the reporter.");
        }

        if ((Wrong(CaseAction.AskReporter, current, now, policy) ?? NotOwner(current, actor, "ask about")) is { } refused)
        {
            return refused;
        }

        if (Text(question, "the question", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        return Accept(current with { State = CaseState.WaitingOnReporter, PausedSince = now }, actor, "asked the reporter", current.State, now, text);
    }

    /// <summary>
    /// The reporter adds information to their own open case. If the case was waiting on them, this is the answer:
    /// the case goes back to its owner and the resolution clock runs again.
    /// </summary>
    public static Decision Update(Case current, Actor actor, string? update, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (current.Reporter.Id != actor.Person.Id)
        {
            return new Decision.Refused($"Only the person who reported {current.Id} can add to it this way.");
        }

        if (Wrong(CaseAction.Update, current, now, policy) is { } refused)
        {
            return refused;
        }

        if (Text(update, "what you want to add", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        return current.State == CaseState.WaitingOnReporter
            ? Accept(
                current.Resumed(now, (policy ?? CasePolicy.Default).CalendarFor(current)) with { State = CaseState.Claimed },
                actor, "reporter answered", current.State, now, text)
            : Accept(current, actor, "update from the reporter", current.State, now, text);
    }

    /// <summary>The owner (or a lead) asks another team; the case shows who is consulted, by whom, since when.</summary>
    public static Decision AskTeam(Case current, Actor actor, string? team, string? question, DateTimeOffset now, CasePolicy? policy = null)
    {
        var teams = (policy ?? CasePolicy.Default).Teams;
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can consult other teams.");
        }

        if ((Wrong(CaseAction.Consult, current, now, policy) ?? NotOwner(current, actor, "consult on")) is { } refused)
        {
            return refused;
        }

        var known = teams.FirstOrDefault(t => string.Equals(t, team?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            return new Decision.Refused($"Choose a team to consult: {string.Join(", ", teams)}.");
        }

        if (Text(question, "the question", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        var consulting = current with { State = CaseState.Consulting, Consult = new Consult(known, text, actor.Person, now) };
        return Accept(consulting, actor, $"consulting {known}", current.State, now, text);
    }

    /// <summary>The consulted team's answer, recorded by any specialist or lead; the case goes back to its owner.</summary>
    public static Decision RecordAnswer(Case current, Actor actor, string? answer, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can record a consult's answer.");
        }

        if (Wrong(CaseAction.RecordAnswer, current, now, policy) is { } refused)
        {
            return refused;
        }

        if (Text(answer, "the answer", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        var team = current.Consult?.Team ?? "the team";
        return Accept(current with { State = CaseState.Claimed, Consult = null }, actor, $"answer from {team}", current.State, now, text);
    }

    /// <summary>The answer for a case id that names no case: also what a refused add gets, so that it reveals nothing.</summary>
    public static string NoSuchCase(string caseId) => $"There is no case {caseId}.";

    /// <summary>
    /// Another report of the same content, added to an open case instead of filing a new one. The case id comes from
    /// card data: only a partner manager whose report names a link or the account of that open case (as the duplicate
    /// check matches them) may add to it. Anything else gets the answer an unknown id gets, so that a forged id
    /// learns nothing about the case: not whether it exists, nor its state.
    /// </summary>
    public static Decision AddReport(Case current, Actor actor, CaseReport report, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (actor.IsStaff || Wrong(CaseAction.AddReport, current, now, policy) is not null || !DuplicateCheck.Overlaps(report, current))
        {
            return new Decision.Refused(NoSuchCase(current.Id));
        }

        var text = string.Join("\n", new[] { $"{report.Partner}: {report.Description}", report.Account }.Concat(report.ContentUrls).Where(t => t.Length > 0));
        var updated = current with
        {
            Report = current.Report with { ContentUrls = current.Report.ContentUrls.Union(report.ContentUrls).Take(IntakeValidator.MaxUrls * 2).ToList() },
            MarkedSensitive = current.MarkedSensitive || Sensitivity.IsGraphic(report.PolicyArea),
        };
        return Accept(updated, actor, "report added", current.State, now, text.Length > MaxNoteLength ? text[..MaxNoteLength] : text);
    }

    /// <summary>A note on the timeline: changes no state, but is kept like every change.</summary>
    public static Decision Note(Case current, Actor actor, string? note, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can add notes.");
        }

        if (Wrong(CaseAction.Note, current, now, policy) is { } refused)
        {
            return refused;
        }

        if (Text(note, "the note", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        return Accept(current, actor, "note", current.State, now, text);
    }

    /// <summary>A note for the next shift: any specialist or lead, on an open case. It also goes on the timeline.</summary>
    public static Decision LeaveHandoverNote(Case current, Actor actor, string? note, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can leave handover notes.");
        }

        if (!current.IsOpen)
        {
            var state = Labels.Of(current.StateAt(now, (policy ?? CasePolicy.Default).ReopenWindow)).ToLowerInvariant();
            return new Decision.Refused($"{current.Id} is {state}: there is nothing to hand over.");
        }

        if (Text(note, "the handover note", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        return Accept(current with { HandoverNote = new HandoverNote(text, actor.Person, now) }, actor, "handover note", current.State, now, text);
    }

    /// <summary>
    /// The owner (or a lead) keeps the case across the shift boundary at <paramref name="boundary"/>: the release of
    /// cases nobody chose for passes it by. Any later change of owner clears the choice.
    /// </summary>
    public static Decision KeepOverHandover(Case current, Actor actor, DateTimeOffset boundary, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads decide at a handover.");
        }

        if (!IsAllowedIn(CaseAction.Release, current.StateAt(now, (policy ?? CasePolicy.Default).ReopenWindow)))
        {
            return new Decision.Refused($"Can't keep it over the handover: {PossibleNow(current, now, policy ?? CasePolicy.Default)}");
        }

        if (NotOwner(current, actor, "keep") is { } refused)
        {
            return refused;
        }

        if (current.KeptAcross == boundary)
        {
            return new Decision.Refused($"{current.Id} is already kept by {current.Owner?.Name} over this handover.");
        }

        return Accept(current with { KeptAcross = boundary }, actor, "kept over the handover", current.State, now,
            $"{current.Owner?.Name} keeps it across the shift change.");
    }

    /// <summary>
    /// At a handover, a case its outgoing owner made no choice for goes back to the queue, with a note on its
    /// timeline. Checked against the stored case: a case kept, handed on or worked on after the boundary stays.
    /// </summary>
    public static Decision ReleaseAtHandover(Case current, string ownerId, DateTimeOffset boundary, string shiftName, DateTimeOffset now)
    {
        // A case waiting on the reporter or on a consult stays with its owner: releasing it would drop the consult and
        // restart a clock that stands still, as the idle release also leaves them.
        if (current.State is not (CaseState.Claimed or CaseState.Reopened) || current.Owner?.Id != ownerId)
        {
            return new Decision.Refused($"{current.Id} is no longer held by the outgoing owner, or waits on someone.");
        }

        if (current.KeptAcross == boundary || current.LastActivityAt > boundary)
        {
            return new Decision.Refused($"{current.Id} was kept over the handover, or worked on after it.");
        }

        return Accept(
            current with { State = CaseState.New, Owner = null, KeptAcross = null },
            new Actor(SystemActor, Role.Lead),
            "released at the handover",
            current.State,
            now,
            $"{current.Owner.Name} made no choice for it before the {shiftName} shift ended; back in the queue.");
    }

    /// <summary>Hide a case's details from now on: the reporter of the case or any specialist or lead.</summary>
    public static Decision MarkSensitive(Case current, Actor actor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff && current.Reporter.Id != actor.Person.Id)
        {
            return new Decision.Refused($"Only the reporter, specialists and leads can mark {current.Id} sensitive.");
        }

        if (current.IsSensitive)
        {
            return new Decision.Refused($"{current.Id} is already treated as sensitive: its details stay hidden until someone reveals them.");
        }

        return Wrong(CaseAction.MarkSensitive, current, now, policy)
            ?? (Decision)Accept(current with { MarkedSensitive = true }, actor, "marked sensitive", current.State, now);
    }

    /// <summary>A specialist chooses to see a sensitive case's details. Changes nothing but the audit trail.</summary>
    public static Decision Reveal(Case current, Actor actor, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused("Only specialists and leads can reveal a case's details.");
        }

        return Wrong(CaseAction.Reveal, current, now, policy)
            ?? (Decision)Accept(current, actor, "revealed details", current.State, now);
    }

    /// <summary>Who may read a case: staff, and the person who reported it.</summary>
    public static bool CanView(Case current, Actor actor) => actor.IsStaff || current.Reporter.Id == actor.Person.Id;

    private static Decision.Refused? Wrong(CaseAction action, Case current, DateTimeOffset now, CasePolicy? policy)
    {
        policy ??= CasePolicy.Default;
        return IsAllowedIn(action, current.StateAt(now, policy.ReopenWindow))
            ? null
            : new Decision.Refused($"Can't {action.ToString().ToLowerInvariant()}: {PossibleNow(current, now, policy)}");
    }

    private static Decision.Refused? NotOwner(Case current, Actor actor, string verb) =>
        current.Owner?.Id == actor.Person.Id || actor.Role == Role.Lead
            ? null
            : new Decision.Refused($"{current.Id} is held by {current.Owner?.Name}; only they or a lead can {verb} it.");

    private static Decision.Refused? Text(string? input, string what, int max, out string text)
    {
        text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new Decision.Refused($"Write {what}.");
        }

        return text.Length > max
            ? new Decision.Refused($"{char.ToUpperInvariant(what[0])}{what[1..]} is {text.Length} characters long; the limit is {max}.")
            : null;
    }

    /// <summary>
    /// The case nobody has touched for the idle-release time goes back to the queue, with a note on its timeline.
    /// Checked against the stored case, so a note added a moment earlier keeps it with its owner.
    /// </summary>
    public static Decision ReleaseIdle(Case current, DateTimeOffset now, CasePolicy? policy = null)
    {
        policy ??= CasePolicy.Default;
        if (policy.IdleRelease <= TimeSpan.Zero || current.State is not (CaseState.Claimed or CaseState.Reopened) || current.Owner is null)
        {
            return new Decision.Refused($"{current.Id} is not held by anyone idle.");
        }

        var calendar = policy.CalendarFor(current);
        var quietSince = current.LastActivityAt ?? current.ClaimedAt ?? current.FiledAt;
        if (calendar.Add(quietSince, policy.IdleRelease) > now)
        {
            return new Decision.Refused($"{current.Id} has had activity since.");
        }

        return Accept(
            current with { State = CaseState.New, Owner = null, Consult = null, KeptAcross = null },
            new Actor(SystemActor, Role.Lead),
            "released: no activity",
            current.State,
            now,
            $"No activity from {current.Owner.Name} for {Cards.Durations.Format(policy.IdleRelease)}; back in the queue.");
    }

    /// <summary>The bot itself, for changes made by its jobs.</summary>
    public static readonly Person SystemActor = new("escalationbot", "EscalationBot");

    private static Decision.Accepted Accept(Case updated, Actor actor, string action, CaseState from, DateTimeOffset now, string? text = null) =>
        // Only staff activity counts against an idle owner: a reporter posting updates is no sign the case is worked.
        new(actor.IsStaff ? updated with { LastActivityAt = now } : updated,
            new AuditEntry(updated.Number, now, actor.Person, action, from, updated.State, text));
}
