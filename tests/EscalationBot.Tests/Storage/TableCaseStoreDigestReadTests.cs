using System.Text.Json;
using EscalationBot.Cases;
using EscalationBot.Shifts;
using EscalationBot.Tests.Infrastructure;
using EscalationBot.Tests.Shifts;
using static EscalationBot.Tests.Shifts.HandoverDigestSamples;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// The digest's reads on Azurite: only the columns it shows, yet the digest built from them is the digest built
/// from the whole cases, every section and line, sensitive cases' texts hidden alike.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreDigestReadTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    private static new readonly Person Sam = HandoverDigestSamples.Sam;

    [Fact]
    public async Task The_digest_from_the_columns_it_reads_is_the_digest_from_the_whole_cases()
    {
        var open = new List<Case>();
        foreach (var c in SituationsWithSecrets())
        {
            open.Add(await Cases.CreateAsync(n => (c with { Number = n }, Filed(n)), CancellationToken.None));
        }

        var resolved = new List<Case>();
        foreach (var inTime in new[] { true, false, true })
        {
            var held = await Cases.CreateAsync(
                n => (Held(Make(n, TimeSpan.FromHours(6)), Sam), Filed(n)),
                CancellationToken.None
            );
            var done = Resolved(held.Number, inTime);
            var stored = (await Cases.GetAsync(held.Number, CancellationToken.None))!;
            var audit = new AuditEntry(held.Number, Boundary, Sam, AuditAction.Resolved, CaseState.Claimed, done.State);
            await Cases.TryReplaceAsync(stored, done, audit, CancellationToken.None);
            resolved.Add(done);
        }

        var readOpen = await Cases.ListOpenForDigestAsync(CaseFilter.None, CancellationToken.None);
        var readResolved = await Cases.ListResolvedForDigestAsync(
            Evening.Start,
            Boundary.AddDays(4),
            CancellationToken.None
        );

        Assert.All(readOpen.Concat(readResolved), c => Assert.True(c.IsPartial));
        Assert.All(readOpen.Concat(readResolved), c => Assert.Empty(c.Report.Description));
        Assert.Equal(Digest(open, resolved), Digest(readOpen, readResolved));
        Assert.Contains("Partner calls back at 9", Digest(readOpen, readResolved));
        Assert.Contains("kept by Sam Specialist", Digest(readOpen, readResolved));
        Assert.DoesNotContain("victim", Digest(readOpen, readResolved));
        Assert.Equal(3, readResolved.Count);

        // Once every open case has its summary row, the digest reads those instead: the same digest again.
        Assert.Null(await Cases.ListOpenFromSummariesAsync(CaseFilter.None, CancellationToken.None));
        Assert.Equal(0, await Cases.SummariseAsync(CancellationToken.None));
        var summarised = await Cases.ListOpenFromSummariesAsync(CaseFilter.None, CancellationToken.None);
        Assert.NotNull(summarised);
        Assert.All(summarised, c => Assert.True(c.IsPartial));
        Assert.Equal(readOpen.Select(c => c.Number), summarised.Select(c => c.Number));
        Assert.Equal(Digest(open, resolved), Digest(summarised, readResolved));
        var shown = JsonSerializer.Serialize(LongNote[..HandoverDigest.NoteShown] + "…")[1..^1];
        Assert.Contains(shown, Digest(summarised, readResolved));
        Assert.Equal(
            Digest(open, resolved),
            Digest(await Cases.ListOpenForDigestAsync(CaseFilter.None, CancellationToken.None), readResolved)
        );
    }

    [Fact]
    public async Task An_owner_s_cases_are_filtered_by_the_storage()
    {
        var filed = new List<Case>();
        foreach (var c in Situations())
        {
            filed.Add(await Cases.CreateAsync(n => (c with { Number = n }, Filed(n)), CancellationToken.None));
        }

        var sams = await Cases.ListOpenForDigestAsync(new CaseFilter(OwnerId: Sam.Id), CancellationToken.None);

        Assert.Equal(3, sams.Count);
        Assert.Equal(filed.Where(c => c.Owner?.Id == Sam.Id).Select(c => c.Number), sams.Select(c => c.Number));

        await Cases.SummariseAsync(CancellationToken.None);
        var summarised = await Cases.ListOpenFromSummariesAsync(
            new CaseFilter(OwnerId: Sam.Id),
            CancellationToken.None
        );
        Assert.Equal(sams.Select(c => c.Number), summarised!.Select(c => c.Number));
    }

    /// <summary>Longer than the digest shows, with a character outside the BMP across the summary's cut.</summary>
    private static readonly string LongNote =
        string.Concat(Enumerable.Repeat("Partner wants a call before any takedown; ", 4))[..HandoverDigest.NoteShown]
        + "😀 and then the rest of the note, which the digest never shows.";

    /// <summary>The situations, one kept across the boundary, one sensitive with a note that must stay hidden.</summary>
    private static IEnumerable<Case> SituationsWithSecrets() =>
        Situations()
            .Select(c =>
                c.Number switch
                {
                    3 => c with { KeptAcross = Boundary },
                    6 => c with { HandoverNote = new("Note naming the victim", Sky, Boundary.AddMinutes(-10)) },
                    5 => c with { HandoverNote = new(LongNote, Sam, Boundary.AddMinutes(-20)) },
                    _ => c,
                }
            );

    private static string Digest(IReadOnlyList<Case> open, IReadOnlyList<Case> resolved)
    {
        var input = Input(open, resolved, new HashSet<string> { Sam.Id }) with
        {
            Options = Choices(new Dictionary<string, string>()),
        };
        return JsonSerializer.Serialize(DigestSnapshot.Of(HandoverDigest.Build(input, CasePolicy.Default, 8)));
    }

    private static AuditEntry Filed(int number) => new(number, Boundary, Sam, AuditAction.Filed, null, CaseState.New);
}
