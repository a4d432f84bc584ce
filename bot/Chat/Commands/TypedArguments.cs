using System.Text.RegularExpressions;
using EscalationBot.Cases;

namespace EscalationBot.Chat.Commands;

/// <summary>Reads what follows a typed command's words. Everything here is user input; null means typed wrong.</summary>
public static partial class TypedArguments
{
    /// <summary>"ESC-12": anything non-empty; the handler says whether it is a case id.</summary>
    public static Func<string, T?> Case<T>(Func<string, T> build)
        where T : class => rest => rest.Length > 0 ? build(rest) : null;

    /// <summary>"ESC-12 some text": the case and the text after it, bounded.</summary>
    public static Func<string, T?> CaseAnd<T>(Func<string, string, T> build)
        where T : class =>
        rest => CaseAndText(rest) is var (id, text) ? build(id, TextLimits.Trim(text, TextLimits.Note)) : null;

    /// <summary>"ESC-12" and nothing after it: a case id as typed, for commands whose words start others too.</summary>
    public static bool IsCaseRef(string rest) => CaseAndText(rest) is (_, "");

    /// <summary>Nothing after the words: "handover", "shift start".</summary>
    public static Func<string, T?> Nothing<T>(Func<T> build)
        where T : class => rest => rest.Length == 0 ? build() : null;

    /// <summary>"sev1 hate-speech The reason": leading severity and policy-area words, then the reason.</summary>
    public static ChatCommand.Triage Triage(string caseRef, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? severity = null,
            area = null;
        while (
            words.Count > 0
            && CaseFilter.Parse(words[0]) is { Unknown: null, Filter: var f }
            && (f.Severity is not null || f.PolicyArea is not null)
        )
        {
            severity = f.Severity?.ToString() ?? severity;
            area = f.PolicyArea?.ToString() ?? area;
            words.RemoveAt(0);
        }

        return new ChatCommand.Triage(caseRef, area, severity, null, string.Join(' ', words));
    }

    /// <summary>"ESC-12 [outcome] summary": the outcome word is optional (other by default).</summary>
    public static ChatCommand.Resolve? Resolve(string rest)
    {
        if (CaseAndText(rest) is not var (caseRef, summary))
        {
            return null;
        }

        var space = summary.IndexOf(' ');
        var first = (space < 0 ? summary : summary[..space]).ToLowerInvariant();
        Outcome? outcome = first switch
        {
            "actioned" => Outcome.Actioned,
            "no-violation" or "noviolation" or "no_violation" => Outcome.NoViolation,
            "policy-decision" or "needs-policy-decision" or "policy" => Outcome.NeedsPolicyDecision,
            "other" => Outcome.Other,
            _ => null,
        };
        if (outcome is not null)
        {
            summary = space < 0 ? "" : summary[(space + 1)..].Trim();
        }

        return new ChatCommand.Resolve(
            caseRef,
            (outcome ?? Outcome.Other).ToString(),
            TextLimits.Trim(summary, TextLimits.Summary)
        );
    }

    private static (string Id, string Text)? CaseAndText(string rest)
    {
        var match = CaseThenText().Match(rest);
        return match.Success ? (match.Groups["id"].Value, match.Groups["text"].Value.Trim()) : null;
    }

    [GeneratedRegex(@"^(?<id>ESC[- ]?\d{1,9})(?:\s+(?<text>.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CaseThenText();
}
