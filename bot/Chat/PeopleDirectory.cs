using System.Collections.Concurrent;
using EscalationBot.Outages;
using EscalationBot.Roster;
using Microsoft.Bot.Builder;

namespace EscalationBot.Chat;

/// <summary>
/// Who the bot has met, kept in Table Storage so it survives restarts: names for reassignment, and each person's
/// 1:1 chat so the bot can tell them things. A turn writes only when something changed since this instance last wrote.
/// </summary>
public sealed class PeopleDirectory(IConversationStore store, TeamRoster roster, ILogger<PeopleDirectory> logger)
{
    private readonly ConcurrentDictionary<string, KnownPerson> written = new();

    public async Task RememberAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ChatIdentity.Of(activity) is not { } sender || activity.Conversation is null)
        {
            return;
        }

        var personal =
            activity.Conversation.ConversationType is null or "personal" && activity.Conversation.IsGroup != true;
        var known = written.TryGetValue(sender.Id, out var seen) ? seen : null;
        var person = new KnownPerson(
            sender.Id,
            string.IsNullOrWhiteSpace(activity.From.Name) ? known?.Name ?? sender.Name : sender.Name,
            activity.From.AadObjectId ?? known?.AadObjectId,
            personal
                ? ConversationAddress.Of(ConversationAddress.TopLevel(activity.GetConversationReference()))
                : known?.PersonalAddress
        );
        if (person == known)
        {
            return;
        }

        try
        {
            await store.SavePersonAsync(person, cancellationToken);
            written[person.Id] = person;
        }
        catch (Exception e) when (StorageFailure.IsOutage(e))
        {
            // Not worth failing the person's request for; the next turn tries again.
            logger.LogWarning(e, "Could not record {User} in the people directory", person.Id);
        }
    }

    /// <summary>Specialists and leads the bot has met, by name: who a case can be handed to. Read by their keys.</summary>
    public async Task<IReadOnlyList<KnownPerson>> StaffAsync(CancellationToken cancellationToken) =>
        (await store.GetPeopleAsync(roster.StaffIds(), cancellationToken))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
