namespace EscalationBot.Tests.Infrastructure;

/// <summary>What a host that refused to start said: every message in the exception and the ones inside it.</summary>
internal static class StartFailures
{
    public static string Messages(Exception failure)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>([failure]);
        while (pending.TryPop(out var e))
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (e.InnerException is not null)
            {
                pending.Push(e.InnerException);
            }
        }

        return string.Join("\n", messages);
    }
}
