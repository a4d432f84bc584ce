using EscalationBot.Cards.Cases;
using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>Tells a case's reporter, in the chat they filed it from, what a change means for them.</summary>
public sealed class ReporterNotifier(
    ICaseStore store,
    ChatSender sender,
    CasePolicy policy,
    TimeProvider clock,
    ILogger<ReporterNotifier> logger
)
{
    /// <summary>What the change that made case version <paramref name="version"/> means for the reporter.</summary>
    public async Task NotifyReporterAsync(
        int number,
        ReporterNotice notice,
        int version,
        CancellationToken cancellationToken
    )
    {
        var stored = await store.GetAsync(number, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var c =
            notice == ReporterNotice.Resolved
                ? await AsResolvedAsync(stored.Case, version, cancellationToken)
                : stored.Case;
        var reference = ConversationAddress.Parse(c.ReporterAddress);
        var view = CaseViews.Of(c, clock.GetUtcNow(), policy);
        var buttons = ChatSender.ButtonsFor(reference.ChannelId);
        var card = notice switch
        {
            ReporterNotice.Claimed => CaseNoticeCard.Claimed(view, buttons),
            ReporterNotice.Resolved => CaseNoticeCard.Resolved(view, buttons),
            ReporterNotice.SeverityChanged => CaseNoticeCard.SeverityChanged(view, buttons),
            ReporterNotice.Question => CaseNoticeCard.Question(
                view,
                await ChangeTextAsync(number, version, cancellationToken),
                buttons
            ),
            _ => CaseNoticeCard.Reopened(view, await ChangeTextAsync(number, version, cancellationToken)),
        };
        await sender.PostCardAsync(c.ReporterAddress, card, null, cancellationToken);
        logger.LogInformation("Reporter {User} told that {CaseId} is {Notice}", c.Reporter.Id, c.Id, notice);
    }

    /// <summary>
    /// The case with the resolution the change at <paramref name="version"/> recorded: the notice is sent after the
    /// change, and by then the case may have been reopened, or resolved again differently.
    /// </summary>
    private async Task<Case> AsResolvedAsync(Case c, int version, CancellationToken cancellationToken) =>
        await store.GetAuditAsync(c.Number, version, cancellationToken)
            is { Action: AuditAction.Resolved, Detail.Outcome: { } outcome } resolved
            ? c with
            {
                Resolution = new Resolution(outcome, resolved.Text ?? "", resolved.At),
            }
            : c;

    private async Task<string> ChangeTextAsync(int number, int version, CancellationToken cancellationToken) =>
        (await store.GetAuditAsync(number, version, cancellationToken))?.Text ?? "";
}
