using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

public sealed class CaseRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly Actor Reporter = new(new Person("pm", "Pat"), Role.Reporter);
    private static readonly Actor Sam = new(new Person("sam", "Sam"), Role.Specialist);
    private static readonly Actor Sky = new(new Person("sky", "Sky"), Role.Specialist);
    private static readonly Actor Lee = new(new Person("lee", "Lee"), Role.Lead);

    internal static Case NewCase(Severity severity = Severity.Sev1) =>
        new(
            7,
            CaseState.New,
            new CaseReport(
                Platform.Facebook,
                "News",
                "@page",
                ["https://facebook.com/1"],
                PolicyArea.HateSpeech,
                severity,
                null,
                "Threats"
            ),
            Reporter.Person,
            "{}",
            T0,
            new SlaTargets(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4))
        );

    private static Case Claimed(Actor by) => ((Decision.Accepted)CaseRules.Claim(NewCase(), by, T0.AddMinutes(3))).Case;

    [Fact]
    public void A_specialist_claims_a_new_case_and_the_audit_says_so()
    {
        var accepted = Assert.IsType<Decision.Accepted>(CaseRules.Claim(NewCase(), Sam, T0.AddMinutes(3)));
        Assert.Equal(CaseState.Claimed, accepted.Case.State);
        Assert.Equal(Sam.Person, accepted.Case.Owner);
        Assert.Equal(T0.AddMinutes(3), accepted.Case.ClaimedAt);
        Assert.Equal(
            new AuditEntry(7, T0.AddMinutes(3), Sam.Person, AuditAction.Claimed, CaseState.New, CaseState.Claimed),
            accepted.Audit
        );
    }

    [Fact]
    public void A_lead_may_claim_too() => Assert.IsType<Decision.Accepted>(CaseRules.Claim(NewCase(), Lee, T0));

    [Fact]
    public void Claim_is_refused_to_a_reporter() =>
        Assert.Equal(Refusal.NotStaff, Code(CaseRules.Claim(NewCase(), Reporter, T0)));

    [Fact]
    public void Claim_is_refused_when_the_case_is_already_claimed()
    {
        Assert.Equal(Refusal.AlreadyClaimed, Code(CaseRules.Claim(Claimed(Sam), Sky, T0)));
        Assert.Equal(Refusal.AlreadyOwner, Code(CaseRules.Claim(Claimed(Sam), Sam, T0)));
    }

    [Fact]
    public void The_owner_resolves_with_an_outcome_and_a_summary()
    {
        var accepted = Assert.IsType<Decision.Accepted>(
            CaseRules.Resolve(Claimed(Sam), Sam, Outcome.NoViolation, "  Satire.  ", T0.AddHours(1))
        );
        Assert.Equal(CaseState.Resolved, accepted.Case.State);
        Assert.Equal(new Resolution(Outcome.NoViolation, "Satire.", T0.AddHours(1)), accepted.Case.Resolution);
        Assert.Equal(
            (AuditAction.Resolved, Outcome.NoViolation),
            (accepted.Audit.Action, accepted.Audit.Detail?.Outcome)
        );
        Assert.False(accepted.Case.IsOpen);
    }

    [Fact]
    public void A_lead_may_resolve_a_case_someone_else_holds() =>
        Assert.IsType<Decision.Accepted>(CaseRules.Resolve(Claimed(Sam), Lee, Outcome.Actioned, "Done", T0));

    [Theory]
    [InlineData(null, "Done", Refusal.OutcomeMissing)]
    [InlineData(Outcome.Actioned, "", Refusal.TextMissing)]
    [InlineData(Outcome.Actioned, "   ", Refusal.TextMissing)]
    public void Resolve_needs_an_outcome_and_a_summary(Outcome? outcome, string summary, Refusal expected) =>
        Assert.Equal(expected, Code(CaseRules.Resolve(Claimed(Sam), Sam, outcome, summary, T0)));

    [Fact]
    public void Resolve_refuses_an_oversized_summary() =>
        Assert.Equal(
            Refusal.TextTooLong,
            Code(CaseRules.Resolve(Claimed(Sam), Sam, Outcome.Other, new string('x', 2001), T0))
        );

    [Fact]
    public void Resolve_is_refused_to_another_specialist_to_a_reporter_before_a_claim_and_after_resolution()
    {
        Assert.Equal(Refusal.NotOwner, Code(CaseRules.Resolve(Claimed(Sam), Sky, Outcome.Actioned, "x", T0)));
        Assert.Equal(Refusal.NotStaff, Code(CaseRules.Resolve(Claimed(Sam), Reporter, Outcome.Actioned, "x", T0)));
        Assert.Equal(Refusal.NotClaimed, Code(CaseRules.Resolve(NewCase(), Sam, Outcome.Actioned, "x", T0)));
        var resolved = ((Decision.Accepted)CaseRules.Resolve(Claimed(Sam), Sam, Outcome.Actioned, "x", T0)).Case;
        Assert.Equal(Refusal.AlreadyResolved, Code(CaseRules.Resolve(resolved, Sam, Outcome.Actioned, "x", T0)));
        Assert.Equal(Refusal.WrongState, Code(CaseRules.Claim(resolved, Sky, T0)));
        Assert.Equal(
            "Can't claim: ESC-7 is resolved: it can be: reopen, note.",
            Message(CaseRules.Claim(resolved, Sky, T0))
        );
    }

    [Fact]
    public void Staff_and_the_reporter_may_view_a_case_and_nobody_else()
    {
        Assert.True(CaseRules.CanView(NewCase(), Reporter));
        Assert.True(CaseRules.CanView(NewCase(), Sky));
        Assert.False(CaseRules.CanView(NewCase(), new Actor(new Person("other", "O"), Role.Reporter)));
    }

    private static string Message(Decision decision) => Assert.IsType<Decision.Refused>(decision).Reason;

    private static Refusal Code(Decision decision) => Assert.IsType<Decision.Refused>(decision).Code;

    [Fact]
    public void The_owner_or_a_lead_keeps_a_case_over_a_handover_and_nobody_else_can()
    {
        var boundary = T0.AddHours(8);
        var held = Claimed(Sam);

        Assert.Equal(Refusal.NotStaff, Code(CaseRules.KeepOverHandover(held, Reporter, boundary, T0.AddHours(7))));
        Assert.Equal(Refusal.NotOwner, Code(CaseRules.KeepOverHandover(held, Sky, boundary, T0.AddHours(7))));
        Assert.Equal(Refusal.WrongState, Code(CaseRules.KeepOverHandover(NewCase(), Sam, boundary, T0.AddHours(7))));

        var kept = Assert.IsType<Decision.Accepted>(CaseRules.KeepOverHandover(held, Lee, boundary, T0.AddHours(7)));
        Assert.Equal(boundary, kept.Case.KeptAcross);
        Assert.Equal((AuditAction.KeptOverHandover, CaseState.Claimed), (kept.Audit.Action, kept.Audit.To));
        Assert.Equal(Refusal.AlreadyKept, Code(CaseRules.KeepOverHandover(kept.Case, Sam, boundary, T0.AddHours(7))));
    }

    [Fact]
    public void At_a_handover_only_a_case_its_outgoing_owner_left_unchosen_and_untouched_goes_back_to_the_queue()
    {
        var boundary = T0.AddHours(8);
        var held = Claimed(Sam);

        var released = Assert.IsType<Decision.Accepted>(
            CaseRules.ReleaseAtHandover(held, "sam", boundary, "Day", boundary.AddMinutes(15))
        );
        Assert.Equal((CaseState.New, null), (released.Case.State, released.Case.Owner));
        Assert.Equal(
            (AuditAction.ReleasedAtHandover, CaseRules.SystemActor),
            (released.Audit.Action, released.Audit.Actor)
        );
        Assert.Equal("Sam made no choice for it before the Day shift ended; back in the queue.", released.Audit.Text);

        // Waiting on the reporter or on a consult, the case stays: its clock stands still, its consult stays open.
        var waiting = ((Decision.Accepted)CaseRules.AskReporter(held, Sam, "Which account?", T0.AddHours(1))).Case;
        var consulting = ((Decision.Accepted)CaseRules.AskTeam(held, Sam, "Legal", "Defamatory?", T0.AddHours(1))).Case;
        Assert.Equal(
            Refusal.NotHeld,
            Code(CaseRules.ReleaseAtHandover(waiting, "sam", boundary, "Day", boundary.AddMinutes(15)))
        );
        Assert.Equal(
            Refusal.NotHeld,
            Code(CaseRules.ReleaseAtHandover(consulting, "sam", boundary, "Day", boundary.AddMinutes(15)))
        );

        var kept = ((Decision.Accepted)CaseRules.KeepOverHandover(held, Sam, boundary, T0.AddHours(7))).Case;
        var workedAfter = ((Decision.Accepted)CaseRules.Note(held, Sam, "still on it", boundary.AddMinutes(5))).Case;
        var handedOn = ((Decision.Accepted)CaseRules.Reassign(held, Sam, Sky, T0.AddHours(7))).Case;

        // A keep is the keeper's: handed to someone else, the case is theirs to keep or not.
        var keptThenHanded = ((Decision.Accepted)CaseRules.Reassign(kept, Sam, Sky, T0.AddHours(7))).Case;
        Assert.Null(keptThenHanded.KeptAcross);
        Assert.IsType<Decision.Accepted>(
            CaseRules.ReleaseAtHandover(keptThenHanded, "sky", boundary, "Day", boundary.AddMinutes(15))
        );
        Assert.Equal(
            Refusal.StillActive,
            Code(CaseRules.ReleaseAtHandover(kept, "sam", boundary, "Day", boundary.AddMinutes(15)))
        );
        Assert.Equal(
            Refusal.StillActive,
            Code(CaseRules.ReleaseAtHandover(workedAfter, "sam", boundary, "Day", boundary.AddMinutes(15)))
        );
        Assert.Equal(
            Refusal.NotHeld,
            Code(CaseRules.ReleaseAtHandover(handedOn, "sam", boundary, "Day", boundary.AddMinutes(15)))
        );
        Assert.Equal(
            Refusal.NotHeld,
            Code(CaseRules.ReleaseAtHandover(NewCase(), "sam", boundary, "Day", boundary.AddMinutes(15)))
        );

        // A keep for an earlier boundary does not carry over to the next one.
        Assert.IsType<Decision.Accepted>(
            CaseRules.ReleaseAtHandover(
                kept,
                "sam",
                boundary.AddHours(8),
                "Evening",
                boundary.AddHours(8).AddMinutes(15)
            )
        );
    }

    [Fact]
    public void A_partner_manager_adds_a_report_only_to_an_open_case_it_shares_a_link_or_the_account_with()
    {
        var pia = new Actor(new Person("pia", "Pia"), Role.Reporter);
        CaseReport Report(string url, string account) =>
            new(
                Platform.Facebook,
                "Other NGO",
                account,
                [url],
                PolicyArea.HateSpeech,
                Severity.Sev2,
                null,
                "Seen again"
            );

        // The same link however pasted, or the same account: added.
        var sameLink = Assert.IsType<Decision.Accepted>(
            CaseRules.AddReport(NewCase(), pia, Report("http://m.facebook.com/1/?utm_source=x", "@other"), T0)
        );
        Assert.Equal(AuditAction.ReportAdded, sameLink.Audit.Action);
        Assert.IsType<Decision.Accepted>(
            CaseRules.AddReport(NewCase(), pia, Report("https://facebook.com/unrelated", "PAGE"), T0)
        );

        // Anything else gets the answer an unknown case id gets: no overlap, a closed case, staff.
        var unrelated = Report("https://facebook.com/unrelated", "@other");
        Assert.Equal(Refusal.NoSuchCase, Code(CaseRules.AddReport(NewCase(), pia, unrelated, T0)));
        var resolved = NewCase() with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "Done", T0),
        };
        Assert.Equal(
            Refusal.NoSuchCase,
            Code(CaseRules.AddReport(resolved, pia, Report("https://facebook.com/1", "@page"), T0.AddHours(1)))
        );
        Assert.Equal(
            Refusal.NoSuchCase,
            Code(CaseRules.AddReport(NewCase(), Sam, Report("https://facebook.com/1", "@page"), T0))
        );
        // Word for word what an unknown id gets: the refusal reveals nothing.
        Assert.Equal(CaseRules.NoSuchCase("ESC-7"), Message(CaseRules.AddReport(NewCase(), pia, unrelated, T0)));
    }
}
