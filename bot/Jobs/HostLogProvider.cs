using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace EscalationBot.Jobs;

/// <summary>
/// Hangfire's logging through this host's logger factory, as Hangfire's own AspNetCoreLogProvider does, except
/// that a logger asked for after the factory is gone logs nothing instead of throwing. Hangfire keeps one log
/// provider for the whole process: when a process runs several hosts (the tests do) and one of them stops, a
/// server starting in another would otherwise fail on ObjectDisposedException.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) =>
            false;
    }
}
