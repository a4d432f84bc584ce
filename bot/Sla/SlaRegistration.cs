using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Sla;

public static class SlaRegistration
{
    /// <summary>
    /// The SLA: its settings (targets, business hours, idle limits), the case policy they complete, the sweep on every
    /// instance, and the reminder job Hangfire runs.
    /// </summary>
    public static WebApplicationBuilder AddSla(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<SlaOptions>()
            .Bind(builder.Configuration.GetSection(SlaOptions.Section))
            .Validate(
                o => !o.Problems().Any(),
                "Sla settings are invalid: targets positive, first response within resolution, a known business-hours time zone "
                    + "with working days, idle nudge before release."
            )
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var sla = sp.GetRequiredService<IOptions<SlaOptions>>().Value;
            return CasesRegistration.Policy(
                sp.GetRequiredService<IOptions<CasesOptions>>().Value,
                sla.BusinessHours,
                sla.Idle,
                sp.GetRequiredService<IOptions<TeamOptions>>().Value
            );
        });

        builder.Services.AddTransient<SlaChaser>();
        builder.Services.AddTransient<ReminderActions>();
        builder.Services.AddSingleton<SweepSignal>();
        builder.Services.AddSingleton<SlaSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlaSweeper>());
        return builder;
    }
}
