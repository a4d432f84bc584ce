using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Chat;

public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Largest request /api/messages accepts; larger ones get 413. Teams caps a message near 100 KB.</summary>
    [Range(16 * 1024, 4 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The Entra tenants served. Empty: every tenant. Set: an activity from any other tenant, or naming none (every
    /// channel but Teams), is answered 200 with no reply and changes nothing (see <see cref="TenantGate"/>).
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>
    /// Outside Development and Testing the bot refuses to start without MicrosoftAppId, because it would then take
    /// anyone's requests and reply to any serviceUrl they name. True allows it anyway: for closed networks only.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// How long the record of an activity that changed a case is kept, so that a retry of it changes nothing. Teams
    /// retries within seconds; older records are removed once a day.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The bot's public base address (such as https://escalations.example.com), for the links it makes to its own
    /// endpoints. Unset: the address of the request being answered; a job, with no request, then makes no link.
    /// </summary>
    public Uri? PublicUrl { get; set; }
}
