using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

public sealed class CaseRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly Actor Reporter = new(new Person("pm", "Pat"), Role.Reporter);
    private static readonly Actor Sam = new(new Person("sam", "Sam"), Role.Specialist);
    private static readonly Actor Sky = new(new Person("sky", "Sky"), Role.Specialist);
    private static readonly Actor Lee = new(new Person("lee", "Lee"), Role.Lead);

    internal static Case NewCase(Severity severity = Severity.Sev1) => new(
        7, CaseState.New,
        new CaseReport(Platform.Facebook, "News", "@page", ["https://facebook.com/1"], PolicyArea.HateSpeech, severity, null, "Threats"),
        Reporter.Person, "{}", T0, new SlaTargets(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4)));

    private static Case Claimed(Actor by) => ((Decision.Accepted)CaseRules.Claim(NewCase(), by, T0.AddMinutes(3))).Case;

    [Fact]
    public void A_specialist_claims_a_new_case_and_the_audit_says_so()
    {
        var accepted = Assert.IsType<Decision.Accepted>(CaseRules.Claim(NewCase(), Sam, T0.AddMinutes(3)));
        Assert.Equal(CaseState.Claimed, accepted.Case.State);
        Assert.Equal(Sam.Person, accepted.Case.Owner);
        Assert.Equal(T0.AddMinutes(3), accepted.Case.ClaimedAt);
        Assert.Equal(new AuditEntry(7, T0.AddMinutes(3), Sam.Person, "claimed", CaseState.New, CaseState.Claimed), accepted.Audit);
    }

    [Fact]
    public void A_lead_may_claim_too() => Assert.IsType<Decision.Accepted>(CaseRules.Claim(NewCase(), Lee, T0));

    [Fact]
    public void Claim_is_refused_to_a_reporter() =>
        Assert.Equal("Only on-shift specialists and leads can claim cases.", Refusal(CaseRules.Claim(NewCase(), Reporter, T0)));

    [Fact]
    public void Claim_is_refused_when_the_case_is_already_claimed()
    {
        Assert.Equal("ESC-7 is already claimed by Sam.", Refusal(CaseRules.Claim(Claimed(Sam), Sky, T0)));
        Assert.Equal("You already hold ESC-7.", Refusal(CaseRules.Claim(Claimed(Sam), Sam, T0)));
    }

    [Fact]
    public void The_owner_resolves_with_an_outcome_and_a_summary()
    {
        var accepted = Assert.IsType<Decision.Accepted>(CaseRules.Resolve(Claimed(Sam), Sam, Outcome.NoViolation, "  Satire.  ", T0.AddHours(1)));
        Assert.Equal(CaseState.Resolved, accepted.Case.State);
        Assert.Equal(new Resolution(Outcome.NoViolation, "Satire.", T0.AddHours(1)), accepted.Case.Resolution);
        Assert.Equal("resolved: No violation", accepted.Audit.Action);
        Assert.False(accepted.Case.IsOpen);
    }

    [Fact]
    public void A_lead_may_resolve_a_case_someone_else_holds() =>
        Assert.IsType<Decision.Accepted>(CaseRules.Resolve(Claimed(Sam), Lee, Outcome.Actioned, "Done", T0));

    [Theory]
    [InlineData(null, "Done", "Choose an outcome")]
    [InlineData(Outcome.Actioned, "", "Write a summary for the reporter.")]
    [InlineData(Outcome.Actioned, "   ", "Write a summary for the reporter.")]
    public void Resolve_needs_an_outcome_and_a_summary(Outcome? outcome, string summary, string expected) =>
        Assert.StartsWith(expected, Refusal(CaseRules.Resolve(Claimed(Sam), Sam, outcome, summary, T0)));

    [Fact]
    public void Resolve_refuses_an_oversized_summary() =>
        Assert.Contains("the limit is 2000", Refusal(CaseRules.Resolve(Claimed(Sam), Sam, Outcome.Other, new string('x', 2001), T0)));

    [Fact]
    public void Resolve_is_refused_to_another_specialist_to_a_reporter_before_a_claim_and_after_resolution()
    {
        Assert.Contains("held by Sam", Refusal(CaseRules.Resolve(Claimed(Sam), Sky, Outcome.Actioned, "x", T0)));
        Assert.StartsWith("Only on-shift", Refusal(CaseRules.Resolve(Claimed(Sam), Reporter, Outcome.Actioned, "x", T0)));
        Assert.Equal("ESC-7 is not claimed yet: claim it first.", Refusal(CaseRules.Resolve(NewCase(), Sam, Outcome.Actioned, "x", T0)));
        var resolved = ((Decision.Accepted)CaseRules.Resolve(Claimed(Sam), Sam, Outcome.Actioned, "x", T0)).Case;
        Assert.Equal("ESC-7 is already resolved.", Refusal(CaseRules.Resolve(resolved, Sam, Outcome.Actioned, "x", T0)));
        Assert.Equal("Can't claim: ESC-7 is resolved: it can be: reopen, note.", Refusal(CaseRules.Claim(resolved, Sky, T0)));
    }

    [Fact]
    public void Staff_and_the_reporter_may_view_a_case_and_nobody_else()
    {
        Assert.True(CaseRules.CanView(NewCase(), Reporter));
        Assert.True(CaseRules.CanView(NewCase(), Sky));
        Assert.False(CaseRules.CanView(NewCase(), new Actor(new Person("other", "O"), Role.Reporter)));
    }

    private static string Refusal(Decision decision) => Assert.IsType<Decision.Refused>(decision).Reason;

    [Fact]
    public void The_owner_or_a_lead_keeps_a_case_over_a_handover_and_nobody_else_can()
    {
        var boundary = T0.AddHours(8);
        var held = Claimed(Sam);

        Assert.Equal("Only specialists and leads decide at a handover.", Assert.IsType<Decision.Refused>(CaseRules.KeepOverHandover(held, Reporter, boundary, T0.AddHours(7))).Reason);
        Assert.Equal($"{held.Id} is held by Sam; only they or a lead can keep it.", Assert.IsType<Decision.Refused>(CaseRules.KeepOverHandover(held, Sky, boundary, T0.AddHours(7))).Reason);
        Assert.StartsWith("Can't keep it over the handover: ESC-7 is new", Assert.IsType<Decision.Refused>(CaseRules.KeepOverHandover(NewCase(), Sam, boundary, T0.AddHours(7))).Reason);

        var kept = Assert.IsType<Decision.Accepted>(CaseRules.KeepOverHandover(held, Lee, boundary, T0.AddHours(7)));
        Assert.Equal(boundary, kept.Case.KeptAcross);
        Assert.Equal(("kept over the handover", CaseState.Claimed), (kept.Audit.Action, kept.Audit.To));
        Assert.IsType<Decision.Refused>(CaseRules.KeepOverHandover(kept.Case, Sam, boundary, T0.AddHours(7)));
    }

    [Fact]
    public void At_a_handover_only_a_case_its_outgoing_owner_left_unchosen_and_untouched_goes_back_to_the_queue()
    {
        var boundary = T0.AddHours(8);
        var held = Claimed(Sam);

        var released = Assert.IsType<Decision.Accepted>(CaseRules.ReleaseAtHandover(held, "sam", boundary, "Day", boundary.AddMinutes(15)));
        Assert.Equal((CaseState.New, null), (released.Case.State, released.Case.Owner));
        Assert.Equal(("released at the handover", CaseRules.SystemActor), (released.Audit.Action, released.Audit.Actor));
        Assert.Equal("Sam made no choice for it before the Day shift ended; back in the queue.", released.Audit.Text);

        // Waiting on the reporter or on a consult, the case stays: its clock stands still, its consult stays open.
        var waiting = ((Decision.Accepted)CaseRules.AskReporter(held, Sam, "Which account?", T0.AddHours(1))).Case;
        var consulting = ((Decision.Accepted)CaseRules.AskTeam(held, Sam, "Legal", "Defamatory?", T0.AddHours(1))).Case;
        Assert.IsType<Decision.Refused>(CaseRules.ReleaseAtHandover(waiting, "sam", boundary, "Day", boundary.AddMinutes(15)));
        Assert.IsType<Decision.Refused>(CaseRules.ReleaseAtHandover(consulting, "sam", boundary, "Day", boundary.AddMinutes(15)));

        var kept = ((Decision.Accepted)CaseRules.KeepOverHandover(held, Sam, boundary, T0.AddHours(7))).Case;
        var workedAfter = ((Decision.Accepted)CaseRules.Note(held, Sam, "still on it", boundary.AddMinutes(5))).Case;
        var handedOn = ((Decision.Accepted)CaseRules.Reassign(held, Sam, Sky, T0.AddHours(7))).Case;

        // A keep is the keeper's: handed to someone else, the case is theirs to keep or not.
        var keptThenHanded = ((Decision.Accepted)CaseRules.Reassign(kept, Sam, Sky, T0.AddHours(7))).Case;
        Assert.Null(keptThenHanded.KeptAcross);
        Assert.IsType<Decision.Accepted>(CaseRules.ReleaseAtHandover(keptThenHanded, "sky", boundary, "Day", boundary.AddMinutes(15)));
        Assert.IsType<Decision.Refused>(CaseRules.ReleaseAtHandover(kept, "sam", boundary, "Day", boundary.AddMinutes(15)));
        Assert.IsType<Decision.Refused>(CaseRules.ReleaseAtHandover(workedAfter, "sam", boundary, "Day", boundary.AddMinutes(15)));
        Assert.IsType<Decision.Refused>(CaseRules.ReleaseAtHandover(handedOn, "sam", boundary, "Day", boundary.AddMinutes(15)));
        Assert.IsType<Decision.Refused>(CaseRules.ReleaseAtHandover(NewCase(), "sam", boundary, "Day", boundary.AddMinutes(15)));

        // A keep for an earlier boundary does not carry over to the next one.
        Assert.IsType<Decision.Accepted>(CaseRules.ReleaseAtHandover(kept, "sam", boundary.AddHours(8), "Evening", boundary.AddHours(8).AddMinutes(15)));
    }

    [Fact]
    public void A_partner_manager_adds_a_report_only_to_an_open_case_it_shares_a_link_or_the_account_with()
    {
        var pia = new Actor(new Person("pia", "Pia"), Role.Reporter);
        CaseReport Report(string url, string account) =>
            new(Platform.Facebook, "Other NGO", account, [url], PolicyArea.HateSpeech, Severity.Sev2, null, "Seen again");

        // The same link however pasted, or the same account: added.
        var sameLink = Assert.IsType<Decision.Accepted>(CaseRules.AddReport(NewCase(), pia, Report("http://m.facebook.com/1/?utm_source=x", "@other"), T0));
        Assert.Equal("report added", sameLink.Audit.Action);
        Assert.IsType<Decision.Accepted>(CaseRules.AddReport(NewCase(), pia, Report("https://facebook.com/unrelated", "PAGE"), T0));

        // Anything else gets the answer an unknown case id gets: no overlap, a closed case, staff.
        var unrelated = Report("https://facebook.com/unrelated", "@other");
        Assert.Equal("There is no case ESC-7.", Refusal(CaseRules.AddReport(NewCase(), pia, unrelated, T0)));
        var resolved = NewCase() with { State = CaseState.Resolved, Resolution = new Resolution(Outcome.Actioned, "Done", T0) };
        Assert.Equal("There is no case ESC-7.", Refusal(CaseRules.AddReport(resolved, pia, Report("https://facebook.com/1", "@page"), T0.AddHours(1))));
        Assert.Equal("There is no case ESC-7.", Refusal(CaseRules.AddReport(NewCase(), Sam, Report("https://facebook.com/1", "@page"), T0)));
        Assert.Equal(CaseRules.NoSuchCase("ESC-7"), Refusal(CaseRules.AddReport(NewCase(), pia, unrelated, T0)));
    }
}
