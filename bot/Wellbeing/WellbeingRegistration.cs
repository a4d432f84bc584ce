using EscalationBot.Chat;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationBot.Wellbeing;

public static class WellbeingRegistration
{
    /// <summary>
    /// Exposure to sensitive cases, counted per person, with its limits checked at start; sensitive work rotated.
    /// </summary>
    public static WebApplicationBuilder AddWellbeing(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<WellbeingOptions>()
            .Bind(builder.Configuration.GetSection(WellbeingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<ExposureLedger>();
        // In place of the chat's default, which suggests nobody.
        builder.Services.Replace(ServiceDescriptor.Transient<ICaseSuggestions, RotationSuggestions>());
        builder.Services.AddTransient<ClaimLimit>();
        return builder;
    }
}
