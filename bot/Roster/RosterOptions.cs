namespace EscalationBot.Roster;

/// <summary>Who is staff. Ids as the channel reports them: <c>from.id</c>, or <c>aadObjectId</c> in Teams.</summary>
public sealed class RosterOptions
{
    public const string Section = "Roster";

    public List<string> Leads { get; set; } = [];
    public List<string> Specialists { get; set; } = [];
}
