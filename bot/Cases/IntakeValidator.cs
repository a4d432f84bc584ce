namespace EscalationBot.Cases;

/// <summary>
/// The intake's rules that need no form: how many links a report holds, what counts as a link, and how a typed
/// value names one of the rules' values. The intake card's own check is <c>Features/Intake/IntakeFormValidator</c>.
/// </summary>
public static class IntakeValidator
{
    public const int MaxUrls = 20;
    public const int MaxUrlLength = 2048;

    internal static bool IsWebUrl(string text) =>
        text.Length <= MaxUrlLength
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    /// <summary>Only the enum's own names: numbers and unknown names are refused.</summary>
    internal static T? ParseName<T>(string text)
        where T : struct, Enum =>
        text.Length > 0
        && !char.IsAsciiDigit(text[0])
        && !text.StartsWith('-')
        && Enum.TryParse<T>(text, ignoreCase: true, out var value)
        && Enum.IsDefined(value)
            ? value
            : null;
}
