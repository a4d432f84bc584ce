using System.Globalization;
using EscalationBot.Cards;
using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>
/// The words of a reminder. Plain text, so it reads the same in a notification; it names the case, its severity and
/// policy area, never its account, links or description, because a sensitive case must not show them in previews.
/// </summary>
public static class ReminderText
{
    public static string Of(Case c, Reminder r, DateTimeOffset now, CasePolicy policy, TimeZoneInfo zone)
    {
        var what = $"{c.Id} ({Labels.Of(c.Report.Severity)}, {Labels.Of(c.Report.PolicyArea)})";
        var target = r.Chase == Chase.FirstResponse ? "first-response" : "resolution";
        var span = r.Chase == Chase.FirstResponse ? c.Targets.FirstResponse : c.Targets.Resolution;
        var calendar = policy.CalendarFor(c);
        return (r.Chase, r.Step) switch
        {
            (Chase.Idle, 1) =>
                $"{what} has had no activity for {Durations.Format(policy.IdleNudge)}. Add a note or move it on, or "
                    + $"it goes back to the queue {At(calendar.Add(c.LastActivityAt ?? c.ClaimedAt ?? c.FiledAt, policy.IdleRelease), zone)}.",
            (Chase.Idle, _) =>
                $"{what} had no activity for {Durations.Format(policy.IdleRelease)} and is back in the queue.",
            (_, 100) => $"Breach: {what} has missed its {Durations.Format(span)} {target} "
                + $"target{(c.Owner is { } o ? $"; {o.Name} holds it" : "; nobody has claimed it")}.",
            _ => $"{what}: {r.Step}% of its {Durations.Format(span)} {target} target is gone; due "
                + $"{At(Due(c, r, calendar), zone)}{(c.Owner is null ? ". Claim it from its card in the queue." : ".")}",
        };
    }

    private static DateTimeOffset Due(Case c, Reminder r, SlaCalendar calendar) =>
        r.Chase == Chase.FirstResponse ? c.FirstResponseDue(calendar) : c.ResolutionDue(calendar);

    private static string At(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)
        + " "
        + Abbreviation(zone, at);

    /// <summary>Asia/Singapore → SGT; other zones show their UTC offset at that moment (summer time included).</summary>
    private static string Abbreviation(TimeZoneInfo zone, DateTimeOffset at)
    {
        if (zone.Id == "Asia/Singapore")
        {
            return "SGT";
        }

        var offset = zone.GetUtcOffset(at);
        return offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }
}
