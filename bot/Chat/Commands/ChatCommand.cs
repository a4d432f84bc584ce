namespace EscalationBot.Chat.Commands;

/// <summary>What someone asked for, from a typed message, an Action.Submit or an Action.Execute alike.</summary>
public abstract record ChatCommand
{
    public sealed record Help(string? Preface = null) : ChatCommand;

    public sealed record OpenIntake(string? Description) : ChatCommand;

    public sealed record SubmitIntake(IReadOnlyDictionary<string, string> Values, bool FileAnyway = false)
        : ChatCommand;

    /// <summary>The intake form, added to an open case that names the same content instead of filing a new one.</summary>
    public sealed record AddToCase(string CaseRef, IReadOnlyDictionary<string, string> Values) : ChatCommand;

    /// <summary><see cref="Anyway"/>: "Claim anyway", pressed when asked at the limit of sensitive cases (as sent).</summary>
    public sealed record Claim(string CaseRef, bool Anyway = false) : ChatCommand;

    /// <summary>"Leave it", pressed when asked at the limit of sensitive cases: nothing changes.</summary>
    public sealed record LeaveCase(string CaseRef) : ChatCommand;

    public sealed record Resolve(string CaseRef, string? Outcome, string? Summary) : ChatCommand;

    public sealed record Status(string CaseRef) : ChatCommand;

    public sealed record Release(string CaseRef) : ChatCommand;

    public sealed record Note(string CaseRef, string? Text) : ChatCommand;

    public sealed record Reopen(string CaseRef, string? Reason) : ChatCommand;

    public sealed record History(string CaseRef) : ChatCommand;

    public sealed record Reveal(string CaseRef) : ChatCommand;

    /// <summary>From a card: <see cref="Team"/> and <see cref="Question"/>. Typed: <see cref="Typed"/> is "team question".</summary>
    public sealed record Consult(string CaseRef, string? Team, string? Question, string? Typed = null) : ChatCommand;

    public sealed record RecordAnswer(string CaseRef, string? Answer) : ChatCommand;

    public sealed record AskReporter(string CaseRef, string? Question) : ChatCommand;

    public sealed record Update(string CaseRef, string? Text) : ChatCommand;

    /// <summary>Area and severity as sent (names); <see cref="Risks"/> is null when no checklist was answered (typed).</summary>
    public sealed record Triage(string CaseRef, string? Area, string? Severity, Cases.Risk? Risks, string? Reason)
        : ChatCommand;

    /// <summary>From a card: the assignee's id. Typed: their name as typed.</summary>
    public sealed record Reassign(string CaseRef, string? AssigneeId, string? TypedName = null) : ChatCommand;

    public sealed record MarkSensitive(string CaseRef) : ChatCommand;

    /// <summary>Open cases, oldest first; <see cref="Mine"/> keeps only the asker's, <see cref="Filters"/> as typed.</summary>
    public sealed record ShowQueue(string? Filters = null, bool Mine = false) : ChatCommand;

    public sealed record Setup(string Binding) : ChatCommand;

    /// <summary>The handover digest, now, where asked (leads).</summary>
    public sealed record HandoverNow : ChatCommand;

    public sealed record HandoverNoteFor(string CaseRef, string? Text) : ChatCommand;

    /// <summary>"I've got it" on a digest: which shift (its index) and which run (its start, unix seconds), as sent.</summary>
    public sealed record AcknowledgeHandover(string? Shift, string? Start) : ChatCommand;

    /// <summary>
    /// Keep, hand to or release one of the outgoing shift's cases at a handover. <see cref="Boundary"/> (unix seconds,
    /// as sent) is null when typed: the handover in progress. <see cref="Card"/>, <see cref="Shift"/> and
    /// <see cref="Start"/> say which card the button was on, to redraw it.
    /// </summary>
    public sealed record HandoverChoice(
        string CaseRef,
        string? Choice,
        string? Boundary,
        string? AssigneeId = null,
        string? Card = null,
        string? Shift = null,
        string? Start = null
    ) : ChatCommand;

    /// <summary>
    /// <c>shift start</c>, <c>shift end</c> and <c>who</c>: the live roster. <see cref="StartShift.OnWho"/>: pressed
    /// on the <c>who</c> card (as its data says), which is then redrawn.
    /// </summary>
    public sealed record StartShift(bool OnWho = false) : ChatCommand;

    public sealed record EndShift(bool OnWho = false) : ChatCommand;

    public sealed record Who : ChatCommand;

    /// <summary>"wellbeing": the asker's own exposure to sensitive cases this shift, in their 1:1 chat.</summary>
    public sealed record ShowWellbeing : ChatCommand;

    /// <summary>"break [minutes]", or a break nudge's button: <see cref="Minutes"/> null for the configured length.</summary>
    public sealed record TakeBreak(int? Minutes) : ChatCommand;

    public sealed record EndBreak : ChatCommand;

    /// <summary>A break nudge's "Not now".</summary>
    public sealed record NotNow : ChatCommand;

    /// <summary>"stats [period] [filters]": <see cref="Text"/> is both, as typed.</summary>
    public sealed record ShowStats(string? Text) : ChatCommand;

    /// <summary>"export [period] [filters] [with details]": <see cref="Text"/> is all of it, as typed.</summary>
    public sealed record Export(string? Text) : ChatCommand;

    /// <summary>"report week": the weekly report of the week that ended, here and now.</summary>
    public sealed record WeeklyReport : ChatCommand;

    /// <summary>The narrative report of one case (.docx at a signed link, with a preview card).</summary>
    public sealed record ReportCase(string CaseRef) : ChatCommand;

    /// <summary>A button whose data could not be read: forged, stale or from an unknown card.</summary>
    public sealed record Unreadable(string Why) : ChatCommand;
}
