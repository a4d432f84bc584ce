using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

/// <summary>What a change means for exposure, and a period's tally of one person's events.</summary>
public sealed class ExposureTests
{
    private static readonly DateTimeOffset From = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    private static ExposureEvent E(ExposureKind kind, int number, int minutes) =>
        new("aad:spec-1", kind, number, From.AddMinutes(minutes));

    [Fact]
    public void Holding_runs_from_taking_to_letting_go_and_to_now_while_still_held()
    {
        var events = new[]
        {
            E(ExposureKind.Took, 1, 10),
            E(ExposureKind.Revealed, 1, 12),
            E(ExposureKind.LetGo, 1, 40),
            E(ExposureKind.Took, 2, 50),
        };

        var tally = ExposureTally.Of(events, new HashSet<int> { 2 }, From, From.AddMinutes(60));

        Assert.Equal(new ExposureTally(2, 1, TimeSpan.FromMinutes(30 + 10), TimeSpan.FromMinutes(10)), tally);
    }

    [Fact]
    public void A_case_taken_before_the_period_counts_from_its_start_but_is_not_counted_as_taken()
    {
        var letGoInIt = new[] { E(ExposureKind.LetGo, 1, 20) };

        Assert.Equal(
            new ExposureTally(0, 0, TimeSpan.FromMinutes(20), TimeSpan.Zero),
            ExposureTally.Of(letGoInIt, new HashSet<int>(), From, From.AddMinutes(60))
        );
        Assert.Equal(
            new ExposureTally(0, 0, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(60)),
            ExposureTally.Of([], new HashSet<int> { 3 }, From, From.AddMinutes(60))
        );
    }

    [Fact]
    public void Events_outside_the_period_are_left_out()
    {
        var events = new[] { E(ExposureKind.Took, 1, -30), E(ExposureKind.Revealed, 1, -20) };

        Assert.Equal(
            new ExposureTally(0, 0, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(60)),
            ExposureTally.Of(events, new HashSet<int> { 1 }, From, From.AddMinutes(60))
        );
    }

    [Fact]
    public void Cases_held_at_once_are_one_stretch_and_a_break_starts_the_stretch_again()
    {
        var events = new[]
        {
            E(ExposureKind.Took, 1, 0),
            E(ExposureKind.Took, 2, 10),
            E(ExposureKind.LetGo, 1, 30),
            E(ExposureKind.LetGo, 2, 40),
            E(ExposureKind.Took, 3, 40),
        };
        var now = From.AddMinutes(100);

        Assert.Equal(
            new ExposureTally(3, 0, TimeSpan.FromMinutes(100), TimeSpan.FromMinutes(100)),
            ExposureTally.Of(events, new HashSet<int> { 3 }, From, now)
        );
        Assert.Equal(
            TimeSpan.FromMinutes(30),
            ExposureTally.Of(events, new HashSet<int> { 3 }, From, now, From.AddMinutes(70)).Continuous
        );
        Assert.Equal(
            TimeSpan.Zero,
            ExposureTally.Of(events, new HashSet<int> { 3 }, From, now, now.AddMinutes(5)).Continuous
        );
    }

    [Fact]
    public void A_gap_between_cases_ends_the_stretch()
    {
        var events = new[] { E(ExposureKind.Took, 1, 0), E(ExposureKind.LetGo, 1, 30), E(ExposureKind.Took, 2, 35) };

        var tally = ExposureTally.Of(events, new HashSet<int> { 2 }, From, From.AddMinutes(50));

        Assert.Equal((TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(15)), (tally.Holding, tally.Continuous));
        Assert.Equal(
            TimeSpan.Zero,
            ExposureTally.Of(events.Take(2), new HashSet<int>(), From, From.AddMinutes(50)).Continuous
        );
    }
}
