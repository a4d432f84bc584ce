using Microsoft.Extensions.Options;

namespace EscalationBot.Roster;

public static class RosterRegistration
{
    /// <summary>Who is staff: the roster's settings, checked at start, and the role lookup.</summary>
    public static WebApplicationBuilder AddRoster(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<RosterOptions>()
            .Bind(builder.Configuration.GetSection(RosterOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RosterOptions>, RosterOptionsValidator>();
        builder.Services.AddSingleton<TeamRoster>();
        return builder;
    }
}
