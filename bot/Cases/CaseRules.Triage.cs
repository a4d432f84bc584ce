namespace EscalationBot.Cases;

/// <summary>Triage: confirming or correcting a case's severity and policy area, with the checklist.</summary>
public static partial class CaseRules
{
    /// <summary>
    /// The owner (or a lead) confirms or corrects the policy area and severity. With the checklist answered, the
    /// suggested severity stands unless overridden with a reason; without it, any change of severity needs a reason.
    /// A change of severity gives the case that severity's targets.
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
        var needsReason = suggested is { } s ? severity != s : severity != current.Report.Severity;
        if (needsReason && why.Length == 0)
        {
            return new Decision.Refused(
                Refusal.ReasonMissing,
                suggested is { } sug
                    ? $"Say why {severity} rather than the suggested {sug}."
                    : $"Say why {current.Id} should be {severity} rather than {current.Report.Severity}."
            );
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
            },
            actor,
            AuditAction.Triaged,
            current.State,
            now,
            string.Join("; ", summary)
        );
    }
}
