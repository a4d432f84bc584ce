using EscalationBot.Cards;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using Hangfire;
using Hangfire.Server;

namespace EscalationBot.Insight;

/// <summary>
/// The weekly report, posted to the leads' channel once per week (the work behind <see cref="WeeklyReportJob"/>):
/// its delivery record claimed, the report built and posted, the record completed. A week missed while no
/// instance ran is posted late, and says so.
/// </summary>
public sealed class WeeklyReportPoster(
    WeeklyReports reports,
    IConversationStore conversations,
    ChatSender sender,
    DeliveryClaims claims,
    IBackgroundJobClient jobs,
    CasePolicy policy
)
{
    /// <summary>A report posted more than this after it was due says that it is late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    public async Task<string> PostAsync(
        long weekStartUnix,
        DateTimeOffset now,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            return $"{earlier.State} (recorded by a retry)";
        }

        var week = reports.WeekFrom(DateTimeOffset.FromUnixTimeSeconds(weekStartUnix));
        var due = reports.DueAt(week);
        var claimed = await claims.ClaimAsync(
            new Deliverable(0, InsightDeliveries.WeeklyReport, 0, weekStartUnix, due),
            context,
            cancellationToken
        );
        if (claimed.Claim is not { } claim)
        {
            if (claimed.AlreadyDone)
            {
                return "posted already";
            }

            jobs.Schedule<WeeklyReportJob>(
                j => j.PostAsync(weekStartUnix, null, CancellationToken.None),
                claims.LookAgainAt(claimed)
            );
            return "another instance is posting it";
        }

        var late =
            now - due > LateAfter
                ? $"Posted late: it was due {new TeamClock(policy.Zone).Moment(due)}, when the bot was not running."
                : null;
        var (card, refusal) = await reports.BuildAsync(week, late, cancellationToken);
        if (card is null)
        {
            // Not yet: the filing index is being built. The record is released by its lease; a retry posts it.
            throw new InvalidOperationException(
                $"The weekly report of {weekStartUnix} cannot be built yet: {refusal}."
            );
        }

        if (await conversations.GetBindingAsync(Bindings.Leads, cancellationToken) is not { } leads)
        {
            await claims.CompleteAsync(context, claim, "undeliverable", null, cancellationToken);
            return "undeliverable: no leads' channel is bound";
        }

        await sender.PostCardAsync(leads.Address, card, null, cancellationToken);
        await claims.CompleteAsync(context, claim, "sent", Bindings.Leads, cancellationToken);
        return "posted";
    }
}
