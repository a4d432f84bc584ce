using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Chat;

public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Largest request /api/messages accepts; larger ones get 413. Teams caps a message near 100 KB.</summary>
    [Range(16 * 1024, 4 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
