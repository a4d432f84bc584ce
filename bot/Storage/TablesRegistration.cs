using Azure.Core;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Shifts;
using EscalationBot.Sla;
using Microsoft.Extensions.Options;

namespace EscalationBot.Storage;

public static class TablesRegistration
{
    /// <summary>Table Storage (Azurite locally): the case store and the conversation store.</summary>
    public static WebApplicationBuilder AddCaseStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, TablesConnectionValidator>();

        builder.Services.AddSingleton(_ =>
        {
            // Empty only in Development and Testing (TablesConnectionValidator): Azurite on its default port.
            var connection = builder.Configuration.GetConnectionString(TablesConnectionValidator.Name);
            if (string.IsNullOrWhiteSpace(connection))
            {
                connection = TablesConnectionValidator.Azurite;
            }

            // A chat turn has seconds, not minutes: fail fast and tell the user to try again.
            var options = new TableClientOptions();
            options.Retry.MaxRetries = 2;
            options.Retry.Mode = RetryMode.Exponential;
            options.Retry.Delay = TimeSpan.FromMilliseconds(100);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
            return new TableServiceClient(connection, options);
        });

        builder.Services.AddSingleton<ICaseStore>(sp => new TableCaseStore(
            Table(sp, "Cases"), sp.GetRequiredService<CasePolicy>(), sp.GetService<SweepSignal>() is { } signal ? signal.Wake : null));
        builder.Services.AddSingleton<IReminderStore>(sp => new TableReminderStore(
            Table(sp, "Cases")));
        builder.Services.AddSingleton<IHandoverStore>(sp => new TableHandoverStore(
            Table(sp, "Cases")));
        builder.Services.AddSingleton<IConversationStore>(sp => new TableConversationStore(
            Table(sp, "Conversations")));
        builder.Services.AddSingleton<IShiftRosterStore>(sp => new TableShiftRosterStore(
            Table(sp, "Conversations")));
        builder.Services.AddHostedService<TableCreator>();
        return builder;
    }

    private static TableClient Table(IServiceProvider services, string name)
    {
        var prefix = services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
        return services.GetRequiredService<TableServiceClient>().GetTableClient(prefix + name);
    }

    /// <summary>Creates the tables on start, so that no request pays for it.</summary>
    private sealed class TableCreator(ICaseStore cases, IConversationStore conversations, ILogger<TableCreator> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await cases.EnsureCreatedAsync(cancellationToken);
                await conversations.EnsureCreatedAsync(cancellationToken);
            }
            catch (Exception e) when (StorageFailure.IsOutage(e))
            {
                // Start anyway: every turn answers "please try again" until storage is back.
                logger.LogError(e, "Table Storage is unreachable at start; turns will fail until it returns");
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
