using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Roster;

/// <summary>Decides a person's role from configuration; anyone not listed is a reporter (a partner manager).</summary>
public sealed class TeamRoster(IOptionsMonitor<RosterOptions> options)
{
    public Role RoleOf(params string?[] ids)
    {
        var roster = options.CurrentValue;
        bool Listed(List<string> list) => ids.Any(id => !string.IsNullOrEmpty(id) && list.Contains(id, StringComparer.OrdinalIgnoreCase));

        if (Listed(roster.Leads))
        {
            return Role.Lead;
        }

        return Listed(roster.Specialists) ? Role.Specialist : Role.Reporter;
    }
}
