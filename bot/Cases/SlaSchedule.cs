using System.Globalization;

namespace EscalationBot.Cases;

/// <summary>
/// What a reminder chases: the first response (a claim), the resolution, or an owner gone quiet. Its name is stored
/// (the due-time index, the delivery record's kind and key): never rename a value.
/// </summary>
public enum Chase
{
    FirstResponse,
    Resolution,
    Idle,
}

/// <summary>
/// One moment at which someone must hear about a case. <see cref="Step"/> is the share of the target gone (50, 80,
/// 100: the breach), or for <see cref="Chase.Idle"/> 1 (nudge the owner) and 2 (release the case).
/// <see cref="Round"/> tells apart reminders for the same step that rightly happen again: new targets (a reopened
/// case, a new severity), or a new quiet spell after activity. Key: case, target, threshold and round; it is the key
/// of the delivery record, written before anything is sent, so nothing is sent twice.
/// </summary>
public sealed record Reminder(int Number, Chase Chase, int Step, long Round, DateTimeOffset DueAt)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Number:D10}|{Chase}|{Step}|{Round}");

    public bool IsBreach => Chase is Chase.FirstResponse or Chase.Resolution && Step == 100;
}

/// <summary>The reminders a case has as it stands, past and future; a pure function of the stored case and the policy.</summary>
public static class SlaSchedule
{
    public static readonly int[] Thresholds = [50, 80, 100];

    public static IReadOnlyList<Reminder> Of(Case c, CasePolicy policy)
    {
        var reminders = new List<Reminder>();
        if (!c.IsOpen)
        {
            return reminders;
        }

        var calendar = policy.CalendarFor(c);

        // First response: until the first claim. A released case has had its first response.
        if (c.State == CaseState.New && c.ClaimedAt is null)
        {
            foreach (var step in Thresholds)
            {
                reminders.Add(
                    new(
                        c.Number,
                        Chase.FirstResponse,
                        step,
                        c.TargetsRound,
                        calendar.Add(c.FiledAt, c.Targets.FirstResponse * step / 100)
                    )
                );
            }
        }

        // Resolution: while the clock runs (not while waiting on the reporter).
        if (c.PausedSince is null)
        {
            var from = c.ResolutionClockFrom ?? c.FiledAt;
            foreach (var step in Thresholds)
            {
                reminders.Add(
                    new(
                        c.Number,
                        Chase.Resolution,
                        step,
                        c.TargetsRound,
                        calendar.Add(from, (c.Targets.Resolution * step / 100) + c.PausedFor)
                    )
                );
            }
        }

        // Idle: an owner holding the case with nothing happening. Waiting on the reporter or on another team is not idle.
        if (c.State is CaseState.Claimed or CaseState.Reopened && c.Owner is not null)
        {
            var quietSince = c.LastActivityAt ?? c.ClaimedAt ?? c.FiledAt;
            var round = quietSince.ToUnixTimeSeconds();
            if (policy.IdleNudge > TimeSpan.Zero)
            {
                reminders.Add(new(c.Number, Chase.Idle, 1, round, calendar.Add(quietSince, policy.IdleNudge)));
            }

            if (policy.IdleRelease > TimeSpan.Zero)
            {
                reminders.Add(new(c.Number, Chase.Idle, 2, round, calendar.Add(quietSince, policy.IdleRelease)));
            }
        }

        return reminders;
    }
}
