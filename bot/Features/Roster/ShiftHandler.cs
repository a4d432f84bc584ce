using EscalationBot.Cards.Shifts;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Shifts;

namespace EscalationBot.Features.Roster;

/// <summary>The live roster: starting and ending one's shift, and who is on.</summary>
public sealed class ShiftHandler(ShiftRoster shiftRoster)
    : ICommandHandler<ChatCommand.StartShift>,
        ICommandHandler<ChatCommand.EndShift>,
        ICommandHandler<ChatCommand.Who>
{
    public async Task<Reply> HandleAsync(
        ChatCommand.StartShift command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) => new(await shiftRoster.StartAsync(turn.Actor, cancellationToken));

    public async Task<Reply> HandleAsync(
        ChatCommand.EndShift command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) => new(await shiftRoster.EndAsync(turn.Actor, cancellationToken));

    public async Task<Reply> HandleAsync(ChatCommand.Who command, ChatTurn turn, CancellationToken cancellationToken) =>
        turn.Actor.IsStaff
            ? new Reply(Card: RosterCard.Build(await shiftRoster.WhoAsync(cancellationToken), turn.Buttons))
            : new Reply("Who is on shift is for specialists and leads. To follow your own case, type: status ESC-n");
}
