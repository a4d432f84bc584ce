using EscalationBot.Chat;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationBot.Wellbeing;

public static class WellbeingRegistration
{
    /// <summary>
    /// Exposure to sensitive cases, counted per person, with its limits checked at start: the nudges at those limits,
    /// the question before a claim at the limit, sensitive work rotated, and the leads' weekly summary.
    /// </summary>
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
        // In place of the chat's default, which suggests nobody.
        builder.Services.Replace(ServiceDescriptor.Transient<ICaseSuggestions, RotationSuggestions>());
        builder.Services.AddTransient<ClaimLimit>();
        builder.Services.AddTransient<SummaryWeeks>();
        builder.Services.AddTransient<WeeklySummaries>();
        builder.Services.AddTransient<WeeklySummarySender>();
        builder.Services.AddTransient<WeeklySummaryJob>();
        builder.Services.AddHostedService<WeeklySummaryScheduler>();
        return builder;
    }
}
