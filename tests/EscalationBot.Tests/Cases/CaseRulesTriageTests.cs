using EscalationBot.Cases;
using static EscalationBot.Tests.Cases.CasesByState;

namespace EscalationBot.Tests.Cases;

/// <summary>The triage checklist's suggestion and the triage that takes or overrides it (CaseRules.Triage).</summary>
public sealed class CaseRulesTriageTests
{
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

        Assert.Equal(Risk.None, confirmed.Case.LastTriage?.Risks);

        // Raising needs no reason; lowering always does, whatever the checklist suggests.
        var raised = Assert.IsType<Decision.Accepted>(
            CaseRules.Triage(claimed, Sam, null, null, Severity.Sev1, null, Targets, T0, Policy)
        );
        Assert.Equal(new LastTriage(null, Severity.Sev3, Severity.Sev1, Sam.Person, T0), raised.Case.LastTriage);
        var sev1 = raised.Case;
        Assert.Equal(
            Refusal.LoweringReasonMissing,
            Code(CaseRules.Triage(sev1, Sam, null, Risk.None, null, null, Targets, T0, Policy))
        );
        Assert.Equal(
            Refusal.LoweringReasonMissing,
            Code(CaseRules.Triage(sev1, Sam, null, Risk.None, Severity.Sev3, "", Targets, T0, Policy))
        );
        Assert.Equal(
            Refusal.LoweringReasonMissing,
            Code(CaseRules.Triage(claimed, Sam, null, null, Severity.Sev4, null, Targets, T0, Policy))
        );
        Assert.Equal(
            $"Lowering {sev1.Id} from Sev1 to Sev3 needs a reason, whatever the checklist suggests: say why.",
            Message(CaseRules.Triage(sev1, Sam, null, Risk.None, null, null, Targets, T0, Policy))
        );
        var lowered = Assert.IsType<Decision.Accepted>(
            CaseRules.Triage(sev1, Sam, null, Risk.None, null, "Old footage", Targets, T0, Policy)
        );
        Assert.Equal(Severity.Sev3, lowered.Case.Report.Severity);
        Assert.Equal(
            Refusal.NotOwner,
            Code(CaseRules.Triage(claimed, Sky, null, Risk.None, null, null, Targets, T0, Policy))
        );
        Assert.Equal(
            Refusal.WrongState,
            Code(CaseRules.Triage(In(CaseState.New), Sam, null, Risk.None, null, null, Targets, T0, Policy))
        );
    }
}
