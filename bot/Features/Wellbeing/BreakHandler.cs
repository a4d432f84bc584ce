using EscalationBot.Cards;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Wellbeing;
using Microsoft.Extensions.Options;

namespace EscalationBot.Features.Wellbeing;

/// <summary>
/// "break [minutes]" (or a nudge's button), "break end", and a nudge's "Not now". During a break the person shows to
/// others as away, is not suggested for sensitive cases, and their cases' reminders go to the queue. A break is
/// theirs alone: it is started and answered only in their 1:1 chat.
/// </summary>
public sealed class BreakHandler(
    PeopleDirectory people,
    IConversationStore conversations,
    IOptionsMonitor<WellbeingOptions> options,
    CasePolicy policy,
    TimeProvider clock
) : ICommandHandler<ChatCommand.TakeBreak>, ICommandHandler<ChatCommand.EndBreak>, ICommandHandler<ChatCommand.NotNow>
{
    public const int LongestBreak = 8 * 60;

    public async Task<Reply> HandleAsync(
        ChatCommand.TakeBreak command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (Refusal(turn) is { } refused)
        {
            return refused;
        }

        var minutes = command.Minutes ?? options.CurrentValue.BreakMinutes;
        if (minutes is < 1 or > LongestBreak)
        {
            return new Reply($"A break is 1 to {LongestBreak} minutes. Try: break {options.CurrentValue.BreakMinutes}");
        }

        var until = clock.GetUtcNow().AddMinutes(minutes);
        await people.SetAwayAsync(turn.Actor.Person.Id, until, cancellationToken);
        return new Reply(
            $"Enjoy your break, until {new TeamClock(policy.Zone).Time(until)}. Others see you as away, you are not "
                + "suggested for new sensitive cases, and reminders about your cases go to the queue meanwhile. "
                + "Back early? Type: break end"
        );
    }

    public async Task<Reply> HandleAsync(
        ChatCommand.EndBreak command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (Refusal(turn) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var person = await conversations.GetPersonAsync(turn.Actor.Person.Id, cancellationToken);
        if (person?.IsAway(now) != true)
        {
            return new Reply("You are not on a break. To start one, type: break");
        }

        await people.SetAwayAsync(person.Id, now, cancellationToken);
        return new Reply("Welcome back. Your reminders come to you again.");
    }

    public Task<Reply> HandleAsync(ChatCommand.NotNow command, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult(Refusal(turn) ?? new Reply("All right. Whenever you want one, type: break"));

    /// <summary>Partner managers have no breaks here; and a break is never started or talked about in a shared conversation.</summary>
    private static Reply? Refusal(ChatTurn turn) =>
        !turn.Actor.IsStaff ? new Reply(WellbeingHandler.ForTheTeam)
        : !turn.IsPersonal ? new Reply("That is yours alone: tell me in our 1:1 chat.")
        : null;
}
