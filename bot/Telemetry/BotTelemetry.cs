using System.Diagnostics;

namespace EscalationBot.Telemetry;

/// <summary>
/// The bot's own trace source and meter, one name for both. Tags carry kinds and codes (activity type, audit action,
/// severity), never a person, a case's text or an id a reader could follow to one: the same rule as the logs.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "EscalationBot";

    /// <summary>Spans for each turn and each job (ASP.NET Core, HttpClient and the Azure SDK trace the rest).</summary>
    public static readonly ActivitySource Source = new(Name);
}
