using EscalationBot.Cards;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Shifts;

namespace EscalationBot.Features.Wellbeing;

/// <summary>
/// "wellbeing": what the asker has handled of sensitive cases this shift run (or, outside any shift, the last
/// <see cref="WithoutShift"/>). Exposure is personal: it is told only in the asker's own 1:1 chat.
/// </summary>
public sealed class WellbeingHandler(ICaseStore store, ShiftSchedule shifts, CasePolicy policy, TimeProvider clock)
    : ICommandHandler<ChatCommand.Wellbeing>
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
        var me = turn.Actor.Person.Id;
        var events = await store.ExposureAsync(me, from, now, cancellationToken);
        var held = (await store.ListOpenForDigestAsync(new CaseFilter(OwnerId: me), cancellationToken))
            .Where(c => c.IsSensitive)
            .Select(c => c.Number)
            .ToHashSet();
        var tally = ExposureTally.Of(events, held, from, now);
        var clockText = new TeamClock(policy.Zone);
        var period = run is null
            ? $"In the last {DurationText.Format(WithoutShift)}"
            : $"This shift ({run.Name}, since {clockText.Time(run.Start)})";
        return new Reply(
            $"{period}: {Count(tally.SensitiveTaken, "sensitive case")} taken, "
                + $"{Count(tally.Revealed, "hidden detail")} revealed, and "
                + $"{DurationText.Format(tally.Holding)} holding an open sensitive case."
        );
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
