using EscalationBot.Cards;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Shifts;

namespace EscalationBot.Features.Wellbeing;

/// <summary>
/// "wellbeing": what the asker has handled of sensitive cases this shift run (or, outside any shift, the last
/// <see cref="WithoutShift"/>); a lead also gets the team's, one line a person. Exposure is personal: it is told only
/// in the asker's own 1:1 chat.
/// </summary>
public sealed class WellbeingHandler(
    ICaseStore store,
    ShiftSchedule shifts,
    PeopleDirectory people,
    CasePolicy policy,
    TimeProvider clock
) : ICommandHandler<ChatCommand.Wellbeing>
{
    public static readonly TimeSpan WithoutShift = TimeSpan.FromHours(8);

    public async Task<Reply> HandleAsync(
        ChatCommand.Wellbeing command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply("That is for the escalations team. To follow your own case, type: status ESC-n");
        }

        if (!turn.IsPersonal)
        {
            return new Reply("That is yours alone: ask me in our 1:1 chat.");
        }

        var now = clock.GetUtcNow();
        var run = shifts.Current(now);
        var from = run?.Start ?? now - WithoutShift;
        var held = (await store.ListOpenForDigestAsync(CaseFilter.None, cancellationToken))
            .Where(c => Exposure.Holder(c) is not null)
            .ToLookup(c => Exposure.Holder(c)!, c => c.Number);
        async Task<ExposureTally> TallyAsync(string personId) =>
            ExposureTally.Of(
                await store.ExposureAsync(personId, from, now, cancellationToken),
                held[personId].ToHashSet(),
                from,
                now
            );

        var own = await TallyAsync(turn.Actor.Person.Id);
        var period = run is null
            ? $"In the last {DurationText.Format(WithoutShift)}"
            : $"This shift ({run.Name}, since {new TeamClock(policy.Zone).Time(run.Start)})";
        var text =
            $"{period}: {Count(own.SensitiveTaken, "sensitive case")} taken, "
            + $"{Count(own.Revealed, "hidden detail")} revealed, and "
            + $"{DurationText.Format(own.Holding)} holding an open sensitive case.";
        if (turn.Actor.Role != Role.Lead)
        {
            return new Reply(text);
        }

        var team = new List<string>();
        foreach (var person in await people.StaffAsync(cancellationToken))
        {
            var tally = await TallyAsync(person.Id);
            if (tally != new ExposureTally(0, 0, TimeSpan.Zero))
            {
                team.Add(
                    $"- {person.Name}: {tally.SensitiveTaken} taken, {tally.Revealed} revealed, "
                        + $"{DurationText.Format(tally.Holding)} holding"
                );
            }
        }

        return new Reply(
            text
                + "\n\nThe team, this shift: "
                + (team.Count == 0 ? "nobody has handled a sensitive case." : "\n" + string.Join("\n", team))
        );
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
