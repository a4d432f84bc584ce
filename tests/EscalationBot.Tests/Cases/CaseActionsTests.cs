using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

public sealed class CaseActionsTests
{
    [Theory]
    [InlineData(CaseAction.Reopen)]
    [InlineData(CaseAction.MarkSensitive)]
    [InlineData(CaseAction.Update)]
    [InlineData(CaseAction.AddReport)]
    public void A_reporter_may_ask_for_what_concerns_their_own_report(CaseAction action) =>
        Assert.True(CaseActions.AllowedTo(Role.Reporter, action));

    [Theory]
    [InlineData(CaseAction.Claim)]
    [InlineData(CaseAction.Resolve)]
    [InlineData(CaseAction.Note)]
    [InlineData(CaseAction.Reveal)]
    [InlineData(CaseAction.HandoverNote)]
    public void A_reporter_may_not_work_a_case(CaseAction action) =>
        Assert.False(CaseActions.AllowedTo(Role.Reporter, action));

    [Theory]
    [InlineData(CaseAction.Update)]
    [InlineData(CaseAction.AddReport)]
    public void The_team_adds_notes_rather_than_reporter_updates(CaseAction action)
    {
        Assert.False(CaseActions.AllowedTo(Role.Specialist, action));
        Assert.False(CaseActions.AllowedTo(Role.Lead, action));
    }
}
