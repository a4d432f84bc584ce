using EscalationBot.Cards.Wellbeing;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace EscalationBot.Wellbeing;

/// <summary>
/// Sends one person, in their 1:1 chat, the nudge for a limit they reached this shift run: what they have handled,
/// and a break offered (<see cref="BreakNudgeCard"/>). Reserved, sent and recorded through the delivery records, so
/// it goes once per limit per run, whatever retries and instances do.
/// </summary>
public sealed class NudgeSender(
    ExposureLedger ledger,
    IConversationStore conversations,
    ChatSender sender,
    DeliveryClaims claims,
    IOptionsMonitor<WellbeingOptions> options,
    ILogger<NudgeSender> logger
)
{
    public async Task<string> NudgeAsync(
        string personId,
        ExposureLimit limit,
        int shiftIndex,
        long runStartUnix,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            return $"{earlier.State} (recorded by a retry)";
        }

        var period = ledger.Period();
        if (period.Run?.Start.ToUnixTimeSeconds() != runStartUnix || period.Run.Index != shiftIndex)
        {
            return "shift over";
        }

        var exposure = await ledger.OfAsync(personId, period, cancellationToken);
        if (exposure.Away || !ledger.Reached(exposure.Tally).Contains(limit))
        {
            return "not due";
        }

        var nudge = WellbeingDeliveries.Nudge(limit, personId, shiftIndex, runStartUnix, period.Now);
        if ((await claims.ClaimAsync(nudge, context, cancellationToken)).Claim is not { } claim)
        {
            return "nudged already";
        }

        if ((await conversations.GetPersonAsync(personId, cancellationToken))?.PersonalAddress is not { } address)
        {
            await claims.CompleteAsync(context, claim, "undeliverable", null, cancellationToken);
            return "undeliverable";
        }

        var text = Text(limit, exposure.Tally);
        var card = BreakNudgeCard.Build(
            text,
            options.CurrentValue.BreakMinutes,
            ChatSender.ButtonsFor(ConversationAddress.Parse(address).ChannelId)
        );
        await sender.PostCardAsync(address, card, null, cancellationToken);
        await claims.CompleteAsync(context, claim, "sent", $"person:{personId}", cancellationToken);
        logger.LogInformation("{User} nudged to take a break ({Limit})", personId, limit);
        return "nudged";
    }

    private string Text(ExposureLimit limit, ExposureTally tally)
    {
        var why =
            limit == ExposureLimit.Cases
                ? $"You've handled {tally.SensitiveTaken} sensitive cases this shift."
                : $"You've been holding an open sensitive case for {DurationText.Format(tally.Continuous)} without a break.";
        return $"{why} In all this shift: {tally.SensitiveTaken} sensitive case(s) taken, {tally.Revealed} hidden "
            + $"detail(s) revealed, {DurationText.Format(tally.Holding)} holding one open. Stepping away for "
            + $"{options.CurrentValue.BreakMinutes} minutes helps: your cases stay yours, and their reminders go to "
            + "the queue while you are away. Only you see this.";
    }
}
