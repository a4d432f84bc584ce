using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EscalationBot.Tests.Deployment;

/// <summary>
/// Evaluates what `bicep snapshot` leaves unevaluated in a predicted resource: expressions over values Azure knows
/// only once the resources exist (a managed identity's client id, a web app's host name). The grammar is the small
/// part of ARM's that the template's settings use: string literals, format, replace, concat, parameters(...) and
/// reference(...).property. Anything else fails the test, so that a new kind of expression is looked at, not guessed.
/// </summary>
internal sealed partial class ArmExpressions(
    IReadOnlyDictionary<string, string> parameters,
    Func<string, string, string> reference
)
{
    public string Evaluate(string value)
    {
        if (!value.StartsWith('[') || value.StartsWith("[[", StringComparison.Ordinal))
        {
            return value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value;
        }

        var position = 1;
        var result = Expression(value, ref position);
        if (value[position..] != "]")
        {
            throw new FormatException($"Unexpected '{value[position..]}' in {value}");
        }

        return result;
    }

    private string Expression(string text, ref int at)
    {
        SkipSpaces(text, ref at);
        if (text[at] == '\'')
        {
            return Literal(text, ref at);
        }

        var name = Identifier().Match(text, at).Value;
        at += name.Length;
        Expect(text, ref at, '(');
        var args = new List<string>();
        while (text[at] != ')')
        {
            args.Add(Expression(text, ref at));
            SkipSpaces(text, ref at);
            if (text[at] == ',')
            {
                at++;
            }
        }

        at++;
        var path = at < text.Length && text[at] == '.' ? PropertyPath(text, ref at) : "";
        return (name, path) switch
        {
            ("reference", not "") => reference(args[0], path),
            ("parameters", "") => parameters[args[0]],
            ("format", "") => string.Format(CultureInfo.InvariantCulture, args[0], args.Skip(1).ToArray<object>()),
            ("replace", "") => args[0].Replace(args[1], args[2], StringComparison.Ordinal),
            ("concat", "") => string.Concat(args),
            _ => throw new NotSupportedException($"{name}(…){path} is not evaluated here: extend ArmExpressions."),
        };
    }

    private static string PropertyPath(string text, ref int at)
    {
        var path = new StringBuilder();
        while (at < text.Length && text[at] == '.')
        {
            var name = Identifier().Match(text, at + 1).Value;
            path.Append(path.Length == 0 ? "" : ".").Append(name);
            at += 1 + name.Length;
        }

        return path.ToString();
    }

    private static string Literal(string text, ref int at)
    {
        var literal = new StringBuilder();
        for (at++; ; at++)
        {
            if (text[at] == '\'' && (at + 1 >= text.Length || text[at + 1] != '\''))
            {
                at++;
                return literal.ToString();
            }

            literal.Append(text[at]);
            at += text[at] == '\'' ? 1 : 0;
        }
    }

    private static void Expect(string text, ref int at, char expected)
    {
        if (text[at] != expected)
        {
            throw new FormatException($"Expected '{expected}' at {at} in {text}");
        }

        at++;
    }

    private static void SkipSpaces(string text, ref int at)
    {
        while (text[at] == ' ')
        {
            at++;
        }
    }

    [GeneratedRegex(@"\G[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
