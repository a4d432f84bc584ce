namespace EscalationBot.Cases;

public sealed class TeamOptions
{
    public const string Section = "Team";

    /// <summary>
    /// The team's home time zone (IANA id): partner deadlines typed on the intake card are read in it, and every time
    /// a card or a reply shows is in it, named (<c>Cards.TeamClock</c>).
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Singapore";

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
