using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

public static class ShiftsRegistration
{
    /// <summary>The shift rota, checked at start.</summary>
    public static WebApplicationBuilder AddShifts(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<ShiftsOptions>()
            .Bind(builder.Configuration.GetSection(ShiftsOptions.Section))
            .Validate(
                o => !o.Problems().Any(),
                "Shifts settings are invalid: named shifts with distinct names, known time zones, "
                    + "at least one day each, start and end differing, Members named aad:<object id> or <channelId>:<from.id>."
            )
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ShiftSchedule(sp.GetRequiredService<IOptions<ShiftsOptions>>().Value));
        builder.Services.AddTransient<HandoverDigests>();
        builder.Services.AddTransient<HandoverPosts>();
        builder.Services.AddTransient<DigestPoster>();
        builder.Services.AddSingleton<MissedDigests>();
        builder.Services.AddTransient<HandoverNudges>();
        builder.Services.AddTransient<HandoverJob>();
        builder.Services.AddTransient<HandoverAcknowledgements>();
        builder.Services.AddTransient<ShiftRoster>();
        builder.Services.AddTransient<OutgoingOwners>();
        builder.Services.AddTransient<OutgoingHandover>();
        builder.Services.AddTransient<OutgoingJob>();
        builder.Services.AddSingleton<HandoverScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HandoverScheduler>());
        return builder;
    }
}
