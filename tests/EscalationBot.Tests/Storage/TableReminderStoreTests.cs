using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>The due-time index written with case changes, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableReminderStoreTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    private TableReminderStore Reminders => new(Table);

    [Fact]
    public async Task Filing_a_case_indexes_its_reminders_by_due_time_and_a_range_read_finds_what_is_due()
    {
        var c = await FileAsync(); // Sev1: first response 15 min, resolution 4 h, from T0

        var firstQuarterHour = await Reminders.DueByAsync(T0.AddMinutes(15), CancellationToken.None);
        Assert.Equal(
            [(Chase.FirstResponse, 50), (Chase.FirstResponse, 80), (Chase.FirstResponse, 100)],
            firstQuarterHour.Select(d => (d.Reminder.Chase, d.Reminder.Step))
        );
        Assert.Equal(SlaSchedule.Of(c, CasePolicy.Default).Take(3), firstQuarterHour.Select(d => d.Reminder));
        Assert.Equal(6, (await Reminders.DueByAsync(T0.AddDays(1), CancellationToken.None)).Count);
        Assert.Empty(await Reminders.DueByAsync(T0.AddMinutes(7), CancellationToken.None));
    }

    [Fact]
    public async Task A_change_adds_the_rows_of_the_reminders_it_makes_due_and_leaves_obsolete_ones_for_the_sweep()
    {
        var c = await FileAsync();
        var stored = (await Cases.GetAsync(c.Number, CancellationToken.None))!;
        var claimed = ((Decision.Accepted)CaseRules.Claim(c, Sam, T0.AddMinutes(5))).Case;
        var audit = new AuditEntry(
            c.Number,
            T0.AddMinutes(5),
            Sam.Person,
            AuditAction.Claimed,
            CaseState.New,
            CaseState.Claimed
        );
        Assert.True(await Cases.TryReplaceAsync(stored, claimed, audit, CancellationToken.None));

        var due = await Reminders.DueByAsync(T0.AddDays(1), CancellationToken.None);
        // Six from filing (the first-response ones now obsolete) and the two idle ones the claim started.
        Assert.Equal(8, due.Count);
        Assert.Equal(2, due.Count(d => d.Reminder.Chase == Chase.Idle));

        await Reminders.ForgetAsync(due[0].RowKey, CancellationToken.None);
        await Reminders.ForgetAsync(due[0].RowKey, CancellationToken.None); // gone already is fine
        Assert.Equal(7, (await Reminders.DueByAsync(T0.AddDays(1), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_change_writes_again_every_row_still_to_come_so_a_lost_row_comes_back()
    {
        var c = await FileAsync();
        foreach (var row in await Reminders.DueByAsync(T0.AddDays(1), CancellationToken.None))
        {
            await Reminders.ForgetAsync(row.RowKey, CancellationToken.None); // as for a case filed before the index existed
        }

        var stored = (await Cases.GetAsync(c.Number, CancellationToken.None))!;
        var noted = ((Decision.Accepted)CaseRules.Note(c, Sam, "Looking", T0.AddMinutes(10))).Case;
        Assert.True(
            await Cases.TryReplaceAsync(
                stored,
                noted,
                new AuditEntry(c.Number, T0.AddMinutes(10), Sam.Person, AuditAction.Note, CaseState.New, CaseState.New),
                CancellationToken.None
            )
        );

        // Everything after the change is indexed again; the 50% mark (7.5 min, already past) is not.
        var due = await Reminders.DueByAsync(T0.AddDays(1), CancellationToken.None);
        Assert.Equal(
            [
                (Chase.FirstResponse, 80),
                (Chase.FirstResponse, 100),
                (Chase.Resolution, 50),
                (Chase.Resolution, 80),
                (Chase.Resolution, 100),
            ],
            due.Select(d => (d.Reminder.Chase, d.Reminder.Step))
        );
    }
}
