using EscalationBot.Cards;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Roster;
using EscalationBot.Shifts;
using Microsoft.Extensions.Options;

namespace EscalationBot.Wellbeing;

/// <summary>One person's week: their exposure tally, and in how many shift runs they reached the case limit.</summary>
public sealed record PersonWeek(string PersonId, ExposureTally Tally, int RunsAtLimit);

/// <summary>
/// The weekly wellbeing summary for leads: per person who handled a sensitive case in the week, the cases taken,
/// details revealed, time holding one open and the shift runs in which they reached
/// <see cref="WellbeingOptions.SensitivePerShift"/>, with the team's total. Names and figures only, never a case's
/// content; it is for leads' 1:1 chats alone (<see cref="WeeklySummarySender"/>).
/// </summary>
public sealed class WeeklySummaries(
    ICaseStore store,
    PeopleDirectory people,
    TeamRoster roster,
    ShiftSchedule shifts,
    IOptionsMonitor<WellbeingOptions> options,
    CasePolicy policy,
    TimeProvider clock
)
{
    /// <summary>The week's figures of every specialist and lead who handled a sensitive case in it.</summary>
    public async Task<IReadOnlyList<PersonWeek>> WeekAsync(SummaryWeek week, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var end = now > week.To ? now : week.To;
        var heldNow = Exposure.HeldBy(await store.ListOpenForDigestAsync(CaseFilter.None, cancellationToken));
        // Each shift run is counted whole in the week it ends in: one in progress now is next week's.
        var runs = shifts
            .StartingBetween(week.From.AddDays(-2), week.To)
            .Where(r => r.End > week.From && r.End <= week.To)
            .ToList();
        var read = runs.Select(r => r.Start).Append(week.From).Min();
        var limit = options.CurrentValue.SensitivePerShift;
        var weeks = roster
            .StaffIds()
            .Select(async id =>
            {
                // Read up to now, so that a summary sent late still knows what was held when its week ended.
                var events = await store.ExposureAsync(id, read, end, cancellationToken);
                var inWeek = events.Where(e => e.At >= week.From && e.At <= week.To).ToList();
                var tally = ExposureTally.Of(
                    inWeek,
                    HeldAt(events, heldNow[id].ToHashSet(), week.To),
                    week.From,
                    week.To
                );
                var atLimit = runs.Count(r =>
                    events.Count(e => e.Kind == ExposureKind.Took && r.Covers(e.At)) >= limit
                );
                return new PersonWeek(id, tally, atLimit);
            });
        return (await Task.WhenAll(weeks)).Where(p => !p.Tally.IsEmpty).ToList();
    }

    /// <summary>The summary's text for the week, with <paramref name="lateNote"/> when it is sent late.</summary>
    public async Task<string> TextAsync(SummaryWeek week, string? lateNote, CancellationToken cancellationToken)
    {
        var figures = await WeekAsync(week, cancellationToken);
        var names = (await people.StaffAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        var title =
            $"Wellbeing, the week to {new TeamClock(policy.Zone).Moment(week.To)}, for leads only"
            + (lateNote is null ? "" : $". {lateNote}");
        if (figures.Count == 0)
        {
            return $"{title}: nobody handled a sensitive case.";
        }

        var lines = figures
            .Select(p => (Name: names.GetValueOrDefault(p.PersonId) ?? p.PersonId, Week: p))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => $"- {p.Name}: {Figures(p.Week.Tally, p.Week.RunsAtLimit)}");
        var team = new ExposureTally(
            figures.Sum(p => p.Tally.SensitiveTaken),
            figures.Sum(p => p.Tally.Revealed),
            figures.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Tally.Holding),
            TimeSpan.Zero
        );
        return $"{title}: sensitive cases handled, one line a person "
            + $"(case limit {options.CurrentValue.SensitivePerShift} a shift).\n"
            + string.Join("\n", lines)
            + $"\nTeam: {Figures(team, figures.Sum(p => p.RunsAtLimit))}";
    }

    private static string Figures(ExposureTally tally, int runsAtLimit) =>
        $"{tally.SensitiveTaken} taken, {tally.Revealed} revealed, {DurationText.Format(tally.Holding)} holding, "
        + $"at the case limit in {(runsAtLimit == 1 ? "1 shift" : $"{runsAtLimit} shifts")}";

    /// <summary>
    /// The sensitive cases a person held at <paramref name="at"/>: those held now, and those let go since, unless what
    /// they did with it first after <paramref name="at"/> was to take it.
    /// </summary>
    private static HashSet<int> HeldAt(IReadOnlyList<ExposureEvent> events, HashSet<int> heldNow, DateTimeOffset at)
    {
        var firstAfter = events
            .Where(e => e.At > at && e.Kind != ExposureKind.Revealed)
            .OrderBy(e => e.At)
            .GroupBy(e => e.CaseNumber)
            .ToDictionary(g => g.Key, g => g.First().Kind);
        return heldNow
            .Where(n => !firstAfter.ContainsKey(n))
            .Concat(firstAfter.Where(f => f.Value == ExposureKind.LetGo).Select(f => f.Key))
            .ToHashSet();
    }
}
