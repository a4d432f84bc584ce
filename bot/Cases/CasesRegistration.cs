namespace EscalationBot.Cases;

public static class CasesRegistration
{
    /// <summary>
    /// The case rules' settings: reopen window, consult teams, the team's time zone, how long exposure is kept. The policy's calendar and idle
    /// limits are SLA settings: <c>AddSla</c> makes the <see cref="CasePolicy"/>.
    /// </summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<TeamOptions>()
            .Bind(builder.Configuration.GetSection(TeamOptions.Section))
            .Validate(
                o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "Team:TimeZone must be a time zone id such as Asia/Singapore."
            )
            .ValidateOnStart();

        builder
            .Services.AddOptions<CasesOptions>()
            .Bind(builder.Configuration.GetSection(CasesOptions.Section))
            .Validate(o => o.ReopenWindow >= TimeSpan.Zero, "Cases:ReopenWindow must not be negative.")
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CaseWorkflow>();
        return builder;
    }

    /// <summary>
    /// The policy the rules apply: the case settings with the SLA's business hours and idle limits, and the team's
    /// zone for the times its cards show.
    /// </summary>
    public static CasePolicy Policy(
        CasesOptions cases,
        BusinessHoursOptions businessHours,
        IdleOptions idle,
        TeamOptions team
    ) =>
        new(cases.ReopenWindow, cases.ConsultTeams.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList())
        {
            BusinessHours = businessHours.Calendar(),
            IdleNudge = idle.Nudge,
            IdleRelease = idle.Release,
            Zone = team.Zone(),
        };
}
