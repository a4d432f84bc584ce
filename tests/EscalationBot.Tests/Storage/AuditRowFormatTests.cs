using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;
using static EscalationBot.Tests.Storage.OldAuditRows;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// Audit rows are stored as codes now; rows written before, with the sentence in <c>Action</c>, still read. The old
/// rows (<see cref="OldAuditRows"/>) are literals with exactly the properties (names and types) the store wrote
/// before the codes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditRowFormatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TableClient table = null!;
    private TableCaseStore store = null!;

    public async Task InitializeAsync()
    {
        table = new TableServiceClient(azurite.ConnectionString).GetTableClient(
            "a" + Guid.NewGuid().ToString("N")[..12]
        );
        store = new TableCaseStore(table);
        await store.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rows_in_the_old_format_read_as_codes_with_their_detail()
    {
        foreach (var row in OldRows)
        {
            await table.AddEntityAsync(row);
        }

        var history = await store.HistoryAsync(12, CancellationToken.None);

        AuditAction[] expected =
        [
            AuditAction.Filed,
            AuditAction.PostedToQueue,
            AuditAction.Claimed,
            AuditAction.Triaged,
            AuditAction.Consulting,
            AuditAction.ConsultAnswered,
            AuditAction.AskedReporter,
            AuditAction.ReporterAnswered,
            AuditAction.ReporterUpdate,
            AuditAction.ReportAdded,
            AuditAction.Note,
            AuditAction.HandoverNote,
            AuditAction.KeptOverHandover,
            AuditAction.MarkedSensitive,
            AuditAction.RevealedDetails,
            AuditAction.Reassigned,
            AuditAction.Released,
            AuditAction.Claimed,
            AuditAction.ReleasedAtHandover,
            AuditAction.Claimed,
            AuditAction.ReleasedIdle,
            AuditAction.Claimed,
            AuditAction.Resolved,
            AuditAction.Reopened,
            AuditAction.ConsultAnswered,
            AuditAction.Other,
        ];
        Assert.Equal(expected, history.Select(h => h.Action));
        Assert.Equal(new AuditDetail { LinkedTo = 3 }, history[0].Detail);
        Assert.Equal(new AuditDetail { Team = "Legal" }, history[4].Detail);
        Assert.Equal(new AuditDetail { Team = "Legal" }, history[5].Detail);
        Assert.Equal(new AuditDetail { Assignee = new Person("", "Sky Specialist") }, history[15].Detail);
        Assert.Equal(new AuditDetail { Outcome = Outcome.NoViolation }, history[22].Detail);
        Assert.Equal(new AuditDetail { Words = "something nobody wrote since" }, history[25].Detail);
        Assert.Null(history[2].Detail);

        // Everything else reads as it did.
        Assert.Equal(
            new AuditEntry(
                12,
                T0.AddMinutes(6),
                new Person("spec-1", "Sam Specialist"),
                AuditAction.Consulting,
                CaseState.Claimed,
                CaseState.Consulting,
                "Defamatory?",
                new AuditDetail { Team = "Legal" }
            ),
            history[4]
        );
        Assert.Null(history[0].From);
    }

    [Fact]
    public async Task Old_rows_show_on_the_timeline_exactly_as_before()
    {
        foreach (var row in OldRows)
        {
            await table.AddEntityAsync(row);
        }

        var timeline = (await store.HistoryAsync(12, CancellationToken.None)).Select(CaseViews.Entry).ToList();

        // What the timeline showed for these rows before: the stored sentence, and the change of state if any.
        Assert.Equal(
            OldRows.Select(r =>
                r.GetString("FromState") is { } from && from != r.GetString("ToState")
                    ? $"{r.GetString("Action")} ({Labels.Of(Enum.Parse<CaseState>(from))} → {Labels.Of(Enum.Parse<CaseState>(r.GetString("ToState")))})"
                    : r.GetString("Action")
            ),
            timeline.Select(e => e.What)
        );
        Assert.Equal(OldRows.Select(r => r.GetString("Text")), timeline.Select(e => e.Text));
    }

    [Fact]
    public async Task One_old_row_reads_by_its_version_too()
    {
        await table.AddEntityAsync(OldRows[15]);

        var entry = await store.GetAuditAsync(12, 16, CancellationToken.None);

        Assert.Equal(
            new AuditEntry(
                12,
                T0.AddMinutes(17),
                new Person("lead-1", "Lee Lead"),
                AuditAction.Reassigned,
                CaseState.Claimed,
                CaseState.Claimed,
                null,
                new AuditDetail { Assignee = new Person("", "Sky Specialist") }
            ),
            entry
        );
    }

    [Fact]
    public async Task New_rows_keep_the_code_and_every_detail()
    {
        var sky = new Person("spec-2", "Sky Specialist");
        AuditEntry[] entries =
        [
            new(1, T0, sky, AuditAction.Filed, null, CaseState.New, "Threats", new AuditDetail { LinkedTo = 3 }),
            new(
                1,
                T0,
                sky,
                AuditAction.Reassigned,
                CaseState.Claimed,
                CaseState.Claimed,
                null,
                new AuditDetail { Assignee = sky }
            ),
            new(
                1,
                T0,
                sky,
                AuditAction.Resolved,
                CaseState.Claimed,
                CaseState.Resolved,
                "Satire.",
                new AuditDetail { Outcome = Outcome.Other }
            ),
            new(
                1,
                T0,
                sky,
                AuditAction.ConsultAnswered,
                CaseState.Consulting,
                CaseState.Claimed,
                "Fine.",
                new AuditDetail { Team = "Legal" }
            ),
            new(
                1,
                T0,
                CaseRules.SystemActor,
                AuditAction.ReleasedIdle,
                CaseState.Claimed,
                CaseState.New,
                null,
                new AuditDetail { FormerOwner = sky, IdleFor = TimeSpan.FromSeconds(4.5) }
            ),
            new(
                1,
                T0,
                sky,
                AuditAction.Other,
                CaseState.Claimed,
                CaseState.Claimed,
                null,
                new AuditDetail { Words = "kept as it was" }
            ),
            new(1, T0, sky, AuditAction.Claimed, CaseState.New, CaseState.Claimed),
        ];
        for (var version = 1; version <= entries.Length; version++)
        {
            await table.AddEntityAsync(AuditEntities.ToEntity(entries[version - 1], version));
        }

        Assert.Equal(entries, await store.HistoryAsync(1, CancellationToken.None));
        var stored = await table.GetEntityAsync<TableEntity>("cases", "audit|0000000001|000002");
        Assert.Equal(("Reassigned", "spec-2"), (stored.Value.GetString("Code"), stored.Value.GetString("AssigneeId")));
    }
}
