using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using EscalationBot.Outages;
using EscalationBot.Outbox;
using EscalationBot.Shifts;
using EscalationBot.Sla;
using EscalationBot.Telemetry;
using Microsoft.Extensions.Options;

namespace EscalationBot.Storage;

public static class TablesRegistration
{
    /// <summary>Table Storage (Azurite locally): the case store and the conversation store.</summary>
    public static WebApplicationBuilder AddCaseStorage(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, TablesConnectionValidator>();

        builder.Services.AddSingleton(sp =>
        {
            // Empty only in Development and Testing (TablesConnectionValidator): Azurite on its default port.
            var connection = builder.Configuration.GetConnectionString(TablesConnectionValidator.Name);
            if (string.IsNullOrWhiteSpace(connection))
            {
                connection = TablesConnectionValidator.Azurite;
            }

            // A chat turn has seconds, not minutes (Teams waits about 5 s for an invoke): fail fast and tell the user
            // to try again.
            var options = new TableClientOptions();
            options.Retry.NetworkTimeout = sp.GetRequiredService<IOptions<StorageOptions>>().Value.RequestTimeout;
            options.RetryPolicy = new FailFastRetryPolicy();
            return TablesConnection.Create(connection, options);
        });

        builder.Services.AddSingleton(sp => new CaseNumbers(
            Table(sp, "Cases"),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.CaseNumberBlock
        ));
        builder.Services.AddSingleton(sp => new TableCaseStore(
            Table(sp, "Cases"),
            sp.GetRequiredService<CasePolicy>(),
            sp.GetService<SweepSignal>() is { } signal ? signal.Wake : null,
            sp.GetService<OutboxSignal>() is { } outbox ? outbox.Wake : null,
            sp.GetRequiredService<CaseNumbers>(),
            sp.GetRequiredService<BotMetrics>().CaseCommitted
        ));
        builder.Services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<TableCaseStore>());
        builder.Services.AddSingleton<IOutboxStore>(sp => new TableOutboxStore(Table(sp, "Cases")));
        builder.Services.AddSingleton<IReminderStore>(sp => new TableReminderStore(Table(sp, "Cases")));
        builder.Services.AddSingleton<IDeliveryStore>(sp => new TableDeliveryStore(Table(sp, "Cases")));
        builder.Services.AddSingleton<IHandoverStore>(sp => new TableHandoverStore(Table(sp, "Cases")));
        builder.Services.AddSingleton<IConversationStore>(sp => new TableConversationStore(Table(sp, "Conversations")));
        builder.Services.AddSingleton<IShiftRosterStore>(sp => new TableShiftRosterStore(Table(sp, "Conversations")));
        builder.Services.AddHostedService<TablesLifetime>();
        builder.Services.AddHostedService<RecordPruner>();
        return builder;
    }

    private static TableClient Table(IServiceProvider services, string name)
    {
        var prefix = services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
        return services.GetRequiredService<TableServiceClient>().GetTableClient(prefix + name);
    }

    /// <summary>
    /// Retries what fails fast (a refused connection, a 503) twice, quickly; a request that timed out is not sent
    /// again: a service that hangs once hangs again, and a turn cannot wait for three timeouts. A timeout comes out
    /// as a <see cref="TimeoutException"/>: Azure.Core reports it as a cancellation, which would pass for a caller
    /// giving up rather than for the outage it is (<see cref="StorageFailure.IsOutage"/>).
    /// </summary>
    private sealed class FailFastRetryPolicy()
        : RetryPolicy(
            2,
            DelayStrategy.CreateExponentialDelayStrategy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1))
        )
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await base.ProcessAsync(message, pipeline);
            }
            catch (Exception e) when (TimedOut(message, e))
            {
                throw new TimeoutException("Table Storage did not answer in time.", e);
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                base.Process(message, pipeline);
            }
            catch (Exception e) when (TimedOut(message, e))
            {
                throw new TimeoutException("Table Storage did not answer in time.", e);
            }
        }

        protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
            exception is not OperationCanceledException && base.ShouldRetry(message, exception);

        protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
            exception is OperationCanceledException
                ? ValueTask.FromResult(false)
                : base.ShouldRetryAsync(message, exception);

        private static bool TimedOut(HttpMessage message, Exception e) =>
            !message.CancellationToken.IsCancellationRequested
            && (
                e is OperationCanceledException
                || (e is AggregateException a && a.InnerExceptions.Any(x => x is OperationCanceledException))
            );
    }

    /// <summary>
    /// Creates the tables on start, so that no request pays for it; then, without holding up the start, moves key rows
    /// of the first format into the duplicate check's index (<see cref="TableCaseStore.IndexKeysAsync"/>) and gives
    /// open cases filed before the summary rows theirs (<see cref="TableCaseStore.SummariseAsync"/>: until it is done
    /// the digest reads the open index's columns). On a clean stop, gives back unused case numbers.
    /// </summary>
    private sealed class TablesLifetime(
        TableCaseStore cases,
        IConversationStore conversations,
        CaseNumbers numbers,
        ILogger<TablesLifetime> logger
    ) : IHostedService
    {
        private readonly CancellationTokenSource stopping = new();
        private Task backfilling = Task.CompletedTask;

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
                return;
            }

            backfilling = Task.Run(() => BackfillAsync(stopping.Token), CancellationToken.None);
        }

        private async Task BackfillAsync(CancellationToken cancellationToken)
        {
            try
            {
                var moved = await cases.IndexKeysAsync(cancellationToken);
                logger.LogInformation("Duplicate-check keys checked; {Rows} rows of the first format moved", moved);
                var written = await cases.SummariseAsync(cancellationToken);
                logger.LogInformation("Case summaries checked; {Rows} summary rows written", written);
                var filed = await cases.IndexFiledAsync(cancellationToken);
                logger.LogInformation("Filing index checked; {Rows} rows written", filed);
            }
            catch (Exception e) when (e is RequestFailedException || StorageFailure.IsOutage(e))
            {
                // The digest reads the open index's columns, and the duplicate check the first format's key rows too,
                // until a later start completes them.
                logger.LogWarning(e, "Could not complete the case summaries or the duplicate-check keys at start");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped before it finished: the next start does it.
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await stopping.CancelAsync();
            await backfilling;
            try
            {
                await numbers.ReleaseAsync(cancellationToken);
            }
            catch (Exception e) when (StorageFailure.IsOutage(e) || e is OperationCanceledException)
            {
                // The unused numbers stay a gap.
                logger.LogWarning(e, "Could not give back unused case numbers at stop");
            }
        }
    }
}
