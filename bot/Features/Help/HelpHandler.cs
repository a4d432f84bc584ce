using EscalationBot.Cards.Help;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;

namespace EscalationBot.Features.Help;

/// <summary>The list of commands, and the answer to a button whose data could not be read.</summary>
public sealed class HelpHandler : ICommandHandler<ChatCommand.Help>, ICommandHandler<ChatCommand.Unreadable>
{
    /// <summary>The commands the asker's role can use: its rows in the <see cref="CommandTable"/> say so.</summary>
    public Task<Reply> HandleAsync(ChatCommand.Help command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var help = CommandTable.HelpFor(turn.Actor.Role);
        return Task.FromResult(
            new Reply(Card: HelpCard.Build(command.Preface, help.Everyday, help.More, turn.Buttons))
        );
    }

    public Task<Reply> HandleAsync(
        ChatCommand.Unreadable command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) => Task.FromResult(new Reply(command.Why));
}
