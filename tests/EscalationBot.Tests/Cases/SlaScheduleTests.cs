using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Sla;
using Microsoft.Extensions.Time.Testing;

namespace EscalationBot.Tests.Cases;

/// <summary>
/// The reminders a case has, driven by a fake clock through the real case rules: thresholds, the pause while
/// waiting on the reporter, a fresh round on reopening, idle owners, and business-hours severities.
/// </summary>
public sealed class SlaScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero); // Tuesday 09:00 in Singapore
    private static readonly Actor Reporter = new(new Person("pm", "Pat"), Role.Reporter);
    private static readonly Actor Sam = new(new Person("sam", "Sam"), Role.Specialist);
    private static readonly CasePolicy Policy = new(TimeSpan.FromDays(7))
    {
        IdleNudge = TimeSpan.FromHours(1),
        IdleRelease = TimeSpan.FromHours(2),
    };

    private readonly FakeTimeProvider clock = new(T0);

    private Case Apply(Decision decision) => Assert.IsType<Decision.Accepted>(decision).Case;

    private static Reminder Find(Case c, Chase chase, int step) =>
        SlaSchedule.Of(c, Policy).Single(r => r.Chase == chase && r.Step == step);

    [Fact]
    public void A_new_case_is_chased_at_half_four_fifths_and_all_of_each_target()
    {
        var c = CaseRulesTests.NewCase(); // Sev1: 15 min to claim, 4 h to resolve, filed at T0
        var reminders = SlaSchedule.Of(c, Policy);
        Assert.Equal(
            [
                (Chase.FirstResponse, 50, T0.AddMinutes(7.5)),
                (Chase.FirstResponse, 80, T0.AddMinutes(12)),
                (Chase.FirstResponse, 100, T0.AddMinutes(15)),
                (Chase.Resolution, 50, T0.AddHours(2)),
                (Chase.Resolution, 80, T0.AddHours(3.2)),
                (Chase.Resolution, 100, T0.AddHours(4)),
            ],
            reminders.Select(r => (r.Chase, r.Step, r.DueAt))
        );
        Assert.True(reminders.Single(r => r.Step == 100 && r.Chase == Chase.FirstResponse).IsBreach);
        Assert.Equal("0000000007|FirstResponse|50|0", reminders[0].Key);
    }

    [Fact]
    public void A_claim_ends_the_first_response_chase_and_starts_watching_the_owner()
    {
        clock.Advance(TimeSpan.FromMinutes(5));
        var claimed = Apply(CaseRules.Claim(CaseRulesTests.NewCase(), Sam, clock.GetUtcNow(), Policy));
        var reminders = SlaSchedule.Of(claimed, Policy);
        Assert.DoesNotContain(reminders, r => r.Chase == Chase.FirstResponse);
        Assert.Equal(T0.AddMinutes(65), Find(claimed, Chase.Idle, 1).DueAt);
        Assert.Equal(T0.AddMinutes(125), Find(claimed, Chase.Idle, 2).DueAt);

        // Any activity restarts the quiet spell, with a new round so the next nudge is a new reminder.
        clock.Advance(TimeSpan.FromMinutes(50));
        var noted = Apply(CaseRules.Note(claimed, Sam, "Called the partner", clock.GetUtcNow(), Policy));
        Assert.Equal(T0.AddMinutes(115), Find(noted, Chase.Idle, 1).DueAt);
        Assert.NotEqual(Find(claimed, Chase.Idle, 1).Key, Find(noted, Chase.Idle, 1).Key);

        // A released case has had its first response: the queue is chased on the resolution target only.
        var released = Apply(CaseRules.Release(noted, Sam, clock.GetUtcNow(), Policy));
        Assert.Equal([Chase.Resolution], SlaSchedule.Of(released, Policy).Select(r => r.Chase).Distinct());
    }

    [Fact]
    public void Waiting_on_the_reporter_pauses_the_resolution_reminders_and_the_answer_moves_them_on()
    {
        var claimed = Apply(CaseRules.Claim(CaseRulesTests.NewCase(), Sam, clock.GetUtcNow(), Policy));
        clock.Advance(TimeSpan.FromHours(1));
        var waiting = Apply(CaseRules.AskReporter(claimed, Sam, "Which account first?", clock.GetUtcNow(), Policy));
        Assert.Empty(SlaSchedule.Of(waiting, Policy)); // no resolution reminders, and waiting is not idle

        clock.Advance(TimeSpan.FromMinutes(90));
        var answered = Apply(CaseRules.Update(waiting, Reporter, "@first", clock.GetUtcNow(), Policy));
        Assert.Equal(TimeSpan.FromMinutes(90), answered.PausedFor);
        Assert.Equal(T0.AddHours(3.5), Find(answered, Chase.Resolution, 50).DueAt);
        Assert.Equal(T0.AddHours(5.5), Find(answered, Chase.Resolution, 100).DueAt);
        // The same threshold keeps its key: a reminder sent before the pause is not sent again after it.
        Assert.Equal(Find(claimed, Chase.Resolution, 50).Key, Find(answered, Chase.Resolution, 50).Key);
    }

    [Fact]
    public void A_reopened_case_gets_a_fresh_resolution_target_and_a_new_round_of_reminders()
    {
        var claimed = Apply(CaseRules.Claim(CaseRulesTests.NewCase(), Sam, clock.GetUtcNow(), Policy));
        clock.Advance(TimeSpan.FromHours(5));
        var resolved = Apply(CaseRules.Resolve(claimed, Sam, Outcome.Actioned, "Removed", clock.GetUtcNow(), Policy));
        Assert.Empty(SlaSchedule.Of(resolved, Policy));

        clock.Advance(TimeSpan.FromHours(1));
        var reopened = Apply(CaseRules.Reopen(resolved, Reporter, "It is back up", clock.GetUtcNow(), Policy));
        var breach = Find(reopened, Chase.Resolution, 100);
        Assert.Equal(T0.AddHours(10), breach.DueAt);
        Assert.Equal(1, breach.Round);
        Assert.NotEqual(Find(claimed, Chase.Resolution, 100).Key, breach.Key);
    }

    [Fact]
    public void A_business_hours_severity_counts_only_working_time()
    {
        // Filed Friday 27 Nov 17:30 Singapore; Sev3 counts business hours (09:00–18:00 on weekdays).
        var friday = new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.FromHours(8));
        var c = CaseRulesTests.NewCase(Severity.Sev3) with
        {
            FiledAt = friday,
            Targets = new(TimeSpan.FromHours(4), TimeSpan.FromHours(72), BusinessHours: true),
        };
        var firstResponse = Find(c, Chase.FirstResponse, 100);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 30, 0, TimeSpan.FromHours(8)), firstResponse.DueAt);

        // Around the clock the same targets fall on Friday night.
        var allHours = c with
        {
            Targets = c.Targets with { BusinessHours = false },
        };
        Assert.Equal(friday.AddHours(4), Find(allHours, Chase.FirstResponse, 100).DueAt);
    }

    [Fact]
    public void Raising_the_severity_gives_the_new_targets_at_once()
    {
        var sla = new SlaOptions();
        var c = CaseRulesTests.NewCase(Severity.Sev3) with { Targets = sla.For(Severity.Sev3) };
        var claimed = Apply(CaseRules.Claim(c, Sam, clock.GetUtcNow(), Policy));
        clock.Advance(TimeSpan.FromHours(3));
        var raised = Apply(
            CaseRules.Triage(
                claimed,
                Sam,
                null,
                null,
                Severity.Sev1,
                "Threat names a date",
                sla.For,
                clock.GetUtcNow(),
                Policy
            )
        );
        Assert.Equal(T0.AddHours(4), Find(raised, Chase.Resolution, 100).DueAt);
        Assert.True(Find(raised, Chase.Resolution, 50).DueAt < clock.GetUtcNow()); // past already: the sweep sends it at once
    }

    [Fact]
    public void New_targets_are_a_new_round_so_a_lowered_severitys_breach_is_still_heard()
    {
        var sla = new SlaOptions();
        var claimed = Apply(
            CaseRules.Claim(
                CaseRulesTests.NewCase() with
                {
                    Targets = sla.For(Severity.Sev1),
                },
                Sam,
                clock.GetUtcNow(),
                Policy
            )
        );
        clock.Advance(TimeSpan.FromHours(5)); // the Sev1 breach went out at 4 h
        var lowered = Apply(
            CaseRules.Triage(
                claimed,
                Sam,
                null,
                null,
                Severity.Sev2,
                "Less urgent than reported",
                sla.For,
                clock.GetUtcNow(),
                Policy
            )
        );
        Assert.NotEqual(Find(claimed, Chase.Resolution, 100).Key, Find(lowered, Chase.Resolution, 100).Key);
        Assert.Equal(T0.AddHours(24), Find(lowered, Chase.Resolution, 100).DueAt);

        // Confirming the same severity keeps the round: nothing is sent again.
        var confirmed = Apply(
            CaseRules.Triage(lowered, Sam, null, null, Severity.Sev2, null, sla.For, clock.GetUtcNow(), Policy)
        );
        Assert.Equal(Find(lowered, Chase.Resolution, 100).Key, Find(confirmed, Chase.Resolution, 100).Key);
    }

    [Fact]
    public void Only_staff_activity_keeps_an_owner_from_counting_as_idle()
    {
        var claimed = Apply(CaseRules.Claim(CaseRulesTests.NewCase(), Sam, clock.GetUtcNow(), Policy));
        clock.Advance(TimeSpan.FromMinutes(30));
        var updated = Apply(CaseRules.Update(claimed, Reporter, "Another repost", clock.GetUtcNow(), Policy));
        Assert.Equal(Find(claimed, Chase.Idle, 1), Find(updated, Chase.Idle, 1));

        var noted = Apply(CaseRules.Note(updated, Sam, "On it", clock.GetUtcNow(), Policy));
        Assert.Equal(T0.AddMinutes(90), Find(noted, Chase.Idle, 1).DueAt);
    }

    [Fact]
    public void A_closed_or_resolved_case_has_nothing_left_to_chase()
    {
        var claimed = Apply(CaseRules.Claim(CaseRulesTests.NewCase(), Sam, clock.GetUtcNow(), Policy));
        var resolved = Apply(CaseRules.Resolve(claimed, Sam, Outcome.NoViolation, "Satire", clock.GetUtcNow(), Policy));
        Assert.Empty(SlaSchedule.Of(resolved, Policy));
    }

    [Fact]
    public void An_idle_owner_is_released_only_if_the_stored_case_is_still_idle()
    {
        var claimed = Apply(CaseRules.Claim(CaseRulesTests.NewCase(), Sam, clock.GetUtcNow(), Policy));
        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.IsType<Decision.Refused>(CaseRules.ReleaseIdle(claimed, clock.GetUtcNow(), Policy));

        clock.Advance(TimeSpan.FromMinutes(1));
        var accepted = Assert.IsType<Decision.Accepted>(CaseRules.ReleaseIdle(claimed, clock.GetUtcNow(), Policy));
        Assert.Equal(CaseState.New, accepted.Case.State);
        Assert.Null(accepted.Case.Owner);
        Assert.Equal(AuditAction.ReleasedIdle, accepted.Audit.Action);
        Assert.Equal(
            new AuditDetail { FormerOwner = Sam.Person, IdleFor = TimeSpan.FromHours(2) },
            accepted.Audit.Detail
        );
        Assert.Equal("No activity from Sam for 2 h; back in the queue.", AuditTexts.Text(accepted.Audit));

        var waiting = Apply(CaseRules.AskReporter(claimed, Sam, "More?", T0.AddMinutes(10), Policy));
        Assert.IsType<Decision.Refused>(CaseRules.ReleaseIdle(waiting, clock.GetUtcNow().AddDays(1), Policy));
    }
}
