using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>Reads that stay the same size however long a case's history or however many cases name a link.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BoundedReadsTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    [Fact]
    public async Task The_recent_history_is_the_newest_entries_of_the_version_read_and_a_count_of_the_rest()
    {
        var c = await FileAsync();
        for (var i = 1; i <= 19; i++)
        {
            var stored = (await Cases.GetAsync(c.Number, CancellationToken.None))!;
            var note = new AuditEntry(c.Number, T0.AddMinutes(i), Sam.Person, AuditAction.Note, null, c.State, $"{i}");
            Assert.True(await Cases.TryReplaceAsync(stored, stored.Case, note, CancellationToken.None));
        }

        var recent = await Cases.RecentHistoryAsync(c.Number, 20, 15, CancellationToken.None);

        Assert.Equal(5, recent.Earlier);
        Assert.Equal(Enumerable.Range(5, 15).Select(i => $"{i}"), recent.Entries.Select(e => e.Text));
        // As of an older version: what came after it is not read.
        var older = await Cases.RecentHistoryAsync(c.Number, 4, 15, CancellationToken.None);
        Assert.Equal(0, older.Earlier);
        Assert.Equal([null, "1", "2", "3"], older.Entries.Select(e => e.Text));
    }

    [Fact]
    public async Task A_case_leaving_the_open_list_marks_its_duplicate_keys_closed_and_a_reopen_marks_them_open()
    {
        var c = await FileAsync();
        var keys = DuplicateCheck.Keys(c.Report);
        Assert.NotEmpty(keys);
        Assert.All(await KeyRowsAsync(keys), row => Assert.True(row.GetBoolean(CaseKeys.KeyProperty(c.Number))));

        var stored = (await Cases.GetAsync(c.Number, CancellationToken.None))!;
        var resolved = stored.Case with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "ok", T0),
        };
        var audit = new AuditEntry(c.Number, T0, Sam.Person, AuditAction.Resolved, c.State, CaseState.Resolved);
        Assert.True(await Cases.TryReplaceAsync(stored, resolved, audit, CancellationToken.None));
        Assert.All(await KeyRowsAsync(keys), row => Assert.False(row.GetBoolean(CaseKeys.KeyProperty(c.Number))));
        Assert.Empty(await Cases.FindOpenByKeysAsync(keys, CancellationToken.None));

        var closed = (await Cases.GetAsync(c.Number, CancellationToken.None))!;
        var reopened = closed.Case with { State = CaseState.Reopened, Resolution = null };
        var reopen = new AuditEntry(c.Number, T0, Sam.Person, AuditAction.Reopened, CaseState.Resolved, reopened.State);
        Assert.True(await Cases.TryReplaceAsync(closed, reopened, reopen, CancellationToken.None));
        Assert.All(await KeyRowsAsync(keys), row => Assert.True(row.GetBoolean(CaseKeys.KeyProperty(c.Number))));
        Assert.Equal([c.Number], (await Cases.FindOpenByKeysAsync(keys, CancellationToken.None)).Select(x => x.Number));
    }

    private async Task<List<TableEntity>> KeyRowsAsync(IEnumerable<string> keys)
    {
        var rows = new List<TableEntity>();
        foreach (var key in keys)
        {
            rows.Add((await Table.GetEntityAsync<TableEntity>(CaseKeys.Partition, CaseKeys.KeyIndex(key))).Value);
        }

        return rows;
    }
}
