using System.Linq.Expressions;
using EscalationBot.Cases;
using Moq;

namespace EscalationBot.Tests.Cases;

public sealed class CaseWorkflowTests
{
    private static readonly Actor Sam = new(new Person("sam", "Sam"), Role.Specialist);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 5, 0, TimeSpan.Zero);

    /// <summary>A write of any change to the case as read.</summary>
    private static readonly Expression<Func<ICaseStore, Task<Commit>>> AnyWrite = s =>
        s.TryReplaceAsync(
            It.IsAny<StoredCase>(),
            It.IsAny<Case>(),
            It.IsAny<AuditEntry>(),
            It.IsAny<CaseEffects>(),
            It.IsAny<CancellationToken>()
        );

    /// <summary>A write of any change to the case as <paramref name="read"/>.</summary>
    private static Expression<Func<ICaseStore, Task<Commit>>> WriteOf(StoredCase read) =>
        s =>
            s.TryReplaceAsync(
                read,
                It.IsAny<Case>(),
                It.IsAny<AuditEntry>(),
                It.IsAny<CaseEffects>(),
                It.IsAny<CancellationToken>()
            );

    [Fact]
    public async Task A_lost_race_is_judged_again_against_the_winners_state()
    {
        var fresh = new StoredCase(CaseRulesTests.NewCase(), "etag-1", 1);
        var claimedBySky = new StoredCase(
            fresh.Case with
            {
                State = CaseState.Claimed,
                Owner = new Person("sky", "Sky"),
            },
            "etag-2",
            2
        );
        var store = new Mock<ICaseStore>(MockBehavior.Strict);
        store
            .SetupSequence(s => s.GetAsync(7, It.IsAny<CancellationToken>()))
            .ReturnsAsync(fresh)
            .ReturnsAsync(claimedBySky);
        store.Setup(WriteOf(fresh)).ReturnsAsync(Commit.Conflict);

        var change = await new CaseWorkflow(store.Object).ApplyAsync(
            7,
            c => CaseRules.Claim(c, Sam, Now),
            CancellationToken.None
        );

        var refused = Assert.IsType<Change.Refused>(change);
        Assert.Equal((Refusal.AlreadyClaimed, "ESC-7 is already claimed by Sky."), (refused.Code, refused.Reason));
        store.Verify(AnyWrite, Times.Once);
    }

    [Fact]
    public async Task An_accepted_change_is_committed_against_the_version_it_was_decided_on()
    {
        var fresh = new StoredCase(CaseRulesTests.NewCase(), "etag-1", 1);
        var store = new Mock<ICaseStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(fresh);
        store
            .Setup(s =>
                s.TryReplaceAsync(
                    fresh,
                    It.Is<Case>(c => c.Owner == Sam.Person),
                    It.Is<AuditEntry>(a => a.Action == AuditAction.Claimed),
                    CaseEffects.Default,
                    It.IsAny<CancellationToken>()
                )
            )
            .ReturnsAsync(Commit.Done);

        var change = await new CaseWorkflow(store.Object).ApplyAsync(
            7,
            c => CaseRules.Claim(c, Sam, Now),
            CancellationToken.None
        );

        Assert.Equal(Sam.Person, Assert.IsType<Change.Done>(change).Case.Owner);
    }

    [Fact]
    public async Task A_change_whose_activity_was_recorded_already_is_a_replay_and_writes_nothing()
    {
        var fresh = new StoredCase(CaseRulesTests.NewCase(), "etag-1", 1);
        var first = new TurnRecord("msteams|conv|sam|act-1", "You have claimed ESC-7.", 7);
        var store = new Mock<ICaseStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(fresh);
        store.Setup(WriteOf(fresh)).ReturnsAsync(Commit.Replayed);
        store.Setup(s => s.GetTurnAsync(first.Key, It.IsAny<CancellationToken>())).ReturnsAsync(first);

        var change = await new CaseWorkflow(store.Object).ApplyAsync(
            7,
            c => CaseRules.Claim(c, Sam, Now),
            CancellationToken.None,
            _ => CaseEffects.Default with { Turn = new TurnRecord(first.Key, "You have claimed ESC-7.") }
        );

        Assert.Equal(new Change.Replayed(first), change);
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_and_nothing_is_written()
    {
        var store = new Mock<ICaseStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync(99, It.IsAny<CancellationToken>())).ReturnsAsync((StoredCase?)null);
        var change = await new CaseWorkflow(store.Object).ApplyAsync(
            99,
            c => CaseRules.Claim(c, Sam, Now),
            CancellationToken.None
        );
        Assert.Equal(new Change.NotFound(99), change);
    }

    [Fact]
    public async Task A_case_that_keeps_changing_is_refused_as_too_busy_with_the_case_as_it_was()
    {
        var fresh = new StoredCase(CaseRulesTests.NewCase(), "etag-1", 1);
        var store = new Mock<ICaseStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(fresh);
        store.Setup(WriteOf(fresh)).ReturnsAsync(Commit.Conflict);

        var change = await new CaseWorkflow(store.Object).ApplyAsync(
            7,
            c => CaseRules.Claim(c, Sam, Now),
            CancellationToken.None
        );

        Assert.Equal(
            new Change.Refused(Refusal.TooBusy, "ESC-7 is changing too fast to update; please try again.", fresh.Case),
            change
        );
        store.Verify(WriteOf(fresh), Times.Exactly(10));
    }

    [Fact]
    public async Task A_change_that_lost_to_another_on_this_instance_is_judged_against_it_without_writing()
    {
        var fresh = new StoredCase(CaseRulesTests.NewCase(), "etag-1", 1);
        var sky = new Actor(new Person("sky", "Sky"), Role.Specialist);
        var written = new TaskCompletionSource();
        var commit = new TaskCompletionSource<Commit>();
        var store = new Mock<ICaseStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(fresh);
        store
            .Setup(WriteOf(fresh))
            .Returns(() =>
            {
                written.TrySetResult();
                return commit.Task;
            });
        var workflow = new CaseWorkflow(store.Object);

        var first = workflow.ApplyAsync(7, c => CaseRules.Claim(c, Sam, Now), CancellationToken.None);
        await written.Task;
        // Sky reads the case unclaimed while Sam's write is in flight, so the rule accepts Sky's claim too.
        var second = workflow.ApplyAsync(7, c => CaseRules.Claim(c, sky, Now), CancellationToken.None);
        commit.SetResult(Commit.Done);

        Assert.Equal(Sam.Person, Assert.IsType<Change.Done>(await first).Case.Owner);
        var refused = Assert.IsType<Change.Refused>(await second);
        Assert.Equal((Refusal.AlreadyClaimed, "ESC-7 is already claimed by Sam."), (refused.Code, refused.Reason));
        store.Verify(AnyWrite, Times.Once);
        store.Verify(s => s.GetAsync(7, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
