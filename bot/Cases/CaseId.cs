using System.Globalization;
using System.Text.RegularExpressions;

namespace EscalationBot.Cases;

/// <summary>Short ids people can type: ESC- followed by the case's sequence number.</summary>
public static partial class CaseId
{
    public const string Prefix = "ESC-";

    public static string Format(int number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts "ESC-12", "esc-12", "ESC 12" and "ESC12"; anything else is not a case id.</summary>
    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        return match.Success
            && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }

    [GeneratedRegex(@"^ESC[- ]?(\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
