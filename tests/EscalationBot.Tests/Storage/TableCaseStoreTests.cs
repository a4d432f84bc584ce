using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly Person Reporter = new("pm-1", "Pat");
    private TableCaseStore store = null!;

    public async Task InitializeAsync()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(
            "s" + Guid.NewGuid().ToString("N")[..12]
        );
        store = new TableCaseStore(table);
        await store.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Concurrent_filers_get_distinct_consecutive_numbers()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => CreateAsync())));
        Assert.Equal(Enumerable.Range(1, 30), created.Select(c => c.Number).Order());
        var open = await store.ListOpenAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 30), open.Select(c => c.Number));
    }

    [Fact]
    public async Task A_case_round_trips_every_field()
    {
        var c = await CreateAsync(deadline: T0.AddDays(1));
        var read = (await store.GetAsync(c.Number, CancellationToken.None))!.Case;
        Assert.Equal(c with { Report = read.Report }, read);
        Assert.Equal(c.Report.ContentUrls, read.Report.ContentUrls);
        Assert.Equal(c.Report with { ContentUrls = read.Report.ContentUrls }, read.Report);
    }

    [Fact]
    public async Task A_stale_update_is_refused_and_changes_nothing()
    {
        var c = await CreateAsync();
        var first = (await store.GetAsync(c.Number, CancellationToken.None))!;
        var claimedBySam = first.Case with
        {
            State = CaseState.Claimed,
            Owner = new Person("sam", "Sam"),
            ClaimedAt = T0,
        };
        Assert.True(
            await store.TryReplaceAsync(
                first,
                claimedBySam,
                Audit(c.Number, AuditAction.Claimed),
                CancellationToken.None
            )
        );

        var claimedBySky = first.Case with
        {
            State = CaseState.Claimed,
            Owner = new Person("sky", "Sky"),
            ClaimedAt = T0,
        };
        Assert.False(
            await store.TryReplaceAsync(
                first,
                claimedBySky,
                Audit(c.Number, AuditAction.Claimed),
                CancellationToken.None
            )
        );

        Assert.Equal("sam", (await store.GetAsync(c.Number, CancellationToken.None))!.Case.Owner!.Id);
        Assert.Equal(
            [AuditAction.Filed, AuditAction.Claimed],
            (await store.HistoryAsync(c.Number, CancellationToken.None)).Select(a => a.Action)
        );
        Assert.Equal("sam", (await store.ListOpenAsync(CancellationToken.None)).Single().Owner!.Id);
    }

    [Fact]
    public async Task Resolved_cases_leave_the_open_list_which_stays_oldest_first()
    {
        var a = await CreateAsync();
        var b = await CreateAsync();
        var c = await CreateAsync();
        var stored = (await store.GetAsync(b.Number, CancellationToken.None))!;
        var resolved = stored.Case with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "ok", T0),
        };
        Assert.True(
            await store.TryReplaceAsync(stored, resolved, Audit(b.Number, AuditAction.Resolved), CancellationToken.None)
        );

        Assert.Equal([a.Number, c.Number], (await store.ListOpenAsync(CancellationToken.None)).Select(x => x.Number));
        Assert.Null(await store.GetAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task The_duplicate_index_finds_open_cases_by_link_or_account_and_forgets_them_when_resolved()
    {
        var c = await CreateAsync();
        var other = await CreateAsync();
        var keys = DuplicateCheck.Keys(c.Report with { ContentUrls = ["http://m.instagram.com/p/2/"], Account = "" });
        Assert.Equal(
            [c.Number, other.Number],
            (await store.FindOpenByKeysAsync(keys, CancellationToken.None)).Select(x => x.Number)
        );
        Assert.Equal(
            [c.Number, other.Number],
            (await store.FindOpenByKeysAsync(new HashSet<string> { "acct" }, CancellationToken.None)).Select(x =>
                x.Number
            )
        );
        Assert.Empty(
            await store.FindOpenByKeysAsync(new HashSet<string> { "instagram.com/p/3" }, CancellationToken.None)
        );

        var stored = (await store.GetAsync(c.Number, CancellationToken.None))!;
        var resolved = stored.Case with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "ok", T0),
        };
        Assert.True(
            await store.TryReplaceAsync(stored, resolved, Audit(c.Number, AuditAction.Resolved), CancellationToken.None)
        );
        Assert.Equal(
            [other.Number],
            (await store.FindOpenByKeysAsync(keys, CancellationToken.None)).Select(x => x.Number)
        );
    }

    [Fact]
    public async Task A_resolved_case_can_still_change_though_it_has_left_the_open_list()
    {
        var c = await CreateAsync();
        var stored = (await store.GetAsync(c.Number, CancellationToken.None))!;
        var resolved = stored.Case with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "ok", T0),
        };
        Assert.True(
            await store.TryReplaceAsync(stored, resolved, Audit(c.Number, AuditAction.Resolved), CancellationToken.None)
        );

        // A note, a reveal, the queue card's id recorded late: the open row is gone already, and stays gone.
        var again = (await store.GetAsync(c.Number, CancellationToken.None))!;
        var recorded = again.Case with { QueueMessageId = "msg-1" };
        Assert.True(
            await store.TryReplaceAsync(
                again,
                recorded,
                Audit(c.Number, AuditAction.PostedToQueue),
                CancellationToken.None
            )
        );
        Assert.Equal("msg-1", (await store.GetAsync(c.Number, CancellationToken.None))!.Case.QueueMessageId);
        Assert.DoesNotContain(await store.ListOpenAsync(CancellationToken.None), o => o.Number == c.Number);
    }

    [Fact]
    public async Task Activity_records_older_than_the_window_are_forgotten_and_newer_ones_kept()
    {
        async Task FileAsync(string activity, DateTimeOffset at) =>
            await store.CreateAsync(
                n =>
                    (
                        Cases.CaseRulesTests.NewCase() with
                        {
                            Number = n,
                        },
                        new AuditEntry(n, at, Reporter, AuditAction.Filed, null, CaseState.New)
                    ),
                CaseEffects.None with
                {
                    Turn = new TurnRecord(activity, "filed"),
                },
                CancellationToken.None
            );
        await FileAsync("msteams|a|pm|old", T0);
        await FileAsync("msteams|a|pm|new", T0.AddDays(8));

        Assert.Equal(1, await store.ForgetTurnsAsync(T0.AddDays(1), CancellationToken.None));

        Assert.Null(await store.GetTurnAsync("msteams|a|pm|old", CancellationToken.None));
        Assert.NotNull(await store.GetTurnAsync("msteams|a|pm|new", CancellationToken.None));
    }

    private Task<Case> CreateAsync(DateTimeOffset? deadline = null) =>
        store.CreateAsync(
            n =>
                (
                    new Case(
                        n,
                        CaseState.New,
                        new CaseReport(
                            Platform.Instagram,
                            "NGO",
                            "@acct",
                            ["https://instagram.com/p/1", "https://instagram.com/p/2"],
                            PolicyArea.Privacy,
                            Severity.Sev2,
                            deadline,
                            "Doxxing"
                        ),
                        Reporter,
                        "{\"address\":1}",
                        T0,
                        new SlaTargets(TimeSpan.FromHours(1), TimeSpan.FromHours(24))
                    ),
                    Audit(n, AuditAction.Filed)
                ),
            CancellationToken.None
        );

    private static AuditEntry Audit(int number, AuditAction action) =>
        new(number, T0, Reporter, action, null, CaseState.New);
}
