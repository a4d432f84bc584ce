namespace EscalationBot.Cases;

/// <summary>Which open cases a list shows: any combination of severity, policy area, platform, state and owner.</summary>
public sealed record CaseFilter(
    Severity? Severity = null,
    PolicyArea? PolicyArea = null,
    Platform? Platform = null,
    CaseState? State = null,
    string? OwnerId = null
)
{
    public static readonly CaseFilter None = new();

    /// <summary>The words a list accepts, for help and for refusals.</summary>
    public const string Words =
        "sev1–sev4, facebook, instagram, new, claimed, reopened, waiting, consulting, or a policy area such as hate-speech or child-safety";

    public bool Matches(Case c) =>
        (Severity is null || c.Report.Severity == Severity)
        && (PolicyArea is null || c.Report.PolicyArea == PolicyArea)
        && (Platform is null || c.Report.Platform == Platform)
        && (State is null || c.State == State)
        && (OwnerId is null || c.Owner?.Id == OwnerId);

    /// <summary>What the filter keeps, in words ("Sev1 critical, Facebook"), empty for none.</summary>
    public string Describe() =>
        string.Join(
            ", ",
            new[]
            {
                Severity is { } s ? Labels.Of(s) : null,
                PolicyArea is { } a ? Labels.Of(a) : null,
                Platform is { } p ? Labels.Of(p) : null,
                State is { } st ? Labels.Of(st) : null,
            }.Where(x => x is not null)
        );

    /// <summary>Reads "sev1 facebook hate-speech claimed"; the first word it does not know is returned as the error.</summary>
    public static (CaseFilter Filter, string? Unknown) Parse(string? text)
    {
        var filter = None;
        foreach (var word in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = Normalize(word);
            if (
                Enum.GetValues<Severity>()
                    .Where(s => Normalize(s.ToString()) == key)
                    .Select(s => (Severity?)s)
                    .FirstOrDefault() is
                { } severity
            )
            {
                filter = filter with { Severity = severity };
            }
            else if (
                Enum.GetValues<Platform>()
                    .Where(p => Normalize(p.ToString()) == key)
                    .Select(p => (Platform?)p)
                    .FirstOrDefault() is
                { } platform
            )
            {
                filter = filter with { Platform = platform };
            }
            else if (StateWords.TryGetValue(key, out var state))
            {
                filter = filter with { State = state };
            }
            else if (
                Enum.GetValues<PolicyArea>()
                    .Where(a => Normalize(a.ToString()) == key || Normalize(Labels.Of(a)) == key)
                    .Select(a => (PolicyArea?)a)
                    .FirstOrDefault() is
                { } area
            )
            {
                filter = filter with { PolicyArea = area };
            }
            else
            {
                return (filter, word);
            }
        }

        return (filter, null);
    }

    private static readonly Dictionary<string, CaseState> StateWords = new()
    {
        ["new"] = CaseState.New,
        ["claimed"] = CaseState.Claimed,
        ["reopened"] = CaseState.Reopened,
        ["waiting"] = CaseState.WaitingOnReporter,
        ["waitingonreporter"] = CaseState.WaitingOnReporter,
        ["consulting"] = CaseState.Consulting,
    };

    private static string Normalize(string text) =>
        new string(text.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
