using System.Collections.Concurrent;
using System.Diagnostics;
using EscalationBot.Cases;
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
    /// <summary>
    /// How long the staff list is kept before it is read again: every staff card shows it, and it changes only when a
    /// specialist first meets the bot or is renamed. A change this instance writes is seen at once; another
    /// instance's within this time.
    /// </summary>
    public static readonly TimeSpan StaffLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, KnownPerson> written = new();

    private StaffRead? staffRead;

    /// <summary>Moves on with every staff write, so that a read begun before it is not kept.</summary>
    private int staffWrites;

    private sealed record StaffRead(IReadOnlyList<string> Ids, IReadOnlyList<KnownPerson> Staff, long At);

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
            if (roster.RoleOf(person.Id) != Role.Reporter)
            {
                Interlocked.Increment(ref staffWrites);
                staffRead = null;
            }
        }
        catch (Exception e) when (StorageFailure.IsOutage(e))
        {
            // Not worth failing the person's request for; the next turn tries again.
            logger.LogWarning(e, "Could not record {User} in the people directory", person.Id);
        }
    }

    /// <summary>Starts or ends (<paramref name="until"/> now) a break: seen at once in this instance's staff list.</summary>
    public async Task SetAwayAsync(string id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await store.SetAwayAsync(id, until, cancellationToken);
        Interlocked.Increment(ref staffWrites);
        staffRead = null;
    }

    /// <summary>
    /// Specialists and leads the bot has met, by name: who a case can be handed to. Read by their keys, and kept for
    /// <see cref="StaffLifetime"/> (or until the roster changes).
    /// </summary>
    public async Task<IReadOnlyList<KnownPerson>> StaffAsync(CancellationToken cancellationToken)
    {
        var ids = roster.StaffIds();
        if (
            staffRead is { } read
            && Stopwatch.GetElapsedTime(read.At) < StaffLifetime
            && read.Ids.SequenceEqual(ids, StringComparer.Ordinal)
        )
        {
            return read.Staff;
        }

        var at = Stopwatch.GetTimestamp();
        var writes = Volatile.Read(ref staffWrites);
        var staff = (await store.GetPeopleAsync(ids, cancellationToken))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (Volatile.Read(ref staffWrites) == writes)
        {
            staffRead = new StaffRead(ids, staff, at);
        }

        return staff;
    }
}
