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

    /// <summary>User ids planned on this shift; <c>shift start</c> and <c>shift end</c> adjust it as people come and go.</summary>
    public List<string> Members { get; set; } = [];
}

public sealed class ShiftsOptions
{
    public const string Section = "Shifts";

    /// <summary>The default time zone of the shifts (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Singapore";

    /// <summary>Around the clock in three shifts, every day, holidays included: the team's default rota.</summary>
    public static IReadOnlyList<ShiftDefinition> DefaultRota =>
    [
        new() { Name = "Morning", Start = new(7, 0), End = new(15, 0) },
        new() { Name = "Evening", Start = new(15, 0), End = new(23, 0) },
        new() { Name = "Night", Start = new(23, 0), End = new(7, 0) },
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
        }

        if (Rota.Select(d => d.Name.Trim().ToLowerInvariant()).Distinct().Count() != Rota.Count)
        {
            yield return "Shifts:Definitions must have distinct names.";
        }

        if (AcknowledgeWithin <= TimeSpan.Zero)
        {
            yield return "Shifts:AcknowledgeWithin must be positive.";
        }

        if (DigestItems is < 1 or > 25)
        {
            yield return "Shifts:DigestItems must be between 1 and 25.";
        }
    }
}
