using Azure.Data.Tables;
using EscalationBot.Shifts;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>Posted digests on Azurite, in the format rows were stored in before the digest had a type of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableHandoverStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset RunStart = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A View column exactly as the store wrote it (lines broken after commas only) while it serialized the card's HandoverView: every property name,
    /// its order, the nulls and System.Text.Json's escaping. Copied as a literal, never produced by today's types.
    /// </summary>
    private static readonly string StoredView = """
        {"Title":"Handover: Night \u2192 Day","Subtitle":"Day shift from {{DATE(2026-11-30T01:00:00Z, SHORT)}} {{TIME(2026-11-30T01:00:00Z)}} \u00B7 2 open",
        "Sections":[{"Title":"Unclaimed","Lines":["**ESC-7** \u00B7 Sev2 \u00B7 Hate speech"],"Total":1,"ListCommand":"queue new",
        "Summary":null,"Held":null},{"Title":"Held by the outgoing shift (Night)","Lines":["**ESC-3** \u00B7 Sam \u00B7 Claimed"],"Total":1,
        "ListCommand":"queue claimed","Summary":null,"Held":[{"CaseId":"ESC-3","Line":"**ESC-3** \u00B7 Sam \u00B7 Claimed",
        "Chosen":"kept by Sam"}]}],"Acknowledged":[{"Name":"Lee","At":"2026-11-30T01:05:00+00:00","Id":"lee-1"}],
        "LateNote":"Posted late: the bot was not running at the 09:00 boundary.","AcknowledgeData":{"shift":"0","start":"1796000400"},
        "Options":{"Boundary":"1796000400","Incoming":[{"Title":"Lee","Value":"lee-1"}],"Default":"Unchosen cases go back to the queue.",
        "CardData":{"card":"digest","shift":"0","start":"1796000400"}},"Message":null}
        """.ReplaceLineEndings("");

    private const string StoredMessages =
        """[{"Binding":"leads","Address":"{}","ChannelId":"msteams","MessageId":"m-1"}]""";

    private TableClient table = null!;
    private TableHandoverStore store = null!;

    public async Task InitializeAsync()
    {
        table = new TableServiceClient(azurite.ConnectionString).GetTableClient(
            "h" + Guid.NewGuid().ToString("N")[..12]
        );
        await table.CreateIfNotExistsAsync();
        store = new TableHandoverStore(table);
    }

    public Task DisposeAsync() => table.DeleteAsync();

    [Fact]
    public async Task A_digest_stored_in_the_earlier_format_reads_back_whole()
    {
        await table.AddEntityAsync(
            new TableEntity("cases", "handover|000|000001796000400")
            {
                ["ShiftIndex"] = 0,
                ["RunStart"] = RunStart,
                ["View"] = StoredView,
                ["Messages"] = StoredMessages,
                ["PostedAt"] = RunStart.AddMinutes(1),
            }
        );

        var digest = (await store.GetAsync(0, RunStart, CancellationToken.None))!;

        Assert.Equal((0, RunStart, RunStart.AddMinutes(1)), (digest.ShiftIndex, digest.RunStart, digest.PostedAt));
        Assert.Equal(new PostedMessage("leads", "{}", "msteams", "m-1"), Assert.Single(digest.Messages));
        var view = digest.View;
        Assert.Equal("Handover: Night → Day", view.Title);
        Assert.EndsWith("· 2 open", view.Subtitle);
        Assert.Equal("Posted late: the bot was not running at the 09:00 boundary.", view.LateNote);
        Assert.Equal(["Unclaimed", "Held by the outgoing shift (Night)"], view.Sections.Select(s => s.Title));
        var unclaimed = view.Sections[0];
        Assert.Equal((1, "queue new", null), (unclaimed.Total, unclaimed.ListCommand, unclaimed.Summary));
        Assert.Equal(["**ESC-7** · Sev2 · Hate speech"], unclaimed.Lines);
        Assert.Null(unclaimed.Held);
        var held = Assert.Single(view.Sections[1].Held!);
        Assert.Equal(("ESC-3", "**ESC-3** · Sam · Claimed", "kept by Sam"), (held.CaseId, held.Line, held.Chosen));
        var acknowledged = Assert.Single(view.Acknowledged);
        Assert.Equal(("Lee", RunStart.AddMinutes(5), "lee-1"), (acknowledged.Name, acknowledged.At, acknowledged.Id));
        Assert.True(digest.Acknowledged);
        Assert.Equal(
            new Dictionary<string, string> { ["shift"] = "0", ["start"] = "1796000400" },
            view.AcknowledgeData
        );
        var options = view.Options!;
        Assert.Equal(("1796000400", "Unchosen cases go back to the queue."), (options.Boundary, options.Default));
        Assert.Equal([("Lee", "lee-1")], options.Incoming.Select(c => (c.Title, c.Value)));
        Assert.Equal("digest", options.CardData["card"]);
    }

    [Fact]
    public async Task A_digest_written_now_keeps_the_earlier_column_names_and_reads_back_the_same()
    {
        await table.AddEntityAsync(
            new TableEntity("cases", "handover|000|000001796000400")
            {
                ["ShiftIndex"] = 0,
                ["RunStart"] = RunStart,
                ["View"] = StoredView,
                ["Messages"] = StoredMessages,
                ["PostedAt"] = RunStart.AddMinutes(1),
            }
        );
        var read = (await store.GetAsync(0, RunStart, CancellationToken.None))!;

        Assert.True(await store.TryReplaceAsync(read, CancellationToken.None));

        var row = (await table.GetEntityAsync<TableEntity>("cases", "handover|000|000001796000400")).Value;
        var view = System.Text.Json.JsonDocument.Parse(row.GetString("View")).RootElement;
        Assert.Equal(
            // Zone was added after: an older reader ignores it, and a digest stored without it reads in UTC.
            ["Title", "Subtitle", "Sections", "Acknowledged", "LateNote", "AcknowledgeData", "Options", "Zone"],
            view.EnumerateObject().Select(p => p.Name).Where(n => n != "Message")
        );
        var again = (await store.GetAsync(0, RunStart, CancellationToken.None))!;
        Assert.Equivalent(read.View, again.View, strict: true);
    }
}
