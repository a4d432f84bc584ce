using System.Diagnostics;
using System.Diagnostics.Metrics;
using EscalationBot.Cases;

namespace EscalationBot.Telemetry;

/// <summary>
/// The numbers an operator alerts on (README, "Deploy to Azure and Teams": the runbook). Each is recorded where the
/// thing is known to have happened once: a case change when its batch commits, a reminder when its delivery is
/// recorded, the outbox when a sweep reads it.
/// </summary>
public sealed class BotMetrics
{
    private readonly Counter<long> turns;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> filed;
    private readonly Counter<long> claimed;
    private readonly Counter<long> resolved;
    private readonly Counter<long> reminders;
    private readonly Counter<long> breaches;
    private OutboxReading outbox = new(0, TimeSpan.Zero);

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(BotTelemetry.Name);
        turns = meter.CreateCounter<long>("escalationbot.turns", "{turn}", "Activities handled, by type and outcome.");
        turnDuration = meter.CreateHistogram<double>(
            "escalationbot.turn.duration",
            "s",
            "How long a turn took, from the activity's arrival to the bot's last reply."
        );
        filed = meter.CreateCounter<long>("escalationbot.cases.filed", "{case}", "Cases filed.");
        claimed = meter.CreateCounter<long>("escalationbot.cases.claimed", "{case}", "Cases claimed.");
        resolved = meter.CreateCounter<long>("escalationbot.cases.resolved", "{case}", "Cases resolved.");
        reminders = meter.CreateCounter<long>(
            "escalationbot.reminders.sent",
            "{reminder}",
            "SLA and idle reminders acted on, by chase, step and state (sent, undeliverable, dropped)."
        );
        breaches = meter.CreateCounter<long>(
            "escalationbot.sla.breaches",
            "{breach}",
            "Targets missed: the 100% reminder of a first-response or resolution target, by target and severity."
        );
        meter.CreateObservableGauge(
            "escalationbot.outbox.backlog",
            () => Volatile.Read(ref outbox).Rows,
            "{row}",
            "Outbox rows not yet sent (queue cards, notices), as the last sweep read them."
        );
        meter.CreateObservableGauge(
            "escalationbot.outbox.oldest_age",
            () => Volatile.Read(ref outbox).Oldest.TotalSeconds,
            "s",
            "How long the oldest unsent outbox row has waited, as the last sweep read it."
        );
    }

    public void TurnEnded(string activityType, bool failed, TimeSpan took)
    {
        var tags = new TagList { { "activity.type", activityType }, { "outcome", failed ? "error" : "ok" } };
        turns.Add(1, tags);
        turnDuration.Record(took.TotalSeconds, tags);
    }

    /// <summary>A case change committed: counted once, since a replayed or conflicting change commits nothing.</summary>
    public void CaseCommitted(AuditAction action)
    {
        var counter = action switch
        {
            AuditAction.Filed => filed,
            AuditAction.Claimed => claimed,
            AuditAction.Resolved => resolved,
            _ => null,
        };
        counter?.Add(1);
    }

    /// <summary>A reminder's delivery recorded (<paramref name="state"/>: sent, undeliverable, dropped): once per reminder.</summary>
    public void ReminderDone(Reminder reminder, Severity severity, string state)
    {
        var tags = new TagList
        {
            { "chase", reminder.Chase.ToString() },
            { "step", reminder.Step },
            { "state", state },
        };
        reminders.Add(1, tags);
        if (reminder.IsBreach)
        {
            breaches.Add(
                1,
                new TagList { { "target", reminder.Chase.ToString() }, { "severity", severity.ToString() } }
            );
        }
    }

    public void OutboxRead(int rows, TimeSpan oldest) => Volatile.Write(ref outbox, new OutboxReading(rows, oldest));

    private sealed record OutboxReading(int Rows, TimeSpan Oldest);
}
