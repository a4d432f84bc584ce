namespace EscalationBot.Wellbeing;

public static class WellbeingRegistration
{
    /// <summary>
    /// Exposure to sensitive cases, counted per person; its limits checked at start; the leads' weekly summary.
    /// </summary>
    public static WebApplicationBuilder AddWellbeing(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<WellbeingOptions>()
            .Bind(builder.Configuration.GetSection(WellbeingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<ExposureLedger>();
        builder.Services.AddTransient<SummaryWeeks>();
        builder.Services.AddTransient<WeeklySummaries>();
        builder.Services.AddTransient<WeeklySummarySender>();
        builder.Services.AddTransient<WeeklySummaryJob>();
        builder.Services.AddHostedService<WeeklySummaryScheduler>();
        return builder;
    }
}
