using System.Globalization;
using EscalationBot.Cards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;
using EscalationBot.Chat;

namespace EscalationBot.Insight;

/// <summary>How a case did against one target: met, missed, or still running (not yet due).</summary>
public enum TargetResult
{
    Met,
    Missed,
    Running,
}

/// <summary>
/// One target of a case: how long it allowed, when it fell due, when it was done (null: not yet) and how much counted
/// time that took (waiting on the reporter excluded).
/// </summary>
public sealed record TargetTiming(TimeSpan Target, DateTimeOffset Due, DateTimeOffset? DoneAt, TimeSpan? Took)
{
    public TargetResult Result(DateTimeOffset now) =>
        DoneAt is { } done ? (done <= Due ? TargetResult.Met : TargetResult.Missed)
        : now > Due ? TargetResult.Missed
        : TargetResult.Running;
}

/// <summary>A line the report quotes from the case's history; <see cref="Internal"/>: a staff note.</summary>
public sealed record ReportLine(DateTimeOffset At, string Who, string What, string? Text, bool Internal = false);

/// <summary>
/// Everything a case's narrative report says, worked out once from the case and its history (the document and its
/// preview card both read it). Pure: no storage, no clock of its own.
/// </summary>
public sealed record CaseReportFacts(Case Case, DateTimeOffset Now, TeamClock Clock)
{
    public const string Summary = "Summary";
    public const string Assessment = "Assessment";
    public const string Investigation = "Investigation";
    public const string Decision = "Decision";
    public const string Timing = "Timing against the targets";
    public const string Appendix = "Appendix: timeline";

    public string StateLabel { get; init; } = "";
    public IReadOnlyList<ReportLine> Triages { get; init; } = [];
    public IReadOnlyList<ReportLine> Notes { get; init; } = [];
    public IReadOnlyList<ReportLine> Consults { get; init; } = [];
    public IReadOnlyList<ReportLine> Questions { get; init; } = [];
    public int Reopenings { get; init; }
    public int ConsultsAsked { get; init; }
    public int QuestionsAsked { get; init; }

    /// <summary>Who resolved it last, from its history.</summary>
    public string? ResolvedBy { get; init; }
    public TargetTiming FirstResponse { get; init; } = null!;
    public TargetTiming Resolution { get; init; } = null!;

    /// <summary>Counted time the resolution clock stood still, waiting on the reporter (a running wait too).</summary>
    public TimeSpan Paused { get; init; }
    public bool BusinessHoursOnly { get; init; }

    /// <summary>The whole history, as 'history' words it; staff notes marked internal.</summary>
    public IReadOnlyList<ReportLine> Timeline { get; init; } = [];

    /// <summary>Staff notes: on the case's own timeline, never for a partner manager.</summary>
    public static bool IsInternal(AuditAction action) => action is AuditAction.Note or AuditAction.HandoverNote;

    public static CaseReportFacts Of(Case c, IReadOnlyList<AuditEntry> history, CasePolicy policy, DateTimeOffset now)
    {
        var calendar = policy.CalendarFor(c);
        var claimed = c.ClaimedAt;
        var resolved = c.Resolution?.At;
        var running = c.PausedSince is { } since ? calendar.Between(since, now) : TimeSpan.Zero;
        var lines = history.Select(a => (Entry: a, Line: Line(a))).ToList();
        List<ReportLine> Of(params AuditAction[] actions) =>
            lines.Where(l => actions.Contains(l.Entry.Action)).Select(l => l.Line).ToList();

        return new CaseReportFacts(c, now, new TeamClock(policy.Zone))
        {
            StateLabel = Labels.Of(c.StateAt(now, policy.ReopenWindow)),
            Triages = Of(AuditAction.Triaged),
            Notes = Of(AuditAction.Note, AuditAction.HandoverNote),
            Consults = Of(AuditAction.Consulting, AuditAction.ConsultAnswered),
            Questions = Of(
                AuditAction.AskedReporter,
                AuditAction.ReporterAnswered,
                AuditAction.ReporterUpdate,
                AuditAction.ReportAdded
            ),
            Reopenings = history.Count(a => a.Action == AuditAction.Reopened),
            ConsultsAsked = history.Count(a => a.Action == AuditAction.Consulting),
            QuestionsAsked = history.Count(a => a.Action == AuditAction.AskedReporter),
            ResolvedBy = history.LastOrDefault(a => a.Action == AuditAction.Resolved)?.Actor.Name,
            FirstResponse = new TargetTiming(
                c.Targets.FirstResponse,
                c.FirstResponseDue(calendar),
                claimed,
                claimed is { } at ? calendar.Between(c.FiledAt, at) : null
            ),
            // Resolving ends any wait first, so a resolved case's PausedFor is final.
            Resolution = new TargetTiming(
                c.Targets.Resolution,
                resolved is null ? c.ResolutionDueAt(now, calendar) : c.ResolutionDue(calendar),
                resolved,
                resolved is { } done ? calendar.Between(c.ResolutionClockFrom ?? c.FiledAt, done) - c.PausedFor : null
            ),
            Paused = c.PausedFor + running,
            BusinessHoursOnly = c.Targets.BusinessHours,
            Timeline = lines.Select(l => l.Line).ToList(),
        };
    }

    private static ReportLine Line(AuditEntry a)
    {
        var entry = CaseViews.Entry(a);
        return new ReportLine(entry.At, entry.Who, entry.What, entry.Text, IsInternal(a.Action));
    }

    /// <summary>"Sev1 critical · Hate speech · Example News · Resolved": labels only, as on a case card.</summary>
    public string TitleLine =>
        $"{Labels.Of(Case.Report.Severity)} · {Labels.Of(Case.Report.PolicyArea)} · {Case.Report.Partner} · "
        + StateLabel;

    /// <summary>"Tue 1 Dec 2026 07:00 (Singapore, UTC+8)": a document is read long after; it names the year.</summary>
    public string Moment(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Clock.Zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)
        + $" ({Clock.ZoneName(at)})";

    /// <summary>"Met: 4 min, target 15 min"; "Missed: not done, was due by …"; "Running: due by …".</summary>
    public string Describe(TargetTiming timing) =>
        (timing.Result(Now), timing.Took) switch
        {
            (var result, { } took) => $"{result}: {Durations.Format(took)}, target {Durations.Format(timing.Target)}",
            (TargetResult.Missed, null) => $"Missed: not done, was due by {Moment(timing.Due)}",
            _ => $"Not yet due: due by {Moment(timing.Due)}",
        };

    /// <summary>One line for each section, for the preview card: labels and counts, nothing anyone wrote.</summary>
    public IReadOnlyList<(string Heading, string Line)> Outline() =>
        [
            (
                Summary,
                $"{Labels.Of(Case.Report.Platform)}, {Case.Report.Partner}; reported by {Case.Reporter.Name} on "
                    + Moment(Case.FiledAt)
            ),
            (
                Assessment,
                $"{Labels.Of(Case.Report.Severity)}, {Labels.Of(Case.Report.PolicyArea)}; "
                    + Count(Triages.Count, "triage", "triages")
            ),
            (
                Investigation,
                $"{Count(Notes.Count, "internal note", "internal notes")}, "
                    + $"{Count(ConsultsAsked, "consult", "consults")}, "
                    + Count(QuestionsAsked, "question", "questions")
                    + " to the reporter"
            ),
            (
                Decision,
                Case.Resolution is { } r
                    ? $"{Labels.Of(r.Outcome)}, {Moment(r.At)}"
                    : $"Not decided: {StateLabel.ToLowerInvariant()}"
            ),
            (Timing, $"First response {Short(FirstResponse)}; resolution {Short(Resolution)}"),
            (Appendix, Count(Timeline.Count, "entry", "entries")),
        ];

    private string Short(TargetTiming timing) =>
        timing.Result(Now) switch
        {
            TargetResult.Met => "met",
            TargetResult.Missed => "missed",
            _ => "not yet due",
        };

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
