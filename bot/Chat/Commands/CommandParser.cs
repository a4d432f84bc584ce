using System.Text.RegularExpressions;
using EscalationBot.Cards;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Chat.Commands;

/// <summary>Turns typed text and button data into commands, by the rows of the <see cref="CommandTable"/>. Everything it reads is user input.</summary>
public static partial class CommandParser
{
    /// <summary>
    /// Every typed form of every row, longest first: "handover note" is tried before "handover". Among forms of the
    /// same words, a row's own words come before another row's alias: "report ESC-12" before "report" for escalate.
    /// </summary>
    private static readonly IReadOnlyList<(string[] Words, CommandRow Row)> Typed = CommandTable
        .Rows.SelectMany(r =>
            r.Typed is null
                ? []
                : r
                    .Aliases.Select(phrase => (Words: phrase.Split(' '), Row: r, Alias: true))
                    .Prepend((Words: r.Typed.Split(' '), Row: r, Alias: false))
        )
        .OrderByDescending(p => p.Words.Length)
        .ThenBy(p => p.Alias)
        .Select(p => (p.Words, p.Row))
        .ToList();

    public static ChatCommand FromText(string? text)
    {
        // Teams keeps "<at>Bot</at>" in the text of a channel message; without a mention entity the SDK cannot strip it.
        var t = Whitespace().Replace(Mention().Replace(text ?? "", " "), " ").Trim();
        if (t.Length == 0)
        {
            return new ChatCommand.Help();
        }

        var words = t.Split(' ');
        var matches = Typed
            .Where(p =>
                p.Words.Length <= words.Length
                && p.Words.Select((w, i) => string.Equals(w, words[i], StringComparison.OrdinalIgnoreCase))
                    .All(same => same)
            )
            .ToList();
        if (matches.Count == 0)
        {
            // "setup everything": a word that starts commands, none of them typed in full.
            return Usage(words[0]) ?? new ChatCommand.Help($"I didn't understand \"{Shorten(t)}\".");
        }

        var (longest, row) = (matches[0].Words.Length, matches[0].Row);
        var rest = string.Join(' ', words.Skip(longest));
        // The same words may start two rows: the first that reads what follows has it.
        var command = matches
            .TakeWhile(m => m.Words.Length == longest)
            .Select(m => m.Row.FromText(rest))
            .FirstOrDefault(c => c is not null);
        // "handover note" typed wrong gets its own form; "handover xyz" every form that starts with "handover".
        return command ?? (row.Typed!.Contains(' ') ? new ChatCommand.Help($"Try: {row.Usage}") : Usage(row.Typed)!);
    }

    /// <summary>An Action.Submit: the data object, with the verb under <see cref="Verbs.SubmitVerbKey"/> and the inputs merged in.</summary>
    public static ChatCommand FromSubmit(JObject value) =>
        FromCard(
            value.Value<JToken>(Verbs.SubmitVerbKey) is { Type: JTokenType.String } verb ? verb.Value<string>() : null,
            value
        );

    /// <summary>An Action.Execute (or the normalized Action.Submit): a verb and its data.</summary>
    public static ChatCommand FromCard(string? verb, JObject? data)
    {
        var card = new CardData(data ?? []);
        var row = CommandTable.Rows.FirstOrDefault(r => r.CardVerb is not null && r.CardVerb == verb);
        return row switch
        {
            null => new ChatCommand.Unreadable(
                "That button is not one I know. It may be from an old card: type 'help' to start again."
            ),
            { NeedsCase: true } when card.Read(Verbs.CaseIdKey) is null => new ChatCommand.Unreadable(
                "That button does not say which case it is for."
            ),
            _ => row.FromCard(card)!,
        };
    }

    /// <summary>How to type it: the examples of every command that starts with <paramref name="first"/> ("shift start, or shift end").</summary>
    private static ChatCommand.Help? Usage(string first)
    {
        var examples = CommandTable
            .Rows.Where(r =>
                r.Typed is { } typed && string.Equals(typed.Split(' ')[0], first, StringComparison.OrdinalIgnoreCase)
            )
            .Select(r => r.Usage)
            .ToList();
        return examples.Count == 0 ? null : new ChatCommand.Help($"Try: {string.Join(", or ", examples)}");
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
