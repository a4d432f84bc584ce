namespace EscalationBot.Cases;

/// <summary>Triage: confirming or correcting a case's severity and policy area, with the checklist.</summary>
public static partial class CaseRules
{
    /// <summary>
    /// The owner (or a lead) confirms or corrects the policy area and severity. With the checklist answered, an empty
    /// choice takes its suggestion. Lowering the severity always needs a reason, whatever the checklist suggests, and
    /// so does choosing a severity below the suggestion; raising or keeping it otherwise needs none. A change of
    /// severity gives the case that severity's targets. The answers are kept for the next triage.
    /// </summary>
    public static Decision Triage(
        Case current,
        Actor actor,
        PolicyArea? area,
        Risk? risks,
        Severity? chosen,
        string? reason,
        Func<Severity, SlaTargets> targetsFor,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can triage cases.");
        }

        if ((Wrong(CaseAction.Triage, current, now, policy) ?? NotOwner(current, actor, "triage")) is { } refused)
        {
            return refused;
        }

        Severity? suggested = risks is { } r ? Cases.Triage.Suggest(r) : null;
        var severity = chosen ?? suggested ?? current.Report.Severity;
        var why = reason?.Trim() ?? "";
        if (why.Length == 0 && ReasonNeeded(current, severity, suggested) is { } missing)
        {
            return missing;
        }

        if (why.Length > MaxNoteLength)
        {
            return new Decision.Refused(
                Refusal.TextTooLong,
                $"The reason is {why.Length} characters long; the limit is {MaxNoteLength}."
            );
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
            current with
            {
                Report = report,
                Targets = targets,
                TargetsRound = round,
                LastTriage = new(
                    risks ?? current.LastTriage?.Risks,
                    current.Report.Severity,
                    severity,
                    actor.Person,
                    now
                ),
            },
            actor,
            AuditAction.Triaged,
            current.State,
            now,
            string.Join("; ", summary)
        );
    }

    /// <summary>A higher number is a lower severity: lowering one, or choosing below the suggestion, needs a reason.</summary>
    private static Decision.Refused? ReasonNeeded(Case current, Severity severity, Severity? suggested)
    {
        var from = current.Report.Severity;
        if (severity > from)
        {
            return new Decision.Refused(
                Refusal.LoweringReasonMissing,
                $"Lowering {current.Id} from {from} to {severity} needs a reason, whatever the checklist suggests: say why."
            );
        }

        return suggested is { } s && severity > s
            ? new Decision.Refused(Refusal.ReasonMissing, $"Say why {severity} rather than the suggested {s}.")
            : null;
    }
}
