using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using EscalationBot.Chat;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace EscalationBot.Insight;

/// <summary>
/// Signs an <see cref="InsightLink"/> into a URL token with Data Protection (authenticated encryption: a token
/// cannot be read, changed or made without the key ring), and reads it back. The expiry is inside the payload and
/// judged by the bot's <see cref="TimeProvider"/>; ToTimeLimitedDataProtector would judge it by the system clock.
/// </summary>
public sealed class InsightLinks(
    IDataProtectionProvider protection,
    TimeProvider clock,
    IOptionsMonitor<BotOptions> options,
    IHttpContextAccessor http
) : IInsightLinks
{
    public const string Purpose = "Insight.Links.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public Uri? Create(InsightLink link, string fileName)
    {
        if (BaseAddress() is not { } address)
        {
            return null;
        }

        var token = Base64Url.EncodeToString(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(link, Json)));
        return new Uri($"{address.TrimEnd('/')}/insight/{token}/{Uri.EscapeDataString(fileName)}");
    }

    public InsightLink? Read(string token)
    {
        try
        {
            var link = JsonSerializer.Deserialize<InsightLink>(
                protector.Unprotect(Base64Url.DecodeFromChars(token)),
                Json
            );
            return link is not null && link.ExpiresAt > clock.GetUtcNow() ? link : null;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Bot:PublicUrl, else the address of the request being answered (after the forwarded headers).</summary>
    private string? BaseAddress()
    {
        if (options.CurrentValue.PublicUrl is { } configured)
        {
            return configured.AbsoluteUri;
        }

        return http.HttpContext?.Request is { Host.HasValue: true } request
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : null;
    }
}
