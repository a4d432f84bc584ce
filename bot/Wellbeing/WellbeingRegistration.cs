using Hangfire;

namespace EscalationBot.Wellbeing;

public static class WellbeingRegistration
{
    /// <summary>Exposure to sensitive cases, counted per person, and the nudges at its limits (checked at start).</summary>
    public static WebApplicationBuilder AddWellbeing(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<WellbeingOptions>()
            .Bind(builder.Configuration.GetSection(WellbeingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<ExposureLedger>();
        builder.Services.AddSingleton<BreakNudges>();
        builder.Services.AddTransient<NudgeSender>();
        builder.Services.AddTransient<WellbeingJob>();
        builder.Services.AddHostedService<NudgeScheduler>();
        return builder;
    }
}
