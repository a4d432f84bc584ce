using EscalationBot.Outages;

namespace EscalationBot.Chat.Commands;

/// <summary>
/// Hands a command to the handler its row names (by the command's type), and answers a turn the case store could
/// not serve. One dispatcher for typed commands, Action.Submit and Action.Execute alike.
/// </summary>
public sealed class CommandDispatcher(IServiceProvider services, ILogger<CommandDispatcher> logger)
{
    public async Task<Reply> HandleAsync(ChatCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            return await CommandTable.For(command).RunAsync(services, command, turn, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsOutage(e))
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            logger.LogError(
                e,
                "Case store unavailable for {Command} by {User} (ref {Reference})",
                command.GetType().Name,
                turn.Actor.Person.Id,
                reference
            );
            return new Reply(StoreUnreachable(reference));
        }
    }

    /// <summary>The answer to a turn the case store could not serve; <paramref name="reference"/> is also in the log.</summary>
    public static string StoreUnreachable(string reference) =>
        $"I can't reach the case store right now, so I can't confirm that went through. Please try again in a minute. (ref {reference})";

    /// <summary>Stops the start while a row of the table has no handler registered: a command that could never be carried out.</summary>
    public static void CheckHandlers(IServiceCollection services)
    {
        var missing = CommandTable
            .Rows.Select(r => typeof(ICommandHandler<>).MakeGenericType(r.CommandType))
            .Where(handler => services.All(d => d.ServiceType != handler))
            .Select(handler => handler.GenericTypeArguments[0].Name)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No command handler registered for: {string.Join(", ", missing)}.");
        }
    }
}
