using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Roster;

/// <summary>Decides a person's role from configuration; anyone not listed is a reporter (a partner manager).</summary>
public sealed class TeamRoster(IOptionsMonitor<RosterOptions> options)
{
    /// <summary>The role of <paramref name="personId"/>, an identity as <see cref="PersonId"/> makes it.</summary>
    public Role RoleOf(string? personId)
    {
        if (string.IsNullOrEmpty(personId))
        {
            return Role.Reporter;
        }

        var roster = options.CurrentValue;
        bool Listed(List<string> entries) => entries.Any(e => PersonId.FromEntry(e, out _) == personId);
        return Listed(roster.Leads) ? Role.Lead
            : Listed(roster.Specialists) ? Role.Specialist
            : Role.Reporter;
    }

    /// <summary>Every specialist and lead, as <see cref="PersonId"/> makes their ids.</summary>
    public IReadOnlyList<string> StaffIds()
    {
        var roster = options.CurrentValue;
        return roster
            .Leads.Concat(roster.Specialists)
            .Select(e => PersonId.FromEntry(e, out _))
            .OfType<string>()
            .Distinct()
            .ToList();
    }
}
