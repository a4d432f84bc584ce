namespace EscalationBot.Sla;

public static class SlaRegistration
{
    /// <summary>The SLA chase: the sweep on every instance, and the reminder job Hangfire runs.</summary>
    public static WebApplicationBuilder AddSla(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<SlaChaser>();
        builder.Services.AddTransient<ReminderActions>();
        builder.Services.AddSingleton<DeliveryClaims>();
        builder.Services.AddSingleton<SweepSignal>();
        builder.Services.AddSingleton<SlaSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlaSweeper>());
        return builder;
    }
}
