using EscalationBot.Cases;
using static EscalationBot.Tests.Cases.CasesByState;

namespace EscalationBot.Tests.Cases;

/// <summary>Consults, questions to the reporter and notes (CaseRules.Conversations).</summary>
public sealed class CaseRulesConversationsTests
{
    [Fact]
    public void A_consult_names_a_configured_team_and_leaving_it_clears_the_consult()
    {
        var consulting = Assert.IsType<Decision.Accepted>(
            CaseRules.AskTeam(In(CaseState.Claimed), Sam, "content policy", "Allowed?", T0, Policy)
        );
        Assert.Equal(new Consult("Content Policy", "Allowed?", Sam.Person, T0), consulting.Case.Consult);
        Assert.Equal(
            (AuditAction.Consulting, "Content Policy"),
            (consulting.Audit.Action, consulting.Audit.Detail?.Team)
        );
        Assert.Equal(
            Refusal.UnknownTeam,
            Code(CaseRules.AskTeam(In(CaseState.Claimed), Sam, "Marketing", "x", T0, Policy))
        );
        Assert.StartsWith(
            "Choose a team to consult: Content Policy, Partnerships, Legal",
            Message(CaseRules.AskTeam(In(CaseState.Claimed), Sam, "Marketing", "x", T0, Policy))
        );
        Assert.Equal(Refusal.NotOwner, Code(CaseRules.AskTeam(In(CaseState.Claimed), Sky, "Legal", "x", T0, Policy)));
        Assert.Equal(
            Refusal.WrongState,
            Code(CaseRules.AskTeam(In(CaseState.Consulting), Sam, "Legal", "x", T0, Policy))
        );
        Assert.Contains(
            "ESC-7 is consulting: it can be: triage, release, reassign, resolve, note, record the consult's answer.",
            Message(CaseRules.AskTeam(In(CaseState.Consulting), Sam, "Legal", "x", T0, Policy))
        );

        var answered = Assert.IsType<Decision.Accepted>(
            CaseRules.RecordAnswer(In(CaseState.Consulting), Sky, "Not defamatory.", T0, Policy)
        );
        Assert.Null(answered.Case.Consult);
        Assert.Equal(Sam.Person, answered.Case.Owner);
        Assert.Equal((AuditAction.ConsultAnswered, "Legal"), (answered.Audit.Action, answered.Audit.Detail?.Team));
        Assert.Null(
            Assert.IsType<Decision.Accepted>(CaseRules.Release(In(CaseState.Consulting), Sam, T0, Policy)).Case.Consult
        );
        Assert.Null(
            Assert
                .IsType<Decision.Accepted>(
                    CaseRules.Resolve(In(CaseState.Consulting), Sam, Outcome.Other, "x", T0, Policy)
                )
                .Case.Consult
        );
        var custom = new CasePolicy(Policy.ReopenWindow, ["Trust Partnerships"]);
        Assert.IsType<Decision.Accepted>(
            CaseRules.AskTeam(In(CaseState.Claimed), Sam, "trust partnerships", "x", T0, custom)
        );
    }

    [Fact]
    public void Waiting_on_the_reporter_pauses_the_resolution_clock_until_they_answer()
    {
        var claimed = In(CaseState.Claimed);
        var due = claimed.ResolutionDue(SlaCalendar.AllHours);
        var waiting = Assert
            .IsType<Decision.Accepted>(
                CaseRules.AskReporter(claimed, Sam, "Which account first?", T0.AddHours(1), Policy)
            )
            .Case;
        Assert.Equal(T0.AddHours(1), waiting.PausedSince);
        Assert.Equal(due + TimeSpan.FromMinutes(30), waiting.ResolutionDueAt(T0.AddHours(1.5), SlaCalendar.AllHours));

        var answered = Assert.IsType<Decision.Accepted>(
            CaseRules.Update(waiting, Reporter, "@first", T0.AddHours(3), Policy)
        );
        Assert.Equal(CaseState.Claimed, answered.Case.State);
        Assert.Equal(AuditAction.ReporterAnswered, answered.Audit.Action);
        Assert.Null(answered.Case.PausedSince);
        Assert.Equal(TimeSpan.FromHours(2), answered.Case.PausedFor);
        Assert.Equal(due + TimeSpan.FromHours(2), answered.Case.ResolutionDue(SlaCalendar.AllHours));

        var resolvedWhileWaiting = Assert
            .IsType<Decision.Accepted>(CaseRules.Resolve(waiting, Sam, Outcome.Other, "x", T0.AddHours(2), Policy))
            .Case;
        Assert.Equal(TimeSpan.FromHours(1), resolvedWhileWaiting.PausedFor);
        Assert.Equal(Refusal.NotReporter, Code(CaseRules.Update(waiting, Sam, "x", T0, Policy)));
        Assert.Equal(Refusal.NotOwner, Code(CaseRules.AskReporter(claimed, Sky, "x", T0, Policy)));
    }

    [Fact]
    public void Notes_are_for_staff_and_need_text()
    {
        Assert.Equal(Refusal.NotStaff, Code(CaseRules.Note(In(CaseState.New), Reporter, "x", T0, Policy)));
        Assert.Equal(Refusal.TextMissing, Code(CaseRules.Note(In(CaseState.New), Sam, "", T0, Policy)));
        Assert.Equal(
            Refusal.TextTooLong,
            Code(CaseRules.Note(In(CaseState.New), Sam, new string('x', 2001), T0, Policy))
        );
    }
}
