using EscalationBot.Cases;
using EscalationBot.Deliveries;
using EscalationBot.Telemetry;
using Hangfire;
using Hangfire.Server;

namespace EscalationBot.Sla;

/// <summary>
/// The Hangfire job behind every SLA reminder: a plain class taking ids, so it runs (and is tested) without a
/// server. It judges the reminder against the case as stored now, reserves it with a delivery record before
/// sending, and only then sends; a retried job, a second instance or a sweep after a restart finds the record and
/// stops, and one that finds it held by another sender looks again when that sender's lease ends. A failed send
/// throws, and Hangfire retries it with growing delays (Teams answers 429 when a conversation gets more than about 7
/// messages a second); a retry after a send that went out but was not recorded records it instead of sending again.
/// </summary>
public sealed class SlaChaser(
    IReminderStore reminders,
    DeliveryClaims claims,
    ReminderActions actions,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    BotMetrics metrics,
    ILogger<SlaChaser> logger
)
{
    /// <summary>Clocks of two instances, and the store's rounding, may differ by this much.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When to ask Hangfire to run a reminder due at <paramref name="due"/>: the next whole second, because its
    /// scheduler keeps times in whole seconds and would otherwise start the job up to a second early.
    /// </summary>
    public static DateTimeOffset RunAt(DateTimeOffset due) =>
        DateTimeOffset.FromUnixTimeSeconds(due.ToUnixTimeSeconds() + 1);

    /// <summary>Longer than all of a job's retries together: the sweep gives a reminder a new job only after this.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(10);

    [AutomaticRetry(Attempts = 7, DelaysInSeconds = [2, 5, 10, 30, 60, 120, 300])]
    public async Task<string> RemindAsync(
        int number,
        Chase chase,
        int step,
        long round,
        DateTimeOffset rowDueAt,
        string rowKey,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            await reminders.ForgetAsync(rowKey, cancellationToken);
            return $"{earlier.State}: {earlier.SentTo} (recorded by a retry)";
        }

        var now = clock.GetUtcNow();
        if (await actions.FindAsync(number, chase, step, round, cancellationToken) is not ({ } stored, { } current))
        {
            // The case moved on (claimed, resolved, paused, touched): this reminder no longer applies.
            await reminders.ForgetAsync(rowKey, cancellationToken);
            return "no longer applies";
        }

        if (current.DueAt > now)
        {
            if ((current.DueAt - rowDueAt).Duration() > Tolerance)
            {
                // The deadline moved later (a wait on the reporter, a new severity, changed business hours). Index
                // the new moment before dropping the old row, so the reminder cannot fall between the two.
                await reminders.IndexAsync(current, cancellationToken);
                await reminders.ForgetAsync(rowKey, cancellationToken);
                return $"moved to {current.DueAt:O}";
            }

            jobs.Schedule<SlaChaser>(
                j => j.RemindAsync(number, chase, step, round, rowDueAt, rowKey, null, CancellationToken.None),
                RunAt(current.DueAt)
            );
            return "not due yet";
        }

        var claimed = await claims.ClaimAsync(current.Deliverable(), context, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            if (claimed.AlreadyDone)
            {
                await reminders.ForgetAsync(rowKey, cancellationToken);
                return "already done";
            }

            var again = RunAt(claims.LookAgainAt(claimed));
            jobs.Schedule<SlaChaser>(
                j => j.RemindAsync(number, chase, step, round, rowDueAt, rowKey, null, CancellationToken.None),
                again
            );
            return $"another sender holds it; looking again at {again:O}";
        }

        var (state, outcome) = await actions.ActAsync(stored, current, cancellationToken);
        var sentAt = clock.GetUtcNow();
        await claims.CompleteAsync(context, claim, state, outcome, cancellationToken);
        metrics.ReminderDone(current, stored.Case.Report.Severity, state);
        await reminders.ForgetAsync(rowKey, cancellationToken);
        logger.LogInformation(
            "Reminder {Key} of {CaseId}: {State} to {Outcome}, {Late} after due",
            current.Key,
            stored.Case.Id,
            state,
            outcome,
            sentAt - current.DueAt
        );
        return $"{state}: {outcome}";
    }
}
