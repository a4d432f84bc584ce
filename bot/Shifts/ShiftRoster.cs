using EscalationBot.Cards;
using EscalationBot.Cards.Shifts;
using EscalationBot.Cases;
using EscalationBot.Chat;
using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

/// <summary>Someone on one run of a shift: from <c>shift start</c> until <c>shift end</c> (or the run's end).</summary>
public sealed record OnShift(
    int ShiftIndex,
    DateTimeOffset RunStart,
    Person Person,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt = null
);

/// <summary>Who said they are on which run of a shift.</summary>
public interface IShiftRosterStore
{
    Task SaveAsync(OnShift entry, CancellationToken cancellationToken);

    /// <summary>Every entry of the runs that start in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<OnShift>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>
/// The live roster: who is on shift now and who is on the next one. People say so with <c>shift start</c> and
/// <c>shift end</c> (or the buttons on the digest); the people planned on a shift in configuration
/// (<see cref="ShiftDefinition.Members"/>) count as on it too, so that a team that never presses the buttons still
/// has a roster. A start up to <see cref="StartEarly"/> before a run counts for that run: people come in early
/// for the handover. Its answers and the <c>who</c> card give times in the team's zone, named (<see cref="TeamClock"/>).
/// </summary>
public sealed class ShiftRoster(
    IShiftRosterStore store,
    ShiftSchedule schedule,
    IConversationStore conversations,
    IOptions<TeamOptions> team,
    TimeProvider clock
)
{
    private readonly TeamClock times = new(team.Value.Zone());

    public static readonly TimeSpan StartEarly = TimeSpan.FromMinutes(30);

    /// <summary>The run a start at <paramref name="at"/> belongs to: the next one if it is about to begin, else the one in progress.</summary>
    public ShiftRun? RunToJoin(DateTimeOffset at) =>
        schedule.Next(at) is { } next && next.Start - at <= StartEarly ? next : schedule.Current(at);

    public async Task<string> StartAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsStaff)
        {
            return "Shifts are for specialists and leads.";
        }

        var now = clock.GetUtcNow();
        if (RunToJoin(now) is not { } run)
        {
            var next = schedule.Next(now);
            return next is null
                ? "No shift is running now, and none is planned in the next fortnight."
                : $"No shift is running now. The next is {next.Name}, from {times.Time(next.Start)}; "
                    + $"you can start it from {times.Time(next.Start - StartEarly)}.";
        }

        var mine = await OpenEntriesAsync(actor.Person.Id, now, cancellationToken);
        if (mine.FirstOrDefault(e => e.ShiftIndex == run.Index && e.RunStart == run.Start) is { } already)
        {
            return $"You are already on the {run.Name} shift, since {times.Time(already.StartedAt)}.";
        }

        // Starting a new run ends whatever run the person was still on (a double shift is two runs).
        foreach (var earlier in mine)
        {
            await store.SaveAsync(earlier with { EndedAt = now }, cancellationToken);
        }

        await store.SaveAsync(new OnShift(run.Index, run.Start, actor.Person, now), cancellationToken);
        var when = run.Start > now ? $"from {times.Time(run.Start)}" : $"until {times.Time(run.End)}";
        return $"You are on the {run.Name} shift {when}. Type 'shift end' when you leave.";
    }

    public async Task<string> EndAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsStaff)
        {
            return "Shifts are for specialists and leads.";
        }

        var now = clock.GetUtcNow();
        var mine = await OpenEntriesAsync(actor.Person.Id, now, cancellationToken);
        if (mine.Count == 0)
        {
            return "You are not on a shift. Type 'shift start' when you begin one.";
        }

        foreach (var entry in mine)
        {
            await store.SaveAsync(entry with { EndedAt = now }, cancellationToken);
        }

        var names = string.Join(" and ", mine.Select(e => schedule.Definition(e.ShiftIndex).Name).Distinct());
        return $"You are off the {names} shift. Cases you still hold stay with you: hand them over with 'reassign ESC-n name' or 'release ESC-n'.";
    }

    /// <summary>The current run and the next, with who is on each.</summary>
    public async Task<RosterView> WhoAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = schedule.Current(now);
        var next = schedule.Next(now);
        var entries = await store.ListAsync(now.AddDays(-2), now.AddDays(1), cancellationToken);
        IReadOnlySet<string> nobody = new HashSet<string>();
        var away = current is null ? nobody : await AwayAsync(current, entries, now, cancellationToken);
        return new RosterView(
            current is null ? null : await ShiftOfAsync(current, entries, away, cancellationToken),
            next is null ? null : await ShiftOfAsync(next, entries, nobody, cancellationToken)
        );
    }

    /// <summary>Who on <paramref name="run"/> is on a break: shown to others only as away (README, "Wellbeing").</summary>
    private async Task<IReadOnlySet<string>> AwayAsync(
        ShiftRun run,
        IReadOnlyList<OnShift> entries,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var ids = entries
            .Where(e => e.ShiftIndex == run.Index && e.RunStart == run.Start)
            .Select(e => e.Person.Id)
            .Concat(schedule.Definition(run.Index).MemberIds)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (await conversations.GetPeopleAsync(ids, cancellationToken))
            .Where(p => p.IsAway(now))
            .Select(p => p.Id)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The ids of everyone who was on <paramref name="run"/>: who started it (even if they have ended it since) and
    /// who is planned on it in configuration.
    /// </summary>
    public async Task<IReadOnlySet<string>> MembersAsync(ShiftRun run, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(run.Start, run.Start.AddSeconds(1), cancellationToken);
        return entries
            .Where(e => e.ShiftIndex == run.Index)
            .Select(e => e.Person.Id)
            .Concat(schedule.Definition(run.Index).MemberIds)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The people on <paramref name="run"/> the bot knows by name: who a case can be handed to at its start.</summary>
    public async Task<IReadOnlyList<Person>> PeopleOnAsync(ShiftRun run, CancellationToken cancellationToken)
    {
        var entries = (await store.ListAsync(run.Start, run.Start.AddSeconds(1), cancellationToken))
            .Where(e => e.ShiftIndex == run.Index && e.EndedAt is null)
            .ToList();
        var people = entries.Select(e => e.Person).ToList();
        foreach (
            var id in schedule
                .Definition(run.Index)
                .MemberIds.Where(id => people.All(p => !p.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
        )
        {
            if (await conversations.GetPersonAsync(id, cancellationToken) is { } known)
            {
                people.Add(new Person(known.Id, known.Name));
            }
        }

        return people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private async Task<IReadOnlyList<OnShift>> OpenEntriesAsync(
        string personId,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) =>
        (await store.ListAsync(now.AddDays(-2), now.AddDays(1), cancellationToken))
            .Where(e =>
                e.EndedAt is null
                && e.Person.Id == personId
                && (schedule.RunAt(e.ShiftIndex, e.RunStart)?.End ?? e.RunStart) > now
            )
            .ToList();

    private async Task<RosterShift> ShiftOfAsync(
        ShiftRun run,
        IReadOnlyList<OnShift> entries,
        IReadOnlySet<string> away,
        CancellationToken cancellationToken
    )
    {
        string Away(string id) => away.Contains(id) ? " · away" : "";
        var on = entries.Where(e => e.ShiftIndex == run.Index && e.RunStart == run.Start).ToList();
        var lines = on.Where(e => e.EndedAt is null)
            .Select(e => $"{e.Person.Name} · since {times.Time(e.StartedAt)}{Away(e.Person.Id)}")
            .ToList();
        lines.AddRange(
            on.Where(e => e.EndedAt is not null)
                .Select(e => $"{e.Person.Name} · left at {times.Time(e.EndedAt!.Value)}")
        );
        foreach (
            var id in schedule
                .Definition(run.Index)
                .MemberIds.Where(id => on.All(e => !e.Person.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
        )
        {
            var name = (await conversations.GetPersonAsync(id, cancellationToken))?.Name ?? id;
            lines.Add($"{name} · planned, not started{Away(id)}");
        }

        return new RosterShift(run.Name, times.Span(run.Start, run.End), lines);
    }
}
