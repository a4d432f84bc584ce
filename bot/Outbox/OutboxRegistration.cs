namespace EscalationBot.Outbox;

public static class OutboxRegistration
{
    /// <summary>The outbox: its sender job, the signal a commit gives it, and the sweep on every instance.</summary>
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<OutboxDispatcher>();
        builder.Services.AddTransient<OutboxSender>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSweeper>());
        return builder;
    }
}
