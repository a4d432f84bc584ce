namespace EscalationBot.Cases;

/// <summary>Questions and answers around a case: the reporter, other teams, added reports, notes.</summary>
public static partial class CaseRules
{
    /// <summary>The owner (or a lead) asks the reporter for more; the resolution clock stops until they answer.</summary>
    public static Decision AskReporter(
        Case current,
        Actor actor,
        string? question,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can ask the reporter.");
        }

        if (
            (Wrong(CaseAction.AskReporter, current, now, policy) ?? NotOwner(current, actor, "ask about")) is
            { } refused
        )
        {
            return refused;
        }

        if (Text(question, "the question", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        var waiting = current with { State = CaseState.WaitingOnReporter, PausedSince = now };
        return Accept(waiting, actor, AuditAction.AskedReporter, current.State, now, text);
    }

    /// <summary>
    /// The reporter adds information to their own open case. If the case was waiting on them, this is the answer:
    /// the case goes back to its owner and the resolution clock runs again.
    /// </summary>
    public static Decision Update(
        Case current,
        Actor actor,
        string? update,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (current.Reporter.Id != actor.Person.Id)
        {
            return new Decision.Refused(
                Refusal.NotReporter,
                $"Only the person who reported {current.Id} can add to it this way."
            );
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
                current.Resumed(now, (policy ?? CasePolicy.Default).CalendarFor(current)) with
                {
                    State = CaseState.Claimed,
                },
                actor,
                AuditAction.ReporterAnswered,
                current.State,
                now,
                text
            )
            : Accept(current, actor, AuditAction.ReporterUpdate, current.State, now, text);
    }

    /// <summary>The owner (or a lead) asks another team; the case shows who is consulted, by whom, since when.</summary>
    public static Decision AskTeam(
        Case current,
        Actor actor,
        string? team,
        string? question,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        var teams = (policy ?? CasePolicy.Default).Teams;
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can consult other teams.");
        }

        if ((Wrong(CaseAction.Consult, current, now, policy) ?? NotOwner(current, actor, "consult on")) is { } refused)
        {
            return refused;
        }

        var known = teams.FirstOrDefault(t => string.Equals(t, team?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            return new Decision.Refused(Refusal.UnknownTeam, $"Choose a team to consult: {string.Join(", ", teams)}.");
        }

        if (Text(question, "the question", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        var consulting = current with
        {
            State = CaseState.Consulting,
            Consult = new Consult(known, text, actor.Person, now),
            ConsultCount = current.ConsultCount + 1,
        };
        return Accept(
            consulting,
            actor,
            AuditAction.Consulting,
            current.State,
            now,
            text,
            new AuditDetail { Team = known }
        );
    }

    /// <summary>The consulted team's answer, recorded by any specialist or lead; the case goes back to its owner.</summary>
    public static Decision RecordAnswer(
        Case current,
        Actor actor,
        string? answer,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can record a consult's answer.");
        }

        if (Wrong(CaseAction.RecordAnswer, current, now, policy) is { } refused)
        {
            return refused;
        }

        if (Text(answer, "the answer", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        var answered = current with { State = CaseState.Claimed, Consult = null };
        return Accept(
            answered,
            actor,
            AuditAction.ConsultAnswered,
            current.State,
            now,
            text,
            new AuditDetail { Team = current.Consult?.Team }
        );
    }

    /// <summary>
    /// Another report of the same content, added to an open case instead of filing a new one. The case id comes from
    /// card data: only a partner manager whose report names a link or the account of that open case (as the duplicate
    /// check matches them) may add to it. Anything else gets the answer an unknown id gets, so that a forged id
    /// learns nothing about the case: not whether it exists, nor its state.
    /// </summary>
    public static Decision AddReport(
        Case current,
        Actor actor,
        CaseReport report,
        DateTimeOffset now,
        CasePolicy? policy = null
    )
    {
        if (
            actor.IsStaff
            || Wrong(CaseAction.AddReport, current, now, policy) is not null
            || !DuplicateCheck.Overlaps(report, current)
        )
        {
            return new Decision.Refused(Refusal.NoSuchCase, NoSuchCase(current.Id));
        }

        var text = string.Join(
            "\n",
            new[] { $"{report.Partner}: {report.Description}", report.Account }
                .Concat(report.ContentUrls)
                .Where(t => t.Length > 0)
        );
        var updated = current with
        {
            Report = current.Report with
            {
                ContentUrls = current
                    .Report.ContentUrls.Union(report.ContentUrls)
                    .Take(IntakeValidator.MaxUrls * 2)
                    .ToList(),
            },
            MarkedSensitive = current.MarkedSensitive || Sensitivity.IsGraphic(report.PolicyArea),
        };
        return Accept(
            updated,
            actor,
            AuditAction.ReportAdded,
            current.State,
            now,
            text.Length > MaxNoteLength ? text[..MaxNoteLength] : text
        );
    }

    /// <summary>A note on the timeline: changes no state, but is kept like every change.</summary>
    public static Decision Note(Case current, Actor actor, string? note, DateTimeOffset now, CasePolicy? policy = null)
    {
        if (!actor.IsStaff)
        {
            return new Decision.Refused(Refusal.NotStaff, "Only specialists and leads can add notes.");
        }

        if (Wrong(CaseAction.Note, current, now, policy) is { } refused)
        {
            return refused;
        }

        if (Text(note, "the note", MaxNoteLength, out var text) is { } bad)
        {
            return bad;
        }

        return Accept(current, actor, AuditAction.Note, current.State, now, text);
    }
}
