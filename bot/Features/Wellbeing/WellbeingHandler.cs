using EscalationBot.Cards;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Wellbeing;

namespace EscalationBot.Features.Wellbeing;

/// <summary>
/// "wellbeing": what the asker has handled of sensitive cases this shift run (or, outside any shift, the last
/// <see cref="ExposureLedger.WithoutShift"/>); a lead also gets the team's, one line a person. Exposure is personal:
/// it is told only in the asker's own 1:1 chat.
/// </summary>
public sealed class WellbeingHandler(ExposureLedger ledger, PeopleDirectory people, CasePolicy policy)
    : ICommandHandler<ChatCommand.ShowWellbeing>
{
    public const string ForTheTeam = "That is for the escalations team. To follow your own case, type: status ESC-n";

    public async Task<Reply> HandleAsync(
        ChatCommand.ShowWellbeing command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply(ForTheTeam);
        }

        if (!turn.IsPersonal)
        {
            return new Reply("That is yours alone: ask me in our 1:1 chat.");
        }

        // One read for the asker and, for a lead, the team: the ledger reads every open case once per call.
        var me = turn.Actor.Person.Id;
        var staff = turn.Actor.Role == Role.Lead ? await people.StaffAsync(cancellationToken) : [];
        var period = ledger.Period();
        var tallies = (
            await ledger.OfAsync(
                staff.Select(p => p.Id).Where(id => id != me).Prepend(me).ToList(),
                period,
                cancellationToken
            )
        ).ToDictionary(e => e.PersonId, e => e.Tally);
        var own = tallies[me];
        var when = period.Run is { } run
            ? $"This shift ({run.Name}, since {new TeamClock(policy.Zone).Time(run.Start)})"
            : $"In the last {DurationText.Format(ExposureLedger.WithoutShift)}";
        var text =
            $"{when}: {Count(own.SensitiveTaken, "sensitive case")} taken, "
            + $"{Count(own.Revealed, "hidden detail")} revealed, and "
            + $"{DurationText.Format(own.Holding)} holding an open sensitive case.";
        if (turn.Actor.Role != Role.Lead)
        {
            return new Reply(text);
        }

        var team = staff
            .Select(p => (p.Name, Tally: tallies[p.Id]))
            .Where(t => !t.Tally.IsEmpty)
            .Select(t =>
                $"- {t.Name}: {t.Tally.SensitiveTaken} taken, {t.Tally.Revealed} revealed, "
                + $"{DurationText.Format(t.Tally.Holding)} holding"
            )
            .ToList();
        return new Reply(
            text
                + "\n\nThe team, this shift: "
                + (team.Count == 0 ? "nobody has handled a sensitive case." : "\n" + string.Join("\n", team))
        );
    }

    public static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
