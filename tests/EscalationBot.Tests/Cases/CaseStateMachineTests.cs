using EscalationBot.Cases;
using EscalationBot.Sla;

namespace EscalationBot.Tests.Cases;

/// <summary>Every action in every state: what is legal, what is refused, and that a refusal says what is possible.</summary>
public sealed class CaseStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly CasePolicy Policy = new(TimeSpan.FromDays(7));
    private static readonly Actor Reporter = new(new Person("pm", "Pat"), Role.Reporter);
    private static readonly Actor Sam = new(new Person("sam", "Sam"), Role.Specialist);
    private static readonly Actor Sky = new(new Person("sky", "Sky"), Role.Specialist);
    private static readonly Actor Lee = new(new Person("lee", "Lee"), Role.Lead);

    /// <summary>A case in each state, owned by Sam where it has an owner; "now" is an hour after filing.</summary>
    private static Case In(CaseState state)
    {
        var c = CaseRulesTests.NewCase();
        return state switch
        {
            CaseState.New => c,
            CaseState.Claimed => c with { State = CaseState.Claimed, Owner = Sam.Person, ClaimedAt = T0 },
            CaseState.Reopened => c with { State = CaseState.Reopened, Owner = Sam.Person, ClaimedAt = T0 },
            CaseState.WaitingOnReporter => c with
            {
                State = CaseState.WaitingOnReporter,
                Owner = Sam.Person,
                ClaimedAt = T0,
                PausedSince = T0,
            },
            CaseState.Consulting => c with
            {
                State = CaseState.Consulting,
                Owner = Sam.Person,
                ClaimedAt = T0,
                Consult = new("Legal", "Defamatory?", Sam.Person, T0),
            },
            CaseState.Resolved => c with
            {
                State = CaseState.Resolved,
                Owner = Sam.Person,
                ClaimedAt = T0,
                Resolution = new(Outcome.Actioned, "done", T0.AddMinutes(30)),
            },
            _ => c with
            {
                State = CaseState.Resolved,
                Owner = Sam.Person,
                ClaimedAt = T0,
                Resolution = new(Outcome.Actioned, "done", T0.AddDays(-30)),
            },
        };
    }

    private static Decision Act(CaseAction action, Case c, Actor actor) =>
        action switch
        {
            CaseAction.Claim => CaseRules.Claim(c, actor, T0.AddHours(1), Policy),
            CaseAction.Release => CaseRules.Release(c, actor, T0.AddHours(1), Policy),
            CaseAction.Resolve => CaseRules.Resolve(c, actor, Outcome.Other, "summary", T0.AddHours(1), Policy),
            CaseAction.Reopen => CaseRules.Reopen(c, actor, "reason", T0.AddHours(1), Policy),
            CaseAction.Consult => CaseRules.AskTeam(c, actor, "legal", "Is this defamatory?", T0.AddHours(1), Policy),
            CaseAction.RecordAnswer => CaseRules.RecordAnswer(c, actor, "Not defamatory.", T0.AddHours(1), Policy),
            CaseAction.AskReporter => CaseRules.AskReporter(c, actor, "Which account first?", T0.AddHours(1), Policy),
            CaseAction.Update => CaseRules.Update(c, actor, "It was reposted.", T0.AddHours(1), Policy),
            _ => CaseRules.Note(c, actor, "a note", T0.AddHours(1), Policy),
        };

    public static TheoryData<CaseState, CaseAction, CaseState?> Transitions =>
        new()
        {
            // state, action by the owner (Sam) or, for Claim, another specialist (Sky) → new state, or null if refused
            { CaseState.New, CaseAction.Claim, CaseState.Claimed },
            { CaseState.New, CaseAction.Release, null },
            { CaseState.New, CaseAction.Resolve, null },
            { CaseState.New, CaseAction.Reopen, null },
            { CaseState.New, CaseAction.Note, CaseState.New },
            { CaseState.New, CaseAction.Consult, null },
            { CaseState.New, CaseAction.AskReporter, null },
            { CaseState.New, CaseAction.Update, CaseState.New },
            { CaseState.Claimed, CaseAction.AskReporter, CaseState.WaitingOnReporter },
            { CaseState.Claimed, CaseAction.Update, CaseState.Claimed },
            { CaseState.Consulting, CaseAction.AskReporter, null },
            { CaseState.Consulting, CaseAction.Update, CaseState.Consulting },
            { CaseState.Reopened, CaseAction.AskReporter, CaseState.WaitingOnReporter },
            { CaseState.Reopened, CaseAction.Update, CaseState.Reopened },
            { CaseState.Resolved, CaseAction.AskReporter, null },
            { CaseState.Resolved, CaseAction.Update, null },
            { CaseState.Closed, CaseAction.AskReporter, null },
            { CaseState.Closed, CaseAction.Update, null },
            { CaseState.WaitingOnReporter, CaseAction.Claim, null },
            { CaseState.WaitingOnReporter, CaseAction.Release, CaseState.New },
            { CaseState.WaitingOnReporter, CaseAction.Resolve, CaseState.Resolved },
            { CaseState.WaitingOnReporter, CaseAction.Reopen, null },
            { CaseState.WaitingOnReporter, CaseAction.Note, CaseState.WaitingOnReporter },
            { CaseState.WaitingOnReporter, CaseAction.Consult, null },
            { CaseState.WaitingOnReporter, CaseAction.RecordAnswer, null },
            { CaseState.WaitingOnReporter, CaseAction.AskReporter, null },
            { CaseState.WaitingOnReporter, CaseAction.Update, CaseState.Claimed },
            { CaseState.New, CaseAction.RecordAnswer, null },
            { CaseState.Claimed, CaseAction.Consult, CaseState.Consulting },
            { CaseState.Claimed, CaseAction.RecordAnswer, null },
            { CaseState.Consulting, CaseAction.Claim, null },
            { CaseState.Consulting, CaseAction.Release, CaseState.New },
            { CaseState.Consulting, CaseAction.Resolve, CaseState.Resolved },
            { CaseState.Consulting, CaseAction.Reopen, null },
            { CaseState.Consulting, CaseAction.Note, CaseState.Consulting },
            { CaseState.Consulting, CaseAction.Consult, null },
            { CaseState.Consulting, CaseAction.RecordAnswer, CaseState.Claimed },
            { CaseState.Reopened, CaseAction.Consult, CaseState.Consulting },
            { CaseState.Reopened, CaseAction.RecordAnswer, null },
            { CaseState.Resolved, CaseAction.Consult, null },
            { CaseState.Resolved, CaseAction.RecordAnswer, null },
            { CaseState.Closed, CaseAction.Consult, null },
            { CaseState.Closed, CaseAction.RecordAnswer, null },
            { CaseState.Claimed, CaseAction.Claim, null },
            { CaseState.Claimed, CaseAction.Release, CaseState.New },
            { CaseState.Claimed, CaseAction.Resolve, CaseState.Resolved },
            { CaseState.Claimed, CaseAction.Reopen, null },
            { CaseState.Claimed, CaseAction.Note, CaseState.Claimed },
            { CaseState.Reopened, CaseAction.Claim, null },
            { CaseState.Reopened, CaseAction.Release, CaseState.New },
            { CaseState.Reopened, CaseAction.Resolve, CaseState.Resolved },
            { CaseState.Reopened, CaseAction.Reopen, null },
            { CaseState.Reopened, CaseAction.Note, CaseState.Reopened },
            { CaseState.Resolved, CaseAction.Claim, null },
            { CaseState.Resolved, CaseAction.Release, null },
            { CaseState.Resolved, CaseAction.Resolve, null },
            { CaseState.Resolved, CaseAction.Reopen, CaseState.Reopened },
            { CaseState.Resolved, CaseAction.Note, CaseState.Resolved },
            { CaseState.Closed, CaseAction.Claim, null },
            { CaseState.Closed, CaseAction.Release, null },
            { CaseState.Closed, CaseAction.Resolve, null },
            { CaseState.Closed, CaseAction.Reopen, null },
            { CaseState.Closed, CaseAction.Note, null },
        };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_action_in_every_state(CaseState state, CaseAction action, CaseState? expected)
    {
        var actor = action switch
        {
            CaseAction.Claim => Sky,
            CaseAction.Update => Reporter,
            _ => Sam,
        };
        var decision = Act(action, In(state), actor);
        if (expected is null)
        {
            var refused = Assert.IsType<Decision.Refused>(decision);
            Assert.Contains("ESC-7", refused.Reason);
            // A case with no owner has nobody but its reporter and the leads to reopen it.
            Refusal[] stateCodes =
            [
                Refusal.WrongState,
                Refusal.NotClaimed,
                Refusal.AlreadyClaimed,
                Refusal.AlreadyResolved,
                Refusal.Closed,
            ];
            Assert.Contains(
                refused.Code,
                state == CaseState.New && action == CaseAction.Reopen ? [Refusal.NotPermitted] : stateCodes
            );
        }
        else
        {
            var accepted = Assert.IsType<Decision.Accepted>(decision);
            Assert.Equal(expected, accepted.Case.State);
            Assert.Equal(
                new AuditEntry(
                    7,
                    T0.AddHours(1),
                    actor.Person,
                    accepted.Audit.Action,
                    state,
                    expected.Value,
                    accepted.Audit.Text,
                    accepted.Audit.Detail
                ),
                accepted.Audit
            );
        }
    }

    [Fact]
    public void A_refusal_says_what_is_possible_now()
    {
        Assert.Equal(Refusal.WrongState, Code(CaseRules.Release(In(CaseState.New), Sam, T0, Policy)));
        Assert.Equal(
            "Can't release: ESC-7 is new: it can be: claim, note.",
            Message(CaseRules.Release(In(CaseState.New), Sam, T0, Policy))
        );
    }

    [Fact]
    public void Release_gives_the_case_back_keeping_the_first_response_time()
    {
        var released = Assert
            .IsType<Decision.Accepted>(CaseRules.Release(In(CaseState.Claimed), Sam, T0.AddHours(1), Policy))
            .Case;
        Assert.Null(released.Owner);
        Assert.True(released.IsOpen);
        var reclaimed = Assert.IsType<Decision.Accepted>(CaseRules.Claim(released, Sky, T0.AddHours(2), Policy)).Case;
        Assert.Equal(Sky.Person, reclaimed.Owner);
        Assert.Equal(T0, reclaimed.ClaimedAt);
    }

    [Fact]
    public void Only_the_owner_or_a_lead_releases()
    {
        Assert.Equal(Refusal.NotOwner, Code(CaseRules.Release(In(CaseState.Claimed), Sky, T0, Policy)));
        Assert.IsType<Decision.Accepted>(CaseRules.Release(In(CaseState.Claimed), Lee, T0, Policy));
        Assert.Equal(Refusal.NotStaff, Code(CaseRules.Release(In(CaseState.Claimed), Reporter, T0, Policy)));
    }

    [Fact]
    public void The_reporter_the_owner_or_a_lead_reopens_with_a_reason_inside_the_window()
    {
        var resolved = In(CaseState.Resolved);
        foreach (var who in new[] { Reporter, Sam, Lee })
        {
            var reopened = Assert.IsType<Decision.Accepted>(
                CaseRules.Reopen(resolved, who, "It is back up", T0.AddDays(6), Policy)
            );
            Assert.Equal(CaseState.Reopened, reopened.Case.State);
            Assert.Null(reopened.Case.Resolution);
            Assert.True(reopened.Case.IsOpen);
            Assert.Equal("It is back up", reopened.Audit.Text);
        }

        Assert.Equal(Refusal.NotPermitted, Code(CaseRules.Reopen(resolved, Sky, "x", T0, Policy)));
        Assert.Equal(Refusal.TextMissing, Code(CaseRules.Reopen(resolved, Reporter, " ", T0, Policy)));
        Assert.Equal(Refusal.Closed, Code(CaseRules.Reopen(resolved, Reporter, "x", T0.AddDays(8), Policy)));
        Assert.Contains(
            "is closed: the 7 d reopen window has passed",
            Message(CaseRules.Reopen(resolved, Reporter, "x", T0.AddDays(8), Policy))
        );
    }

    [Fact]
    public void A_resolved_case_is_closed_once_the_window_passes()
    {
        var resolved = In(CaseState.Resolved);
        Assert.Equal(
            CaseState.Resolved,
            resolved.StateAt(resolved.Resolution!.At + Policy.ReopenWindow, Policy.ReopenWindow)
        );
        Assert.Equal(
            CaseState.Closed,
            resolved.StateAt(
                resolved.Resolution.At + Policy.ReopenWindow + TimeSpan.FromSeconds(1),
                Policy.ReopenWindow
            )
        );
        Assert.Equal(CaseState.Claimed, In(CaseState.Claimed).StateAt(T0.AddYears(1), Policy.ReopenWindow));
    }

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
    public void The_owner_or_a_lead_hands_an_owned_case_to_another_specialist_keeping_its_state()
    {
        foreach (var state in new[] { CaseState.Claimed, CaseState.Consulting, CaseState.Reopened })
        {
            var handed = Assert.IsType<Decision.Accepted>(CaseRules.Reassign(In(state), Sam, Sky, T0, Policy));
            Assert.Equal(Sky.Person, handed.Case.Owner);
            Assert.Equal(state, handed.Case.State);
            Assert.Equal((AuditAction.Reassigned, Sky.Person), (handed.Audit.Action, handed.Audit.Detail?.Assignee));
        }

        Assert.IsType<Decision.Accepted>(CaseRules.Reassign(In(CaseState.Claimed), Lee, Sky, T0, Policy));
        Assert.Equal(Refusal.NotOwner, Code(CaseRules.Reassign(In(CaseState.Claimed), Sky, Lee, T0, Policy)));
        Assert.Equal(
            Refusal.AssigneeNotStaff,
            Code(CaseRules.Reassign(In(CaseState.Claimed), Sam, Reporter, T0, Policy))
        );
        Assert.Equal(Refusal.AlreadyOwner, Code(CaseRules.Reassign(In(CaseState.Claimed), Lee, Sam, T0, Policy)));
        Assert.Equal(Refusal.WrongState, Code(CaseRules.Reassign(In(CaseState.New), Lee, Sky, T0, Policy)));
        Assert.Equal(Refusal.WrongState, Code(CaseRules.Reassign(In(CaseState.Resolved), Sam, Sky, T0, Policy)));
    }

    [Theory]
    [InlineData(Risk.None, Severity.Sev3)]
    [InlineData(Risk.SpreadingFast, Severity.Sev2)]
    [InlineData(Risk.HighRiskAccount, Severity.Sev2)]
    [InlineData(Risk.MediaOrLegalExposure | Risk.SpreadingFast, Severity.Sev1)]
    [InlineData(Risk.MinorInvolved, Severity.Sev1)]
    [InlineData(Risk.ImminentHarm | Risk.HighRiskAccount, Severity.Sev1)]
    public void The_checklist_suggests_a_severity(Risk risks, Severity expected) =>
        Assert.Equal(expected, Triage.Suggest(risks));

    [Fact]
    public void Triage_takes_the_suggestion_or_an_override_with_a_reason_and_a_new_severity_brings_its_targets()
    {
        static SlaTargets Targets(Severity s) => new(TimeSpan.FromMinutes((int)s * 10), TimeSpan.FromHours((int)s));
        var claimed = In(CaseState.Claimed) with
        {
            Report = In(CaseState.Claimed).Report with { Severity = Severity.Sev3 },
        };

        var taken = Assert.IsType<Decision.Accepted>(
            CaseRules.Triage(claimed, Sam, PolicyArea.ChildSafety, Risk.MinorInvolved, null, null, Targets, T0, Policy)
        );
        Assert.Equal(Severity.Sev1, taken.Case.Report.Severity);
        Assert.Equal(PolicyArea.ChildSafety, taken.Case.Report.PolicyArea);
        Assert.Equal(Targets(Severity.Sev1), taken.Case.Targets);
        Assert.True(taken.Case.IsSensitive);
        Assert.Equal(
            "Sev3 → Sev1; suggested Sev1 (minor involved); policy area Hate speech → Child safety",
            taken.Audit.Text
        );

        Assert.Equal(
            Refusal.ReasonMissing,
            Code(CaseRules.Triage(claimed, Sam, null, Risk.MinorInvolved, Severity.Sev2, " ", Targets, T0, Policy))
        );
        Assert.Equal(
            "Say why Sev2 rather than the suggested Sev1.",
            Message(CaseRules.Triage(claimed, Sam, null, Risk.MinorInvolved, Severity.Sev2, " ", Targets, T0, Policy))
        );
        var overridden = Assert.IsType<Decision.Accepted>(
            CaseRules.Triage(
                claimed,
                Sam,
                null,
                Risk.MinorInvolved,
                Severity.Sev2,
                "The account is an adult's; age misread.",
                Targets,
                T0,
                Policy
            )
        );
        Assert.Equal(Severity.Sev2, overridden.Case.Report.Severity);

        var confirmed = Assert.IsType<Decision.Accepted>(
            CaseRules.Triage(claimed, Sam, null, Risk.None, null, null, Targets, T0, Policy)
        );
        Assert.Same(claimed.Targets, confirmed.Case.Targets);
        Assert.StartsWith("Sev3 confirmed", confirmed.Audit.Text);

        Assert.Equal(
            Refusal.ReasonMissing,
            Code(CaseRules.Triage(claimed, Sam, null, null, Severity.Sev1, null, Targets, T0, Policy))
        );
        Assert.Equal(
            Refusal.NotOwner,
            Code(CaseRules.Triage(claimed, Sky, null, Risk.None, null, null, Targets, T0, Policy))
        );
        Assert.Equal(
            Refusal.WrongState,
            Code(CaseRules.Triage(In(CaseState.New), Sam, null, Risk.None, null, null, Targets, T0, Policy))
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

    private static string Message(Decision decision) => Assert.IsType<Decision.Refused>(decision).Reason;

    private static Refusal Code(Decision decision) => Assert.IsType<Decision.Refused>(decision).Code;
}
