using EscalationBot.Cases;
using static EscalationBot.Tests.Cases.CasesByState;

namespace EscalationBot.Tests.Cases;

/// <summary>Releasing, reopening and reassigning a case (CaseRules.Work): who may, and what the case keeps.</summary>
public sealed class CaseRulesWorkTests
{
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
}
