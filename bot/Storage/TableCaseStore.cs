using Azure;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Sla;

namespace EscalationBot.Storage;

/// <summary>
/// Cases in one Table Storage table; key rules in <see cref="CaseKeys"/>. Every change also adds the due-time index
/// rows of the reminders it makes due (<see cref="SlaSchedule"/>), in the same batch, so no deadline is ever
/// committed without its row. Likewise its outbox rows and the record of the activity that made it (<see cref="CaseEffects"/>):
/// <paramref name="outboxWritten"/> is told the case's number after a commit that wrote outbox rows, and whether the
/// queue card's was the only one.
/// Each change also merges its case's summary (<see cref="CaseSummaries"/>), what the digest reads.
/// This file has the writes; the reads are in TableCaseStore.Reads.cs.
/// </summary>
public sealed partial class TableCaseStore(
    TableClient table,
    CasePolicy? policy = null,
    Action<IReadOnlyList<DueReminder>>? dueSoon = null,
    Action<int, bool>? outboxWritten = null,
    CaseNumbers? numbers = null,
    Action<AuditAction>? committed = null
) : ICaseStore
{
    private readonly CaseNumbers numbers = numbers ?? new CaseNumbers(table, CaseNumbers.DefaultBlock);

    /// <summary>A change that makes a reminder due this soon hands it to the sweep rather than waiting for its next look.</summary>
    private static readonly TimeSpan SoonWindow = TimeSpan.FromMinutes(10);

    private readonly CasePolicy policy = policy ?? CasePolicy.Default;

    private readonly RecentHistories recent = new();

    /// <summary>Where a change's audit row stands in its batch: a conflict there means another change took the version.</summary>
    private const int AuditIndex = 1;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        await MarkFiledIndexReadyIfEmptyAsync(cancellationToken);
    }

    public async Task<Filing> CreateAsync(
        Func<int, (Case Case, AuditEntry Audit)> build,
        CaseEffects effects,
        CancellationToken cancellationToken
    )
    {
        // The number comes from this instance's block (CaseNumbers); the case's rows are added in one batch, which
        // fails whole if the number's case row exists already (a counter set back by hand) or the activity filed before.
        for (var attempt = 0; ; attempt++)
        {
            var number = await numbers.NextAsync(cancellationToken);
            var (created, audit) = build(number);
            var auditRow = AuditEntities.ToEntity(audit, 1);
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, CaseEntities.ToEntity(created, CaseKeys.Case(number), 1)),
                new(TableTransactionActionType.Add, CaseEntities.ToEntity(created, CaseKeys.Open(number), 1)),
                new(TableTransactionActionType.Add, auditRow),
                new(TableTransactionActionType.UpsertReplace, FiledRow(created, 1)),
            };
            actions.AddRange(KeyRows(created));
            actions.AddRange(DueRows(null, created, audit.At));
            actions.Add(CaseSummaries.Merge(created, 1));
            var turnIndex = AddEffects(actions, created, 1, effects, audit.At);

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                recent.Committed(number, 1, auditRow);
                AfterCommit(actions, number, audit);
                return new Filing(created, null);
            }
            catch (TableTransactionFailedException e)
                when (e.Status == 409 && e.FailedTransactionActionIndex == turnIndex)
            {
                // The same submit filed a case already (a retried or doubled activity): nothing more is filed.
                numbers.GiveBack(number);
                return new Filing(null, await GetTurnAsync(effects.Turn!.Key, cancellationToken));
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && attempt < 50)
            {
                // The number is taken: take the next one.
            }
            catch
            {
                numbers.GiveBack(number);
                throw;
            }
        }
    }

    public async Task<Commit> TryReplaceAsync(
        StoredCase current,
        Case updated,
        AuditEntry audit,
        CaseEffects effects,
        CancellationToken cancellationToken
    )
    {
        var number = updated.Number;
        var version = current.Version + 1;
        var auditRow = AuditEntities.ToEntity(audit, version);
        var actions = new List<TableTransactionAction>
        {
            new(
                TableTransactionActionType.UpdateReplace,
                CaseEntities.ToEntity(updated, CaseKeys.Case(number), version),
                new ETag(current.ETag)
            ),
            new(TableTransactionActionType.Add, auditRow),
            new(TableTransactionActionType.UpsertReplace, FiledRow(updated, version)),
        };
        if (updated.IsOpen)
        {
            actions.Add(
                new(
                    TableTransactionActionType.UpsertReplace,
                    CaseEntities.ToEntity(updated, CaseKeys.Open(number), version)
                )
            );
            actions.AddRange(KeyRows(updated));
        }
        else if (current.Case.IsOpen)
        {
            // Only when it leaves the list: a closed case has no open row, and deleting a missing row fails the batch.
            actions.Add(
                new(
                    TableTransactionActionType.Delete,
                    new TableEntity(CaseKeys.Partition, CaseKeys.Open(number)),
                    ETag.All
                )
            );
            actions.AddRange(KeyRows(updated, open: false));
        }

        if (updated.IsOpen || current.Case.IsOpen)
        {
            actions.Add(CaseSummaries.Merge(updated, version));
        }

        actions.AddRange(DueRows(current.Case, updated, audit.At));
        actions.AddRange(ExposureRows(current.Case, updated, audit, version));
        if (
            updated.State == CaseState.Resolved
            && current.Case.State != CaseState.Resolved
            && updated.Resolution is { } resolution
        )
        {
            actions.Add(
                new(
                    TableTransactionActionType.UpsertReplace,
                    CaseEntities.ToEntity(updated, CaseKeys.Done(resolution.At, number), version)
                )
            );
        }

        var turnIndex = AddEffects(actions, updated, version, effects, audit.At);
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            recent.Committed(number, version, auditRow);
            AfterCommit(actions, number, audit);
            return Commit.Done;
        }
        catch (TableTransactionFailedException e)
            when (e.Status == 412 || (e.Status == 409 && e.FailedTransactionActionIndex == AuditIndex))
        {
            // The case changed since it was read (its ETag, or the next version's audit row, is taken).
            return Commit.Conflict;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == turnIndex)
        {
            return Commit.Replayed;
        }
    }

    /// <summary>The case's row in the filing index, replaced whole by every change (stats and exports read it).</summary>
    private static TableEntity FiledRow(Case c, int version) =>
        CaseEntities.ToEntity(c, CaseKeys.Filed(c.FiledAt, c.Number), version);

    /// <summary>Adds the change's outbox rows and, last, its activity record; returns the record's index in the batch (-1: none).</summary>
    private static int AddEffects(
        List<TableTransactionAction> actions,
        Case c,
        int version,
        CaseEffects effects,
        DateTimeOffset at
    )
    {
        actions.AddRange(OutboxEntities.Rows(c, version, effects, at));
        if (effects.Turn is not { } turn)
        {
            return -1;
        }

        actions.Add(new(TableTransactionActionType.Add, CaseEntities.ToEntity(turn, c.Number, at)));
        return actions.Count - 1;
    }

    /// <summary>
    /// Index rows for the case's reminders: every one still to come, and any this change makes due at once (a raised
    /// severity). Rows of reminders already past are not written again, because they were sent and removed. Rows the
    /// change makes obsolete stay: deleting them here could fail the batch if a sender removed one already, and the
    /// reminder job drops them when they come due.
    /// </summary>
    private IEnumerable<TableTransactionAction> DueRows(Case? before, Case after, DateTimeOffset now)
    {
        var existing = before is null ? [] : SlaSchedule.Of(before, policy).Select(CaseKeys.Due).ToHashSet();
        return SlaSchedule
            .Of(after, policy)
            .Where(r => r.DueAt > now || !existing.Contains(CaseKeys.Due(r)))
            .Select(r => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                CaseEntities.ToEntity(r, CaseKeys.Due(r))
            ))
            .ToList();
    }

    /// <summary>
    /// After a commit: count it, wake the outbox's sender if the change wrote outbox rows, and hand the sweep the
    /// reminders it made due soon.
    /// </summary>
    private void AfterCommit(IReadOnlyList<TableTransactionAction> actions, int number, AuditEntry audit)
    {
        committed?.Invoke(audit.Action);
        var now = audit.At;
        var outbox = actions
            .Select(a => a.Entity.RowKey)
            .Where(k => k.StartsWith(CaseKeys.OutboxPrefix, StringComparison.Ordinal))
            .ToList();
        if (outboxWritten is not null && outbox.Count > 0)
        {
            outboxWritten(number, outbox.All(k => k == CaseKeys.OutboxQueue(number)));
        }

        if (dueSoon is null)
        {
            return;
        }

        var soon = actions
            .Where(a => a.Entity.RowKey.StartsWith(CaseKeys.DuePrefix, StringComparison.Ordinal))
            .Select(a => new DueReminder(CaseEntities.ToReminder((TableEntity)a.Entity), a.Entity.RowKey))
            .Where(r => r.Reminder.DueAt <= now + SoonWindow)
            .ToList();
        if (soon.Count > 0)
        {
            dueSoon(soon);
        }
    }
}
