using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

public sealed class CaseRacesTests
{
    private static readonly StoredCase Before = new(CaseRulesTests.NewCase(), "etag-1", 1);
    private static readonly StoredCase After = Before with { ETag = "etag-2", Version = 2 };

    [Fact]
    public async Task Reads_asked_for_together_share_one_that_began_after_they_asked()
    {
        var races = new CaseRaces();
        using var race = races.Join(7);
        var replies = new Queue<TaskCompletionSource<StoredCase?>>([new(), new(), new()]);
        var begun = new List<TaskCompletionSource<StoredCase?>>();
        using var began = new SemaphoreSlim(0);
        Task<StoredCase?> Read()
        {
            begun.Add(replies.Dequeue());
            began.Release();
            return begun[^1].Task;
        }

        var first = race.ReadAsync(Read, CancellationToken.None);
        // Asked while the first read is in flight: that read may have begun too early for them.
        var second = race.ReadAsync(Read, CancellationToken.None);
        var third = race.ReadAsync(Read, CancellationToken.None);
        Assert.Single(begun);

        begun[0].SetResult(Before);
        Assert.Same(Before, await first);
        await began.WaitAsync(); // the first read's
        await began.WaitAsync(); // the one the others share, begun when the first ended
        Assert.Equal(2, begun.Count);
        begun[1].SetResult(After);
        Assert.Same(After, await second);
        Assert.Same(After, await third);

        var late = race.ReadAsync(Read, CancellationToken.None);
        Assert.Equal(3, begun.Count);
        begun[2].SetResult(After);
        Assert.Same(After, await late);
    }

    [Fact]
    public async Task A_failed_read_fails_those_sharing_it_and_the_next_ask_reads_again()
    {
        var races = new CaseRaces();
        using var race = races.Join(7);
        var reads = 0;

        var failed = race.ReadAsync(
            () =>
            {
                reads++;
                return Task.FromException<StoredCase?>(new IOException("storage is down"));
            },
            CancellationToken.None
        );
        await Assert.ThrowsAsync<IOException>(() => failed);
        var next = await race.ReadAsync(
            () =>
            {
                reads++;
                return Task.FromResult<StoredCase?>(After);
            },
            CancellationToken.None
        );

        Assert.Same(After, next);
        Assert.Equal(2, reads);
    }

    [Fact]
    public void A_case_nobody_is_changing_keeps_nothing()
    {
        var races = new CaseRaces();
        var first = races.Join(7);
        var second = races.Join(7);
        Assert.Same(first, second);

        first.Dispose();
        second.Dispose();

        using var third = races.Join(7);
        Assert.NotSame(first, third);
    }
}
