using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Roster;
using EscalationBot.Shifts;

namespace EscalationBot.Wellbeing;

/// <summary>
/// Rotates sensitive work (issue 17): for an open sensitive case nobody holds, up to two people on the shift run in
/// progress who are not on a break, the least exposed first (fewest sensitive cases taken this shift, then least time
/// holding one, then by name). Names only: the card says nothing of counts or breaks. Outside any shift run, nobody.
/// </summary>
public sealed class RotationSuggestions(ExposureLedger ledger, ShiftRoster shifts, TeamRoster team) : ICaseSuggestions
{
    public const int Count = 2;

    public async Task<IReadOnlyList<string>> ForAsync(Case c, CancellationToken cancellationToken)
    {
        var period = ledger.Period();
        if (!c.IsOpen || !c.IsSensitive || c.Owner is not null || period.Run is not { } run)
        {
            return [];
        }

        var people = (await shifts.PeopleOnAsync(run, cancellationToken))
            .Where(p => team.RoleOf(p.Id) != Role.Reporter)
            .ToList();
        if (people.Count == 0)
        {
            return [];
        }

        var exposure = await ledger.OfAsync(people.Select(p => p.Id).ToList(), period, cancellationToken);
        return people
            .Zip(exposure)
            .Where(p => !p.Second.Away)
            .OrderBy(p => p.Second.Tally.SensitiveTaken)
            .ThenBy(p => p.Second.Tally.Holding)
            .ThenBy(p => p.First.Name, StringComparer.OrdinalIgnoreCase)
            .Take(Count)
            .Select(p => p.First.Name)
            .ToList();
    }
}
