namespace EscalationBot.Deliveries;

public static class DeliveriesRegistration
{
    /// <summary>Send-once delivery records, shared by every job that sends something once (SLA, handovers).</summary>
    public static WebApplicationBuilder AddDeliveries(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().Bind(builder.Configuration.GetSection(DeliveryOptions.Section));
        builder.Services.AddSingleton<DeliveryClaims>();
        return builder;
    }
}
