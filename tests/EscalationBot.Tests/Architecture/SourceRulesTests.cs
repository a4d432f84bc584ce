using System.Reflection;
using System.Runtime.CompilerServices;

namespace EscalationBot.Tests.Architecture;

/// <summary>
/// The size rules of the house style, kept true by a test rather than a checklist: lines a reviewer can read side by
/// side (infra/format.sh wraps them; a string literal may stay longer, hence a share), files and services small
/// enough to read in one sitting.
/// </summary>
public sealed class SourceRulesTests
{
    private const int Width = 120;
    private const int HardWidth = 160;
    private const double MaxShareOverWidth = 0.02;
    private const int MaxFileLines = 300;
    private const int MaxConstructorParameters = 7;

    /// <summary>Where the C# lives; bin/ and obj/ hold what the build generates.</summary>
    private static readonly string[] SourceFolders = ["bot", "cards", "tests"];

    private static readonly IReadOnlyList<SourceFile> Files = SourceFolders.SelectMany(Read).ToList();

    [Fact]
    public void No_line_is_over_160_characters()
    {
        var offenders = Files
            .SelectMany(f => f.Lines.Select((line, i) => (f.Path, Number: i + 1, line.Length)))
            .Where(l => l.Length > HardWidth)
            .Select(l => $"{l.Path}:{l.Number} ({l.Length})")
            .ToList();

        Assert.True(
            offenders.Count == 0,
            $"{offenders.Count} lines are over {HardWidth} characters; wrap them (infra/format.sh wraps code, not "
                + $"string literals):\n{string.Join("\n", offenders)}"
        );
    }

    [Fact]
    public void Fewer_than_2_percent_of_lines_are_over_120_characters()
    {
        var total = Files.Sum(f => f.Lines.Count);
        var byFile = Files
            .Select(f => (f.Path, Long: f.Lines.Count(line => line.Length > Width)))
            .Where(f => f.Long > 0)
            .OrderByDescending(f => f.Long)
            .ToList();
        var over = byFile.Sum(f => f.Long);

        Assert.True(total > 1000, $"Only {total} lines of C# found under {RepoPaths.Root}: the wrong folder?");
        Assert.True(
            over < total * MaxShareOverWidth,
            $"{over} of {total} lines ({over * 100.0 / total:F1}%) are over {Width} characters, the limit is "
                + $"{MaxShareOverWidth:P0}; run infra/format.sh, then wrap by hand. By file:\n"
                + string.Join("\n", byFile.Select(f => $"{f.Path}: {f.Long}"))
        );
    }

    /// <summary>
    /// Tests included: a long test class is several behaviours in one file, and splitting it by behaviour (with a
    /// base class or a samples class for what they share) keeps each piece readable in one sitting too.
    /// </summary>
    [Fact]
    public void No_file_is_over_300_lines()
    {
        var offenders = Files
            .Where(f => f.Lines.Count > MaxFileLines)
            .Select(f => $"{f.Path} ({f.Lines.Count} lines)")
            .ToList();

        Assert.True(
            offenders.Count == 0,
            $"Files over {MaxFileLines} lines; split them by what they do:\n{string.Join("\n", offenders)}"
        );
    }

    /// <summary>
    /// Counts every parameter of a public constructor, services and settings alike: a class that needs more than
    /// seven things does more than one job. Records are data (a case has many fields) and are left out.
    /// </summary>
    [Fact]
    public void No_class_in_the_bot_takes_more_than_7_constructor_parameters()
    {
        var classes = typeof(Program)
            .Assembly.GetTypes()
            .Where(t => t.IsClass && !IsRecord(t) && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .ToList();
        var offenders = classes
            .SelectMany(t => t.GetConstructors().Select(c => (Type: t, Parameters: c.GetParameters())))
            .Where(c => c.Parameters.Length > MaxConstructorParameters)
            .Select(c => $"{c.Type.FullName} ({c.Parameters.Length}: {string.Join(", ", c.Parameters.Select(Name))})")
            .ToList();

        Assert.True(classes.Count > 50, $"Only {classes.Count} classes found in the bot's assembly.");
        Assert.True(
            offenders.Count == 0,
            $"Constructors with over {MaxConstructorParameters} parameters; split the class by what it does:\n"
                + string.Join("\n", offenders)
        );
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static string Name(ParameterInfo parameter) => $"{TypeName(parameter.ParameterType)} {parameter.Name}";

    private static string TypeName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
            : type.Name;

    private static IEnumerable<SourceFile> Read(string folder) =>
        Directory
            .EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, File.ReadAllLines(Path.Combine(RepoPaths.Root, path))));

    private sealed record SourceFile(string Path, IReadOnlyList<string> Lines);
}
