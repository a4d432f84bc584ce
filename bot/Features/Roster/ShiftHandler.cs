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
    )
    {
        var said = await shiftRoster.StartAsync(turn.Actor, cancellationToken);
        return await AnswerAsync(said, command.OnWho, turn, cancellationToken);
    }

    public async Task<Reply> HandleAsync(
        ChatCommand.EndShift command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        var said = await shiftRoster.EndAsync(turn.Actor, cancellationToken);
        return await AnswerAsync(said, command.OnWho, turn, cancellationToken);
    }

    public async Task<Reply> HandleAsync(ChatCommand.Who command, ChatTurn turn, CancellationToken cancellationToken) =>
        turn.Actor.IsStaff
            ? new Reply(Card: RosterCard.Build(await shiftRoster.WhoAsync(cancellationToken), turn.Buttons))
            : new Reply("Who is on shift is for specialists and leads. To follow your own case, type: status ESC-n");

    /// <summary>
    /// Pressed on the <c>who</c> card: the card is redrawn with the answer on it, so that it no longer shows the
    /// roster from before the press. Typed, or pressed on a digest: the answer alone.
    /// </summary>
    private async Task<Reply> AnswerAsync(
        string said,
        bool onWho,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) =>
        onWho && turn.FromCard && turn.Actor.IsStaff
            ? new Reply(
                Card: RosterCard.Build(await shiftRoster.WhoAsync(cancellationToken), turn.Buttons, said),
                ReplacesCard: true
            )
            : new Reply(said);
}
