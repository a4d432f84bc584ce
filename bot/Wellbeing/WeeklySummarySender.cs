using EscalationBot.Cards;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using EscalationBot.Roster;
using Hangfire;
using Hangfire.Server;

namespace EscalationBot.Wellbeing;

/// <summary>
/// Sends the week's wellbeing summary to each lead's 1:1 chat with the bot, never to a channel (the work behind
/// <see cref="WeeklySummaryJob"/>): one delivery record per lead and week, claimed, sent, completed. A lead with no
/// 1:1 chat is skipped; a send that fails for one lead does not keep it from the others.
/// </summary>
public sealed class WeeklySummarySender(
    WeeklySummaries summaries,
    SummaryWeeks weeks,
    IConversationStore people,
    TeamRoster roster,
    ChatSender sender,
    DeliveryClaims claims,
    IBackgroundJobClient jobs
)
{
    /// <summary>A summary sent more than this after it was due says that it is late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    public async Task<string> SendAsync(
        long dueUnix,
        DateTimeOffset now,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        // An earlier attempt's send, recorded now; then on to the leads it had not reached.
        await claims.FinishEarlierAttemptAsync(context, cancellationToken);

        var week = weeks.Ending(DateTimeOffset.FromUnixTimeSeconds(dueUnix));
        var leads = roster.StaffIds().Where(id => roster.RoleOf(id) == Role.Lead).ToList();
        var chats = (await people.GetPeopleAsync(leads, cancellationToken)).ToDictionary(
            p => p.Id,
            p => p.PersonalAddress
        );
        string? text = null;
        DateTimeOffset? lookAgain = null;
        var outcomes = new List<string>();
        var failures = new List<Exception>();
        foreach (var lead in leads)
        {
            if (chats.GetValueOrDefault(lead) is not { } chat)
            {
                outcomes.Add("no 1:1 chat");
                continue;
            }

            var claimed = await claims.ClaimAsync(
                WellbeingDeliveries.Summary(lead, week.To),
                context,
                cancellationToken
            );
            if (claimed.Claim is not { } claim)
            {
                if (claimed.AlreadyDone)
                {
                    outcomes.Add("sent already");
                    continue;
                }

                var at = claims.LookAgainAt(claimed);
                lookAgain = lookAgain > at ? lookAgain : at;
                outcomes.Add("another instance is sending it");
                continue;
            }

            text ??= await summaries.TextAsync(week, LateNote(week, now), cancellationToken);
            try
            {
                await sender.SendTextAsync(chat, text, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Its record stays held by this job until its lease ends: Hangfire's retry claims it again.
                failures.Add(e);
                outcomes.Add("failed");
                continue;
            }

            // A record that cannot be written fails the job here, before another send could take its place.
            await claims.CompleteAsync(context, claim, "sent", "personal", cancellationToken);
            outcomes.Add("sent");
        }

        if (lookAgain is { } again)
        {
            // Once, after the last lease another sender holds: in case it died holding one.
            jobs.Schedule<WeeklySummaryJob>(j => j.SendAsync(dueUnix, null, CancellationToken.None), again);
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"The weekly wellbeing summary of {dueUnix} failed for some leads.", failures);
        }

        return string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Key}: {g.Count()}"));
    }

    private string? LateNote(SummaryWeek week, DateTimeOffset now) =>
        now - week.To > LateAfter
            ? $"Sent late: it was due {new TeamClock(weeks.Zone).Moment(week.To)}, when the bot was not running"
            : null;
}
