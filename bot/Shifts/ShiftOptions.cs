using EscalationBot.Roster;

namespace EscalationBot.Shifts;

/// <summary>One named shift: when it runs, in which time zone, on which days, and who is planned on it.</summary>
public sealed class ShiftDefinition
{
    public string Name { get; set; } = "";
    public TimeOnly Start { get; set; }

    /// <summary>Not after <see cref="Start"/>: the shift crosses midnight and belongs to the day it starts.</summary>
    public TimeOnly End { get; set; }

    /// <summary>Empty: the shifts' default time zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Empty: every day. (Lists start empty: configuration binding adds to a list, it never replaces one.)</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>Local dates (of the shift's start) on which this shift does not run.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>
    /// Who is planned on this shift, as roster entries (<c>aad:{object id}</c>, <c>{channelId}:{from.id}</c>);
    /// <c>shift start</c> and <c>shift end</c> adjust it as people come and go.
    /// </summary>
    public List<string> Members { get; set; } = [];

    /// <summary><see cref="Members"/> as the identities people have in chat (<see cref="PersonId"/>).</summary>
    public IEnumerable<string> MemberIds => Members.Select(m => PersonId.FromEntry(m, out _)).OfType<string>();
}

/// <summary>What becomes of a case its outgoing owner made no choice for at a handover.</summary>
public enum UnchosenCases
{
    Release,
    Keep,
}

public sealed class ShiftsOptions
{
    public const string Section = "Shifts";

    /// <summary>The default time zone of the shifts (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Singapore";

    /// <summary>Around the clock in three shifts, every day, holidays included: the team's default rota.</summary>
    public static IReadOnlyList<ShiftDefinition> DefaultRota =>
        [
            new()
            {
                Name = "Morning",
                Start = new(7, 0),
                End = new(15, 0),
            },
            new()
            {
                Name = "Evening",
                Start = new(15, 0),
                End = new(23, 0),
            },
            new()
            {
                Name = "Night",
                Start = new(23, 0),
                End = new(7, 0),
            },
        ];

    /// <summary>The configured shifts; empty means <see cref="DefaultRota"/>.</summary>
    public List<ShiftDefinition> Definitions { get; set; } = [];

    public IReadOnlyList<ShiftDefinition> Rota => Definitions.Count > 0 ? Definitions : DefaultRota;

    /// <summary>Post a digest at every shift boundary (false: only 'handover' on demand, and no recurring jobs).</summary>
    public bool PostDigests { get; set; } = true;

    /// <summary>If nobody on the incoming shift presses "I've got it" within this time, the leads are nudged.</summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many entries each digest section shows before "and N more".</summary>
    public int DigestItems { get; set; } = 8;

    /// <summary>
    /// How long before their shift ends outgoing owners are asked to choose, for each open case they hold: keep it,
    /// hand it to someone on the incoming shift, or release it. Zero: nobody is asked (the digest still offers the choices).
    /// </summary>
    public TimeSpan AskOwnersBefore { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>What happens to a case its outgoing owner made no choice for: released to the queue, or kept.</summary>
    public UnchosenCases Unchosen { get; set; } = UnchosenCases.Release;

    /// <summary>How long after the boundary the choices stay open before <see cref="Unchosen"/> applies: the overlap in which the digest is read.</summary>
    public TimeSpan ChooseUntilAfterBoundary { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<string> Problems()
    {
        foreach (var (shift, i) in Rota.Select((s, i) => (s, i)))
        {
            var where = $"Shifts:Definitions:{i}";
            if (string.IsNullOrWhiteSpace(shift.Name))
            {
                yield return $"{where}:Name is required.";
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(shift.TimeZone ?? TimeZone, out _))
            {
                yield return $"{where}:TimeZone (or Shifts:TimeZone) must be a time zone id such as Asia/Singapore.";
            }

            if (shift.Start == shift.End)
            {
                yield return $"{where}: Start and End must differ (End before Start crosses midnight).";
            }

            foreach (var problem in RosterOptions.Check(shift.Members, $"{where}:Members"))
            {
                yield return problem;
            }
        }

        if (Rota.Select(d => d.Name.Trim().ToLowerInvariant()).Distinct().Count() != Rota.Count)
        {
            yield return "Shifts:Definitions must have distinct names.";
        }

        if (AcknowledgeWithin <= TimeSpan.Zero)
        {
            yield return "Shifts:AcknowledgeWithin must be positive.";
        }

        if (AskOwnersBefore < TimeSpan.Zero || ChooseUntilAfterBoundary < TimeSpan.Zero)
        {
            yield return "Shifts:AskOwnersBefore and Shifts:ChooseUntilAfterBoundary cannot be negative.";
        }

        if (!Enum.IsDefined(Unchosen))
        {
            yield return "Shifts:Unchosen must be Release or Keep.";
        }

        if (DigestItems is < 1 or > 25)
        {
            yield return "Shifts:DigestItems must be between 1 and 25.";
        }
    }
}
