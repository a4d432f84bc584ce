using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Roster;

namespace EscalationBot.Features.CaseActions;

/// <summary>The owner or a lead hands a case to another specialist: chosen on a card, or named as people type names.</summary>
public sealed class ReassignHandler(
    CaseChanges changes,
    PeopleDirectory people,
    IConversationStore conversations,
    TeamRoster roster,
    CasePolicy policy
) : ICommandHandler<ChatCommand.Reassign>
{
    public async Task<Reply> HandleAsync(
        ChatCommand.Reassign command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply("Only specialists and leads can reassign cases.");
        }

        KnownPerson? assignee;
        if (command.TypedName is { } typed)
        {
            // A name as people type it: exact first, then the only name that starts with it.
            var staff = await people.StaffAsync(cancellationToken);
            var matches = staff.Where(p => string.Equals(p.Name, typed, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                matches = staff.Where(p => p.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (matches.Count != 1)
            {
                return new Reply(
                    matches.Count == 0
                        ? Unknown(typed, staff)
                        : $"\"{typed}\" could be {string.Join(" or ", matches.Select(p => p.Name))}: type more of the name."
                );
            }

            assignee = matches[0];
        }
        else
        {
            assignee = string.IsNullOrWhiteSpace(command.AssigneeId)
                ? null
                : await conversations.GetPersonAsync(command.AssigneeId, cancellationToken);
            if (assignee is null)
            {
                return new Reply("Choose who to hand the case to.");
            }
        }

        var target = new Actor(new Person(assignee.Id, assignee.Name), roster.RoleOf(assignee.Id));
        return await changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.Reassign(c, turn.Actor, target, now, policy),
            c => CaseChanges.TellOwner(c, OwnerNews.HandedToYou),
            c => $"{c.Id} is now with {target.Person.Name}.",
            cancellationToken
        );
    }

    private static string Unknown(string typed, IReadOnlyList<KnownPerson> staff)
    {
        var names =
            staff.Count == 0
                ? "none yet (people appear here once they have talked to me)"
                : string.Join(", ", staff.Select(p => p.Name));
        return $"I don't know a specialist called \"{(typed.Length > 40 ? typed[..40] + "…" : typed)}\". Specialists I know: {names}.";
    }
}
