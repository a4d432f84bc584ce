using EscalationBot.Cases;
using static EscalationBot.Tests.Cases.CasesByState;

namespace EscalationBot.Tests.Cases;

/// <summary>Who may have a case's report, and where (CaseRules.Reports).</summary>
public sealed class CaseRulesReportsTests
{
    private static Case Sensitive(CaseState state) => In(state) with { MarkedSensitive = true };

    [Theory]
    [InlineData(CaseState.Claimed)]
    [InlineData(CaseState.Resolved)]
    [InlineData(CaseState.Closed)]
    public void The_owner_and_a_lead_may_have_the_report_in_any_conversation(CaseState state)
    {
        Assert.Null(CaseRules.ReportRefused(In(state), Sam, personal: false));
        Assert.Null(CaseRules.ReportRefused(In(state), Lee, personal: false));
        Assert.Null(CaseRules.ReportRefused(In(state), Sam, personal: true));
    }

    [Fact]
    public void A_lead_may_have_an_unclaimed_cases_report_and_a_specialist_may_not() =>
        Assert.Equal(
            (null, Refusal.NotOwnerOrLead),
            (
                CaseRules.ReportRefused(In(CaseState.New), Lee, personal: true)?.Code,
                CaseRules.ReportRefused(In(CaseState.New), Sam, personal: true)?.Code
            )
        );

    [Fact]
    public void Another_specialist_is_refused_and_told_who_holds_it()
    {
        var refused = CaseRules.ReportRefused(In(CaseState.Claimed), Sky, personal: true);
        Assert.Equal(Refusal.NotOwnerOrLead, refused?.Code);
        Assert.Equal("ESC-7 is held by Sam: only its owner or a lead can have its report.", refused?.Reason);
    }

    [Fact]
    public void A_partner_manager_is_refused_even_for_their_own_case_before_the_case_is_read()
    {
        Assert.Equal(Refusal.NotStaff, CaseRules.ReportRefused(Reporter)?.Code);
        Assert.Equal(Refusal.NotStaff, CaseRules.ReportRefused(In(CaseState.Claimed), Reporter, personal: true)?.Code);
        // A partner manager who still holds a case from when they were on the team is not staff any more.
        var former = new Actor(Sam.Person, Role.Reporter);
        Assert.Equal(Refusal.NotStaff, CaseRules.ReportRefused(In(CaseState.Claimed), former, personal: true)?.Code);
    }

    [Fact]
    public void A_sensitive_cases_report_goes_only_to_a_personal_chat()
    {
        Assert.Equal(
            Refusal.NotPersonalChat,
            CaseRules.ReportRefused(Sensitive(CaseState.Claimed), Sam, personal: false)?.Code
        );
        Assert.Equal(
            Refusal.NotPersonalChat,
            CaseRules.ReportRefused(Sensitive(CaseState.Claimed), Lee, personal: false)?.Code
        );
        Assert.Null(CaseRules.ReportRefused(Sensitive(CaseState.Claimed), Sam, personal: true));
        // Graphic policy areas are sensitive without a mark.
        var graphic = In(CaseState.Claimed) with
        {
            Report = In(CaseState.Claimed).Report with { PolicyArea = PolicyArea.ChildSafety },
        };
        Assert.Equal(Refusal.NotPersonalChat, CaseRules.ReportRefused(graphic, Sam, personal: false)?.Code);
        Assert.Equal(
            "ESC-7 is sensitive: its report goes only to a 1:1 chat. Type 'report ESC-7' in your 1:1 chat with me.",
            CaseRules.ReportRefused(graphic, Sam, personal: false)?.Reason
        );
    }
}
