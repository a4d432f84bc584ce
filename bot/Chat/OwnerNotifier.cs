using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>Tells a case's owner, in their 1:1 chat with the bot, what others did to their case.</summary>
public sealed class OwnerNotifier(
    ICaseStore store,
    IConversationStore conversations,
    CaseCards cards,
    ChatSender sender,
    CasePolicy policy,
    IOptions<TeamOptions> team,
    ILogger<OwnerNotifier> logger
)
{
    /// <summary>
    /// Tells <paramref name="ownerId"/>, while they still own the case (or, for a release, its former owner), in their
    /// 1:1 chat with the bot, what the change that made case version <paramref name="version"/> did, with the case's
    /// current card. Nobody is told about their own action.
    /// </summary>
    public async Task TellOwnerAsync(
        int number,
        OwnerNews news,
        int version,
        string ownerId,
        CancellationToken cancellationToken
    )
    {
        var stored = await store.GetAsync(number, cancellationToken);
        var change = await store.GetAuditAsync(number, version, cancellationToken);
        var stillTheirs = news == OwnerNews.ReleasedIdle || stored?.Case.Owner?.Id == ownerId;
        if (stored is null || !stillTheirs || change is null || change.Actor.Id == ownerId)
        {
            return;
        }

        var person = await conversations.GetPersonAsync(ownerId, cancellationToken);
        if (person?.PersonalAddress is not { } address)
        {
            logger.LogInformation(
                "{User} has no 1:1 chat with the bot; {CaseId} shows them as owner on its card only",
                ownerId,
                stored.Case.Id
            );
            return;
        }

        var c = stored.Case;
        var text = news switch
        {
            OwnerNews.ReporterUpdate =>
                $"{change.Actor.Name}, who reported {c.Id}, sent more information{Quote(c, change.Text)}",
            OwnerNews.ConsultAnswer =>
                $"{change.Actor.Name} recorded the consult's answer on {c.Id}{Quote(c, change.Text)}",
            OwnerNews.ReportAdded => $"{change.Actor.Name} added a report to {c.Id} instead of filing a new case.",
            OwnerNews.ReleasedIdle => ReminderText.Of(
                c,
                new Reminder(number, Chase.Idle, 2, 0, change.At),
                change.At,
                policy,
                team.Value.Zone()
            ),
            _ => $"{change.Actor.Name} handed {c.Id} to you.",
        };
        var reference = ConversationAddress.Parse(address);
        var card = await cards.ForStaffAsync(stored, ChatSender.ButtonsFor(reference.ChannelId), cancellationToken);
        await sender.PostCardAsync(address, card, text, cancellationToken);
        logger.LogInformation("{User} told about {CaseId}: {News}", ownerId, c.Id, news);
    }

    /// <summary>
    /// The start of a person's text for a one-line notice (the whole text is on the case). A sensitive case's text
    /// stays out of it: notices show up in previews and pop-ups.
    /// </summary>
    private static string Quote(Case c, string? text) =>
        c.IsSensitive || string.IsNullOrWhiteSpace(text) ? "."
        : text.Length <= 200 ? $": \u201c{text.Trim()}\u201d"
        : $": \u201c{text[..200].Trim()}\u2026\u201d";
}
