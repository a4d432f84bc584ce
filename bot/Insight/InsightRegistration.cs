using Azure.Data.Tables;
using Cronos;
using EscalationBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace EscalationBot.Insight;

public static class InsightRegistration
{
    /// <summary>Stats, charts, exports and reports: their settings, and the signed links that serve them.</summary>
    public static WebApplicationBuilder AddInsight(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<InsightOptions>()
            .Bind(builder.Configuration.GetSection(InsightOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddDataProtection().SetApplicationName("EscalationBot");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
        {
            var prefix = sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
            var table = sp.GetRequiredService<TableServiceClient>().GetTableClient(prefix + "Keys");
            return new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new TableKeyRing(table));
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IInsightLinks, InsightLinks>();
        builder.Services.AddTransient<CaseReports>();
        builder.Services.AddTransient<IInsightContent, CaseReportContent>();
        builder
            .Services.AddOptions<WeeklyReportOptions>()
            .Bind(builder.Configuration.GetSection(WeeklyReportOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => IsCron(o.Cron), "Insight:WeeklyReport:Cron must be a five-field cron expression.")
            .ValidateOnStart();
        builder.Services.AddTransient<InsightReader>();
        builder.Services.AddTransient<ExportRows>();
        builder.Services.AddTransient<IInsightContent, CsvExport>();
        builder.Services.AddTransient<IInsightContent, XlsxExport>();
        builder.Services.AddTransient<WeeklyReports>();
        builder.Services.AddTransient<WeeklyReportPoster>();
        builder.Services.AddTransient<WeeklyReportJob>();
        builder.Services.AddHostedService<WeeklyReportScheduler>();
        builder.Services.AddSingleton<StatsChart>();
        builder.Services.AddTransient<InsightCharts>();
        foreach (var kind in new[] { InsightKind.VolumeChart, InsightKind.AreaChart })
        {
            builder.Services.AddTransient<IInsightContent>(sp =>
                ActivatorUtilities.CreateInstance<ChartContent>(sp, kind)
            );
        }

        builder.Services.AddHostedService<StatsChartWarmUp>();

        // App Service ends TLS in front of the app and passes the original scheme and host in X-Forwarded-Proto and
        // X-Forwarded-Host, from front ends with no fixed address. Only those two are taken (not X-Forwarded-For, which
        // would change the client address the jobs dashboard's LocalOnly check reads), from the nearest proxy alone.
        // They matter only for the links' base address, and only while Bot:PublicUrl is unset.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = 1;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }

    public static WebApplication MapInsight(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.MapInsightLinks();
        return app;
    }

    private static bool IsCron(string cron)
    {
        try
        {
            CronExpression.Parse(cron);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}
