using Azure.Data.Tables;
using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Storage;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// The queue's page of the open index on Azurite: the filter applied by the storage, oldest first, never more than
/// a page read, and the cases it returns partial, so never written back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreListTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    private const int Page = 50;

    [Fact]
    public async Task A_page_holds_the_oldest_open_cases_the_filter_keeps_read_in_one_round_trip_of_at_most_a_page()
    {
        var open = await FileOpenCasesAsync(64);
        var store = CountedStore();
        CaseFilter[] filters =
        [
            CaseFilter.None,
            new(Severity: Severity.Sev1),
            new(Platform: Platform.Instagram),
            new(State: CaseState.Claimed),
            new(State: CaseState.WaitingOnReporter),
            new(OwnerId: Sam.Person.Id),
            new(PolicyArea: PolicyArea.ChildSafety, Severity: Severity.Sev1),
            new(Severity.Sev2, null, Platform.Instagram, CaseState.Claimed, Sam.Person.Id),
            new(Severity: Severity.Sev4),
        ];

        foreach (var filter in filters)
        {
            Counted.Reset();
            var page = await store.PageOpenAsync(filter, Page, CancellationToken.None);

            var kept = open.Where(filter.Matches).Select(c => c.Number).ToList();
            Assert.Equal(kept.Take(Page), page.Cases.Select(c => c.Number));
            Assert.Equal(kept.Count > Page, page.More);
            Assert.All(page.Cases, c => Assert.True(c.IsPartial));
            Assert.Equal((1, Math.Min(Page, kept.Count)), (Counted.RoundTrips, Counted.Entities));
        }
    }

    [Fact]
    public async Task A_short_page_with_a_continuation_is_read_on_for_what_is_missing_and_no_more()
    {
        var open = await FileOpenCasesAsync(60);
        var store = CountedStore();
        Counted.ShortenFirstPageTo = 7;

        var page = await store.PageOpenAsync(CaseFilter.None, Page, CancellationToken.None);

        Assert.Equal(open.Take(Page).Select(c => c.Number), page.Cases.Select(c => c.Number));
        Assert.True(page.More);
        Assert.Equal((2, Page), (Counted.RoundTrips, Counted.Entities));
    }

    [Fact]
    public async Task A_queue_line_from_a_page_reads_as_from_the_whole_case_though_the_details_were_not_read()
    {
        var open = await FileOpenCasesAsync(30);
        var page = await Cases.PageOpenAsync(CaseFilter.None, Page, CancellationToken.None);

        var now = T0.AddHours(3);
        Assert.Equal(Line(open, now), Line(page.Cases, now));
        Assert.All(
            page.Cases,
            c =>
                Assert.Equal(
                    (0, 0, 0),
                    (c.Report.Description.Length, c.Report.ContentUrls.Count, c.Report.Account.Length)
                )
        );
    }

    [Fact]
    public async Task A_partial_case_is_refused_by_the_store_and_the_stored_case_keeps_its_details()
    {
        var filed = await FileAsync();
        var partial = (await Cases.PageOpenAsync(CaseFilter.None, Page, CancellationToken.None)).Cases.Single();
        var stored = (await Cases.GetAsync(filed.Number, CancellationToken.None))!;
        var claimed = ((Decision.Accepted)CaseRules.Claim(partial, Sam, T0.AddMinutes(2))).Case;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Cases.TryReplaceAsync(stored, claimed, Audit(filed.Number, AuditAction.Claimed), CancellationToken.None)
        );
        var after = (await Cases.GetAsync(filed.Number, CancellationToken.None))!;
        Assert.Equal(
            (CaseState.New, "Threats", stored.ETag),
            (after.Case.State, after.Case.Report.Description, after.ETag)
        );
    }

    [Fact]
    public async Task Setup_reads_the_numbers_of_the_open_cases_with_no_queue_card()
    {
        var open = await FileOpenCasesAsync(6);
        foreach (var number in new[] { open[1].Number, open[3].Number })
        {
            var stored = (await Cases.GetAsync(number, CancellationToken.None))!;
            var posted = stored.Case with { QueueMessageId = $"msg-{number}" };
            await Cases.TryReplaceAsync(
                stored,
                posted,
                Audit(number, AuditAction.PostedToQueue),
                CancellationToken.None
            );
        }

        Assert.Equal(
            open.Where((_, i) => i is not 1 and not 3).Select(c => c.Number),
            await Cases.ListUnpostedAsync(CancellationToken.None)
        );
    }

    [Fact]
    public void Every_column_a_list_reads_is_a_column_of_the_case_row()
    {
        var row = CaseEntities.ToEntity(CaseRulesTests.NewCase(), CaseKeys.Open(7), 1);
        Assert.All(CaseColumns.Digest.Concat(CaseColumns.Posting), column => Assert.Contains(column, row.Keys));
    }

    private static string Line(IEnumerable<Case> cases, DateTimeOffset now) =>
        CardJson.Serialize(QueueCard.Build("Open cases", cases.Select(c => CaseViews.Of(c, now)).ToList(), 99));

    /// <summary>Files <paramref name="count"/> cases of every sort a filter tells apart, one resolved; the open ones, oldest first.</summary>
    private async Task<List<Case>> FileOpenCasesAsync(int count)
    {
        var filed = new List<Case>();
        for (var i = 0; i < count; i++)
        {
            filed.Add(await Cases.CreateAsync(n => (Shaped(n), Audit(n, AuditAction.Filed)), CancellationToken.None));
        }

        var resolved = filed.First(c => c.Report.Severity == Severity.Sev1);
        var stored = (await Cases.GetAsync(resolved.Number, CancellationToken.None))!;
        var done = stored.Case with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "ok", T0.AddHours(1)),
        };
        await Cases.TryReplaceAsync(stored, done, Audit(resolved.Number, AuditAction.Resolved), CancellationToken.None);
        return filed.Where(c => c.Number != resolved.Number).OrderBy(c => c.Number).ToList();
    }

    /// <summary>Severity, platform, policy area, state and owner vary with the number; so do the clocks a line shows.</summary>
    private static Case Shaped(int n)
    {
        var c = CaseRulesTests.NewCase(n % 3 == 0 ? Severity.Sev1 : Severity.Sev2) with
        {
            Number = n,
            FiledAt = T0.AddMinutes(n),
        };
        c = c with
        {
            Report = c.Report with
            {
                Platform = n % 4 == 0 ? Platform.Instagram : Platform.Facebook,
                PolicyArea = n % 7 == 0 ? PolicyArea.ChildSafety : PolicyArea.HateSpeech,
            },
            Targets = c.Targets with { BusinessHours = n % 6 == 1 },
        };
        var owned = c with
        {
            Owner = n % 2 == 0 ? Sam.Person : new Person("sky", "Sky"),
            ClaimedAt = c.FiledAt.AddMinutes(5),
        };
        return n switch
        {
            _ when n % 11 == 0 => owned with
            {
                State = CaseState.WaitingOnReporter,
                PausedSince = T0.AddHours(2),
                PausedFor = TimeSpan.FromMinutes(20),
            },
            _ when n % 13 == 0 => owned with
            {
                State = CaseState.Reopened,
                Resolution = new Resolution(Outcome.NoViolation, "Within policy", T0.AddHours(1)),
                ResolutionClockFrom = T0.AddHours(2),
                TargetsRound = 1,
            },
            _ when n % 5 == 0 => owned with { State = CaseState.Claimed },
            _ => c,
        };
    }

    private static AuditEntry Audit(int number, AuditAction action) =>
        new(number, T0, Sam.Person, action, null, CaseState.New);
}
