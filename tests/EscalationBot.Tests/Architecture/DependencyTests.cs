using System.Reflection;
using EscalationBot.Cases;
using NetArchTest.Rules;

namespace EscalationBot.Tests.Architecture;

/// <summary>
/// Dependencies point one way: the case rules know no other folder, no card, chat, storage or job type, and the
/// top-level folders of bot/ depend on each other only as <see cref="Layers"/> allows, which has no cycle. Checked
/// on the compiled assembly (NetArchTest reads the IL: a constant the compiler copies in leaves no trace there).
/// </summary>
public sealed class DependencyTests
{
    private const string Root = "EscalationBot";
    private const string Cards = "Cards";

    private static readonly Assembly Bot = typeof(Case).Assembly;

    /// <summary>
    /// Which top-level folder (namespace) may depend on which: the layering, bottom to top. <see cref="Cards"/> is
    /// the card project. A folder not listed here fails <see cref="Every_folder_of_the_bot_has_a_place_in_the_layering"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Layers = new Dictionary<string, string[]>
    {
        ["Cases"] = [],
        ["Outages"] = [],
        ["Telemetry"] = ["Cases"],
        ["Roster"] = ["Cases"],
        ["Jobs"] = ["Cases", "Roster", "Telemetry"],
        ["Deliveries"] = ["Jobs"],
        ["Chat"] = ["Cases", "Roster", "Outages", "Telemetry", Cards],
        ["Sla"] = ["Cases", "Deliveries", "Jobs", "Chat", "Telemetry"],
        ["Shifts"] = ["Cases", "Roster", "Deliveries", "Jobs", "Chat", Cards],
        ["Outbox"] = ["Cases", "Jobs", "Chat", "Telemetry"],
        ["Wellbeing"] = ["Cases", "Roster", "Deliveries", "Jobs", "Chat", "Shifts", Cards],
        ["Storage"] = ["Cases", "Outages", "Deliveries", "Chat", "Sla", "Shifts", "Outbox", "Telemetry", "Wellbeing"],
        ["Health"] = ["Jobs", "Storage"],
        ["Insight"] = ["Cases", "Outages", "Roster", "Jobs", "Deliveries", "Chat", "Storage", Cards],
        ["Features"] =
        [
            "Cases",
            "Outages",
            "Roster",
            "Jobs",
            "Deliveries",
            "Chat",
            "Sla",
            "Shifts",
            "Outbox",
            "Storage",
            "Insight",
            "Wellbeing",
            Cards,
        ],
    };

    public static TheoryData<string> Folders => new(Layers.Keys);

    [Fact]
    public void The_case_rules_use_no_other_folder_card_chat_storage_job_or_framework_type()
    {
        var folders = Layers
            .Keys.Where(f => f != "Cases")
            .Append(Cards)
            .Select(f => (Namespace: Namespace(f), Target: f));
        string[] frameworks = ["Microsoft.Bot", "Azure", "Hangfire", "Newtonsoft"];
        var forbidden = folders.Concat(frameworks.Select(ns => (Namespace: ns, Target: ns))).ToList();

        var failing = forbidden
            .SelectMany(f => Failing(InFolder("Cases"), [f.Namespace]).Select(type => $"{type} -> {f.Namespace}"))
            .ToList();

        Assert.True(failing.Count == 0, "Cases depends on what it must not: " + string.Join("; ", failing));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_depends_only_on_the_folders_below_it(string folder)
    {
        var forbidden = Layers.Keys.Append(Cards).Where(f => f != folder && !Layers[folder].Contains(f)).ToList();
        var failing = forbidden
            .SelectMany(target => Failing(InFolder(folder), [Namespace(target)]).Select(type => $"{type} -> {target}"))
            .ToList();

        Assert.True(
            failing.Count == 0,
            $"{folder} may use only {string.Join(", ", Layers[folder])}: " + string.Join("; ", failing)
        );
    }

    [Fact]
    public void Every_folder_of_the_bot_has_a_place_in_the_layering()
    {
        var folders = Types
            .InAssembly(Bot)
            .GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns!.Split('.')[1])
            .ToHashSet();

        Assert.Contains("Cases", folders);
        Assert.Empty(folders.Except(Layers.Keys));
    }

    [Fact]
    public void The_layering_has_no_cycle()
    {
        var placed = new List<string>();
        var left = Layers.Keys.ToList();
        while (left.FirstOrDefault(f => Layers[f].All(d => d == Cards || placed.Contains(d))) is { } next)
        {
            placed.Add(next);
            left.Remove(next);
        }

        Assert.True(left.Count == 0, "These folders depend on each other in a circle: " + string.Join(", ", left));
    }

    [Fact]
    public void Chat_handlers_reach_jobs_only_through_the_outbox_or_a_notifier()
    {
        var features = InFolder("Features");
        // Features/ must hold something, or this rule would pass on nothing.
        Assert.NotEmpty(features.GetTypes());

        var failing = Failing(features, ["Hangfire"]);

        Assert.True(failing.Count == 0, "Handlers use Hangfire: " + string.Join(", ", failing));
    }

    private static string Namespace(string folder) => $"{Root}.{folder}";

    private static PredicateList InFolder(string folder) =>
        Types.InAssembly(Bot).That().ResideInNamespaceMatching($@"^{Root}\.{folder}(\..*)?$");

    /// <summary>The types (outermost, once) that depend on any of <paramref name="forbidden"/>.</summary>
    private static List<string> Failing(PredicateList types, string[] forbidden) =>
        (types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult().FailingTypeNames ?? [])
            .Select(n => n.Split('/', '+')[0])
            .Distinct()
            .ToList();
}
