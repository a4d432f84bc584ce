namespace EscalationBot.Cases;

/// <summary>Finds open cases that name the same content or account as a new report.</summary>
public static class DuplicateCheck
{
    /// <summary>What a report is matched on: its normalized links and account.</summary>
    public static IReadOnlySet<string> Keys(CaseReport report)
    {
        var keys = report.ContentUrls.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        if (Normalize(report.Account) is { Length: > 0 } account)
        {
            keys.Add(account);
        }

        return keys;
    }

    /// <summary>The oldest open case sharing a content URL or the affected account with <paramref name="report"/>, if any.</summary>
    public static Case? Find(CaseReport report, IEnumerable<Case> open) =>
        open.Where(c => Overlaps(report, c)).OrderBy(c => c.Number).FirstOrDefault();

    /// <summary>Whether <paramref name="report"/> names one of the case's content URLs or its affected account.</summary>
    public static bool Overlaps(CaseReport report, Case c)
    {
        var urls = report.ContentUrls.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var account = Normalize(report.Account);
        return c.Report.ContentUrls.Any(u => urls.Contains(Normalize(u)))
            || (account.Length > 0 && Normalize(c.Report.Account) == account);
    }

    /// <summary>
    /// The same link however it was pasted: scheme, "www." and "m." hosts, case, a trailing slash and tracking
    /// query strings do not make a different piece of content. Handles and other text are compared trimmed and lower-cased.
    /// </summary>
    public static string Normalize(string text)
    {
        text = text.Trim();
        if (
            !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        )
        {
            return text.TrimStart('@').ToLowerInvariant();
        }

        var host = uri.Host.ToLowerInvariant();
        foreach (var prefix in new[] { "www.", "m.", "mobile." })
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal))
            {
                host = host[prefix.Length..];
            }
        }

        var query = string.Join(
            '&',
            uri.Query.TrimStart('?')
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p =>
                    !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
                    && !p.StartsWith("fbclid=", StringComparison.OrdinalIgnoreCase)
                    && !p.StartsWith("igshid=", StringComparison.OrdinalIgnoreCase)
                )
                .Order(StringComparer.Ordinal)
        );
        var path = uri.AbsolutePath.TrimEnd('/').ToLowerInvariant();
        return query.Length == 0 ? $"{host}{path}" : $"{host}{path}?{query}";
    }
}
