using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EscalationBot.Chat.Commands;

namespace EscalationBot.Tests.Deployment;

/// <summary>
/// What the Teams app's command menus (the manifest's <c>bots[0].commandLists</c>, one list a scope) must keep with
/// the <see cref="CommandTable"/>: each title a typed command of a row, each description worked out from the row,
/// and no scope offering a command its people cannot use. The lists themselves are chosen by hand (see the README's
/// "The Teams app package"): personal holds all a partner manager can type, who has only the 1:1 chat, and what a
/// specialist types most there; team and groupChat hold the staff's everyday commands of the queue and leads'
/// channels.
/// </summary>
internal static class TeamsCommandMenu
{
    /// <summary>The command menu's documented limits; the schema allows more (12 commands, longer titles).</summary>
    public const int MaxCommands = 10;
    public const int MaxTitle = 32;
    public const int MaxDescription = 128;

    /// <summary>
    /// Who meets the bot in each scope: anyone in a 1:1 chat (partner managers are not on the team); only
    /// specialists and leads in the team's channels and group chats, where the queue and the leads' channel are.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Audience> People = new Dictionary<string, Audience>
    {
        ["personal"] = Audience.Everyone,
        ["team"] = Audience.Staff,
        ["groupChat"] = Audience.Staff,
    };

    /// <summary>The rows with a typed form and a help line, by their typed words: what a menu may offer.</summary>
    public static readonly IReadOnlyDictionary<string, CommandRow> Typed = CommandTable
        .Rows.Where(r => r is { Typed: not null, Help: not null })
        .ToDictionary(r => r.Typed!);

    /// <summary>
    /// A row's menu description: its usage as the help list shows it ("claim ESC-n"), a dash, and its help line;
    /// when that is over 128 characters, the help line's first sentence, else its first clause (to "; " or ": ").
    /// </summary>
    public static string Description(CommandRow row)
    {
        var usage = $"{row.Typed} {row.Arguments}".Trim();
        var help = row.Help!;
        var sentence = help.IndexOf(". ", StringComparison.Ordinal) is var s and > 0 ? help[..(s + 1)] : help;
        var clause = Regex.Match(help, "[;:] ") is { Success: true } c ? help[..c.Index] + "." : help;
        string[] candidates = [$"{usage} — {help}", $"{usage} — {sentence}", $"{usage} — {clause}"];
        return candidates.FirstOrDefault(d => d.Length <= MaxDescription) ?? candidates[^1];
    }

    /// <summary>Every way <paramref name="manifest"/>'s menus break the rules; none: they keep them.</summary>
    public static List<string> Problems(JsonNode manifest)
    {
        var problems = new List<string>();
        var lists = manifest["bots"]?[0]?["commandLists"]?.AsArray() ?? [];
        var listed = new Dictionary<string, List<string>>();
        foreach (var list in lists)
        {
            var titles = list!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
            foreach (var scope in list["scopes"]!.AsArray().Select(s => (string)s!))
            {
                if (!People.ContainsKey(scope) || !listed.TryAdd(scope, titles))
                {
                    problems.Add($"{scope}: an unknown scope, or a second list for it");
                }
            }

            problems.AddRange(CommandProblems(list));
        }

        problems.AddRange(People.Keys.Where(s => !listed.ContainsKey(s)).Select(s => $"{s}: no command list"));
        foreach (var (scope, titles) in listed.Where(l => People.ContainsKey(l.Key)))
        {
            problems.AddRange(ScopeProblems(scope, titles));
        }

        var partnerManagers = Typed.Values.Where(r => r.ShownTo.HasFlag(Audience.Reporters)).Select(r => r.Typed!);
        problems.AddRange(
            partnerManagers
                .Except(listed.GetValueOrDefault("personal") ?? [])
                .Select(t => $"personal: lacks '{t}', which a partner manager can type (they have only this menu)")
        );
        return problems;
    }

    private static IEnumerable<string> CommandProblems(JsonNode list)
    {
        var commands = list["commands"]!.AsArray();
        if (commands.Count > MaxCommands)
        {
            var scopes = list["scopes"]!.ToJsonString();
            yield return $"{scopes}: {commands.Count} commands; Teams shows at most {MaxCommands}";
        }

        foreach (var command in commands)
        {
            var title = (string)command!["title"]!;
            var description = (string?)command["description"];
            if (title.Length > MaxTitle)
            {
                yield return $"'{title}': title over {MaxTitle} characters";
            }

            if (!Typed.TryGetValue(title, out var row))
            {
                yield return $"'{title}' is not a typed command of the table (a row's Typed, with a help line)";
            }
            else if (description != Description(row))
            {
                yield return $"'{title}': description should be \"{Description(row)}\", not \"{description}\"";
            }
        }
    }

    private static IEnumerable<string> ScopeProblems(string scope, List<string> titles)
    {
        foreach (var title in titles.GroupBy(t => t).Where(g => g.Count() > 1))
        {
            yield return $"{scope}: '{title.Key}' is listed twice";
        }

        foreach (var row in titles.Distinct().Where(Typed.ContainsKey).Select(t => Typed[t]))
        {
            if ((row.ShownTo & People[scope]) == Audience.None)
            {
                yield return $"{scope}: '{row.Typed}' is for {row.ShownTo}, and nobody in {scope} can use it";
            }

            if (scope != "personal" && row.Help!.Contains("1:1 chat", StringComparison.Ordinal))
            {
                yield return $"{scope}: '{row.Typed}' works only in a 1:1 chat (its help line says so)";
            }
        }
    }
}
