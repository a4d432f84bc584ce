using EscalationBot.Roster;
using EscalationBot.Sla;
using Microsoft.Extensions.Options;

namespace EscalationBot.Cases;

public static class CasesRegistration
{
    /// <summary>The case rules' settings: roster, SLA targets, the team's time zone.</summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RosterOptions>().Bind(builder.Configuration.GetSection(RosterOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RosterOptions>, RosterOptionsValidator>();
        builder.Services.AddOptions<SlaOptions>()
            .Bind(builder.Configuration.GetSection(SlaOptions.Section))
            .Validate(o => !o.Problems().Any(), "Sla settings are invalid: targets positive, first response within resolution, a known business-hours time zone with working days, idle nudge before release.")
            .ValidateOnStart();
        builder.Services.AddOptions<TeamOptions>()
            .Bind(builder.Configuration.GetSection(TeamOptions.Section))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Team:TimeZone must be a time zone id such as Asia/Singapore.")
            .ValidateOnStart();

        builder.Services.AddOptions<CasesOptions>()
            .Bind(builder.Configuration.GetSection(CasesOptions.Section))
            .Validate(o => o.ReopenWindow >= TimeSpan.Zero, "Cases:ReopenWindow must not be negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var cases = sp.GetRequiredService<IOptions<CasesOptions>>().Value;
            var sla = sp.GetRequiredService<IOptions<SlaOptions>>().Value;
            return new CasePolicy(cases.ReopenWindow, cases.ConsultTeams.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList())
            {
                BusinessHours = sla.BusinessHours.Calendar(),
                IdleNudge = sla.Idle.Nudge,
                IdleRelease = sla.Idle.Release,
            };
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TeamRoster>();
        builder.Services.AddSingleton<CaseWorkflow>();
        return builder;
    }
}
