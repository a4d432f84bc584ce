namespace EscalationBot.Cases;

/// <summary>What the rules decided about an attempted change.</summary>
public abstract record Decision
{
    public sealed record Accepted(Case Case, AuditEntry Audit) : Decision;

    /// <summary>Refused, with a <paramref name="Code"/> a program can act on and a sentence for the person who tried.</summary>
    public sealed record Refused(Refusal Code, string Reason) : Decision;
}

/// <summary>Everything a person can do to a case.</summary>
public enum CaseAction
{
    Claim,
    Triage,
    Release,
    Reassign,
    Resolve,
    Reopen,
    Note,
    Consult,
    RecordAnswer,
    AskReporter,
    Update,
    MarkSensitive,
    Reveal,
    AddReport,
    HandoverNote,
}

/// <summary>The case rules' settings.</summary>
public sealed record CasePolicy(TimeSpan ReopenWindow, IReadOnlyList<string>? ConsultTeams = null)
{
    public static readonly IReadOnlyList<string> DefaultTeams =
    [
        "Content Policy",
        "Partnerships",
        "Legal",
        "Operations",
        "Product",
    ];
    public static readonly CasePolicy Default = new(TimeSpan.FromDays(7));

    /// <summary>The team's home zone (<c>Team:TimeZone</c>): the times cards show are in it.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

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
public static partial class CaseRules
{
    public const int MaxSummaryLength = TextLimits.Summary;
    public const int MaxNoteLength = TextLimits.Note;

    /// <summary>The transitions: in which states an action is allowed at all, whoever asks.</summary>
    private static readonly Dictionary<CaseAction, CaseState[]> Allowed = new()
    {
        [CaseAction.Claim] = [CaseState.New],
        [CaseAction.Triage] =
        [
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
        ],
        [CaseAction.Release] =
        [
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
        ],
        [CaseAction.Reassign] =
        [
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
        ],
        [CaseAction.Resolve] =
        [
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
        ],
        [CaseAction.Reopen] = [CaseState.Resolved],
        [CaseAction.Note] =
        [
            CaseState.New,
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
            CaseState.Resolved,
        ],
        [CaseAction.AskReporter] = [CaseState.Claimed, CaseState.Reopened],
        [CaseAction.Update] =
        [
            CaseState.New,
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
        ],
        [CaseAction.Consult] = [CaseState.Claimed, CaseState.Reopened],
        [CaseAction.RecordAnswer] = [CaseState.Consulting],
        [CaseAction.MarkSensitive] =
        [
            CaseState.New,
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
            CaseState.Resolved,
        ],
        [CaseAction.AddReport] =
        [
            CaseState.New,
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
        ],
        [CaseAction.HandoverNote] =
        [
            CaseState.New,
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
        ],
        [CaseAction.Reveal] =
        [
            CaseState.New,
            CaseState.Claimed,
            CaseState.Consulting,
            CaseState.WaitingOnReporter,
            CaseState.Reopened,
            CaseState.Resolved,
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
            .Where(a =>
                a.Key
                    is not (
                        CaseAction.Reveal
                        or CaseAction.MarkSensitive
                        or CaseAction.AddReport
                        or CaseAction.Update
                        or CaseAction.HandoverNote
                    )
                && a.Value.Contains(state)
            )
            .Select(a =>
                a.Key switch
                {
                    CaseAction.RecordAnswer => "record the consult's answer",
                    CaseAction.AskReporter => "ask the reporter",
                    _ => a.Key.ToString().ToLowerInvariant(),
                }
            )
            .ToList();
        var what =
            actions.Count == 0
                ? "nothing more can be done; file a new escalation if needed"
                : "it can be: " + string.Join(", ", actions);
        return $"{current.Id} is {Labels.Of(state).ToLowerInvariant()}: {what}.";
    }

    /// <summary>Who may read a case: staff, and the person who reported it.</summary>
    public static bool CanView(Case current, Actor actor) => actor.IsStaff || current.Reporter.Id == actor.Person.Id;

    /// <summary>The answer for a case id that names no case: also what a refused add gets, so that it reveals nothing.</summary>
    public static string NoSuchCase(string caseId) => $"There is no case {caseId}.";

    /// <summary>The bot itself, for changes made by its jobs.</summary>
    public static readonly Person SystemActor = new("escalationbot", "EscalationBot");

    private static Decision.Refused? Wrong(CaseAction action, Case current, DateTimeOffset now, CasePolicy? policy)
    {
        policy ??= CasePolicy.Default;
        return IsAllowedIn(action, current.StateAt(now, policy.ReopenWindow))
            ? null
            : new Decision.Refused(
                Refusal.WrongState,
                $"Can't {action.ToString().ToLowerInvariant()}: {PossibleNow(current, now, policy)}"
            );
    }

    private static Decision.Refused? NotOwner(Case current, Actor actor, string verb) =>
        current.Owner?.Id == actor.Person.Id || actor.Role == Role.Lead
            ? null
            : new Decision.Refused(
                Refusal.NotOwner,
                $"{current.Id} is held by {current.Owner?.Name}; only they or a lead can {verb} it."
            );

    private static Decision.Refused? Text(string? input, string what, int max, out string text)
    {
        text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new Decision.Refused(Refusal.TextMissing, $"Write {what}.");
        }

        return text.Length > max
            ? new Decision.Refused(
                Refusal.TextTooLong,
                $"{char.ToUpperInvariant(what[0])}{what[1..]} is {text.Length} characters long; the limit is {max}."
            )
            : null;
    }

    private static Decision.Accepted Accept(
        Case updated,
        Actor actor,
        AuditAction action,
        CaseState from,
        DateTimeOffset now,
        string? text = null,
        AuditDetail? detail = null
    ) =>
        // Only staff activity counts against an idle owner: a reporter posting updates is no sign the case is worked.
        new(
            actor.IsStaff ? updated with { LastActivityAt = now } : updated,
            new AuditEntry(updated.Number, now, actor.Person, action, from, updated.State, text, detail)
        );
}
