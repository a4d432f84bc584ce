namespace EscalationBot.Chat.Commands;

/// <summary>Carries out one command of the <see cref="CommandTable"/>; a handler of a command family implements several.</summary>
public interface ICommandHandler<in T>
    where T : ChatCommand
{
    Task<Reply> HandleAsync(T command, ChatTurn turn, CancellationToken cancellationToken);
}
