using EscalationBot.Cases;
using static EscalationBot.Tests.Cases.CasesByState;

namespace EscalationBot.Tests.Cases;

/// <summary>Every action in every state: what is legal, what is refused, and that a refusal says what is possible.</summary>
public sealed class CaseStateMachineTests
{
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
}
