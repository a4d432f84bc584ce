using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using EscalationBot.Shifts;

namespace EscalationBot.Tests.Shifts;

/// <summary>
/// Cases in every situation a handover has to mention, at the Evening → Night boundary, and the digests and choices
/// built from them: for <see cref="HandoverDigestTests"/> and the card samples.
/// </summary>
internal static class HandoverDigestSamples
{
    internal static readonly DateTimeOffset Boundary = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero); // 23:00 in Singapore
    internal static readonly Person Sam = new("sam", "Sam Specialist");
    internal static readonly Person Sky = new("sky", "Sky Specialist");
    internal static readonly ShiftRun Evening = new(1, "Evening", Boundary.AddHours(-8), Boundary);
    internal static readonly ShiftRun Night = new(2, "Night", Boundary, Boundary.AddHours(8));
    internal static readonly SlaTargets Sev1 = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4));
    internal static readonly SlaTargets Sev3 = new(TimeSpan.FromHours(4), TimeSpan.FromHours(72));

    internal static Case Make(
        int n,
        TimeSpan age,
        SlaTargets? targets = null,
        Severity severity = Severity.Sev3,
        PolicyArea area = PolicyArea.HateSpeech
    ) =>
        new(
            n,
            CaseState.New,
            new CaseReport(
                Platform.Instagram,
                "Example NGO",
                "@secret_account",
                ["https://instagram.com/p/secret"],
                area,
                severity,
                null,
                "Secret description"
            ),
            new Person("pm", "Pat"),
            "{}",
            Boundary - age,
            targets ?? Sev3
        );

    internal static Case Held(Case c, Person owner) =>
        c with
        {
            State = CaseState.Claimed,
            Owner = owner,
            ClaimedAt = c.FiledAt.AddMinutes(1),
        };

    internal static IReadOnlyList<Case> Situations() =>
        [
            Make(1, TimeSpan.FromHours(2)), // unclaimed, Sev3: fine
            Make(2, TimeSpan.FromMinutes(20), Sev1, Severity.Sev1), // unclaimed Sev1: first response breached
            Held(Make(3, TimeSpan.FromHours(5)), Sam),
            Held(Make(4, TimeSpan.FromHours(3, 30, 0), Sev1, Severity.Sev1), Sky) with
            {
                HandoverNote = new("Partner calls back at 9", Sky, Boundary.AddHours(-1)),
            }, // 87% of resolution gone
            Held(Make(5, TimeSpan.FromHours(1)), Sam) with
            {
                State = CaseState.WaitingOnReporter,
                PausedSince = Boundary.AddMinutes(-40),
            },
            Held(Make(6, TimeSpan.FromHours(1), area: PolicyArea.ChildSafety), Sky) with
            {
                State = CaseState.Consulting,
                Consult = new("Legal", "Lawful?", Sky, Boundary.AddMinutes(-90)),
            },
            Held(Make(7, TimeSpan.FromHours(30)), Sam) with
            {
                HandoverNote = new("Old note from yesterday", Sam, Boundary.AddHours(-20)),
            },
        ];

    internal static DigestInput Input(
        IReadOnlyList<Case> open,
        IReadOnlyList<Case>? resolved = null,
        IReadOnlySet<string>? members = null
    ) =>
        new(
            "Handover: Evening → Night",
            Night,
            Evening,
            open,
            resolved ?? [],
            members ?? new HashSet<string>(),
            Boundary
        );

    internal static Case Resolved(int n, bool inTime) =>
        Held(Make(n, TimeSpan.FromHours(6)), Sam) with
        {
            State = CaseState.Resolved,
            Resolution = new(
                Outcome.Actioned,
                "Removed",
                Boundary.AddHours(inTime ? -3 : -1) - TimeSpan.FromHours(inTime ? 0 : -70)
            ),
        };

    /// <summary>A digest for card samples and size checks: <paramref name="open"/> open cases, <paramref name="resolved"/> resolved.</summary>
    internal static HandoverView Digest(int open, int resolved)
    {
        var cases = Enumerable
            .Range(1, open)
            .Select(i =>
                i % 3 == 0
                    ? Held(Make(i, TimeSpan.FromMinutes(i * 7)), i % 2 == 0 ? Sam : Sky)
                    : Make(i, TimeSpan.FromMinutes(i * 5), i % 4 == 0 ? Sev1 : Sev3)
            )
            .Select(c =>
                c.Number % 10 == 0
                    ? c with
                    {
                        HandoverNote = new(new string('n', 400), Sam, Boundary.AddMinutes(-5)),
                    }
                    : c
            )
            .ToList();
        var done = Enumerable.Range(open + 1, resolved).Select(i => Resolved(i, i % 4 != 0)).ToList();
        var data = new Dictionary<string, string> { ["shift"] = "2", ["start"] = "1764000000" };
        var input = Input(cases, done, new HashSet<string> { Sam.Id, Sky.Id }) with { Options = Choices(data) };
        return HandoverDigest.Build(input, CasePolicy.Default, 8, acknowledgeData: data);
    }

    /// <summary>The keep / hand to / release choices at <see cref="Boundary"/>, with a long list of people on the incoming shift.</summary>
    internal static HandoverOptions Choices(IReadOnlyDictionary<string, string> cardData) =>
        new(
            Boundary.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Enumerable
                .Range(1, 15)
                .Select(i => new EscalationBot.Cards.AdaptiveCards.Choice(
                    $"Incoming Specialist {i}",
                    $"29:1a2b3c4d5e6f-incoming-{i}"
                ))
                .ToList(),
            "A case with no choice goes back to the queue at 23:15.",
            new Dictionary<string, string>(cardData) { ["card"] = "digest" }
        );
}
