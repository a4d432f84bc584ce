namespace EscalationBot.Wellbeing;

public static class WellbeingRegistration
{
    /// <summary>Exposure to sensitive cases, counted per person; its limits checked at start.</summary>
    public static WebApplicationBuilder AddWellbeing(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<WellbeingOptions>()
            .Bind(builder.Configuration.GetSection(WellbeingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<ExposureLedger>();
        return builder;
    }
}
