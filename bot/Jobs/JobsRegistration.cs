using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EscalationBot.Jobs;

public static class JobsRegistration
{
    /// <summary>Hangfire with its server in this process, on the store Hangfire:Storage names. The store is
    /// registered in DI, never as the global JobStorage.Current, so that two hosts in one process (tests) never
    /// share a job queue unless they are given the same database.</summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<JobsOptions>()
            .Bind(builder.Configuration.GetSection(JobsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();

        builder.Services.AddSingleton(services =>
        {
            // Hangfire's configuration is global: apply this host's (its log provider among it) before the store is built.
            services.GetRequiredService<IGlobalConfiguration>();
            return CreateStorage(
                services.GetRequiredService<IOptions<JobsOptions>>().Value,
                services.GetRequiredService<IConfiguration>()
            );
        });
        // Who this process is, in a delivery's claimant: one per host.
        builder.Services.AddSingleton<InstanceId>();
        // Hangfire's own registration hands the server the process-wide JobActivator.Current, which is whichever
        // host configured Hangfire last: with several hosts in one process (tests), jobs could be built from
        // another host's container. Each host activates jobs from its own.
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(
            services.GetRequiredService<IServiceScopeFactory>()
        ));
        JobTracing.AddOnce();
        builder.Services.AddHangfire(
            (services, configuration) =>
                configuration
                    .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()))
                    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                    .UseSimpleAssemblyNameTypeSerializer()
                    .UseRecommendedSerializerSettings()
        );
        builder.Services.AddHangfireServer(
            (services, server) =>
            {
                var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.WorkerCount = options.WorkerCount;
                server.Queues = [JobQueues.Default];
            }
        );
        builder.Services.AddHangfireServer(
            (services, server) =>
            {
                var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.ServerName = $"{Environment.MachineName}-outbox";
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.WorkerCount = options.OutboxWorkerCount;
                server.Queues = [JobQueues.Outbox];
            }
        );

        // Who is signed in, for the dashboard; nobody unless Hangfire:Dashboard:Authentication is AppServiceAuthentication.
        builder
            .Services.AddAuthentication(AppServiceAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AppServiceAuthenticationHandler>(
                AppServiceAuthenticationHandler.SchemeName,
                _ => { }
            );
        builder.Services.AddSingleton<DashboardAccessFilter>();
        return builder;
    }

    /// <summary>The Hangfire dashboard at /hangfire, for the people <see cref="DashboardAccessFilter"/> lets in. It takes
    /// the store now, so a bad Hangfire setting stops Program here, before the host starts.</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(
            "/hangfire",
            new DashboardOptions
            {
                Authorization = [app.Services.GetRequiredService<DashboardAccessFilter>()],
                IsReadOnlyFunc = DashboardAccessFilter.IsReadOnly,
                DashboardTitle = "EscalationBot jobs",
                DisplayStorageConnectionString = false,
                AppPath = null,
            },
            app.Services.GetRequiredService<JobStorage>()
        );
        return app;
    }

    private static JobStorage CreateStorage(JobsOptions options, IConfiguration configuration)
    {
        if (!JobsOptionsValidator.IsPostgreSql(options))
        {
            return new InMemoryStorage();
        }

        // What UsePostgreSqlStorage(o => o.UseNpgsqlConnection(...), storageOptions) builds, without making it global.
        var storageOptions = PostgreSqlOptions(options);
        var connection = configuration.GetConnectionString(JobsOptionsValidator.ConnectionStringName)!;
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, storageOptions), storageOptions);
    }

    internal static PostgreSqlStorageOptions PostgreSqlOptions(JobsOptions options) =>
        new()
        {
            SchemaName = options.PostgreSqlSchema,
            // Every instance may create the schema; the first to start does.
            PrepareSchemaIfNecessary = true,
            // Workers poll the queue: at the package's 15 s default an enqueued send could wait up to 15 s.
            QueuePollInterval = options.QueuePollInterval,
            // A job fetched by an instance that then died is handed to another after this; the package's 30 min default
            // would hold a due reminder that long. Our jobs take seconds, and a job run twice sends nothing twice
            // (delivery records), so 5 min costs nothing.
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        };
}
