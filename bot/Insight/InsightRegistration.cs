using Cronos;

namespace EscalationBot.Insight;

public static class InsightRegistration
{
    /// <summary>The team's figures: stats, exports, the weekly report and its job.</summary>
    public static WebApplicationBuilder AddInsight(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services
            .AddOptions<WeeklyReportOptions>()
            .Bind(builder.Configuration.GetSection(WeeklyReportOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => IsCron(o.Cron), "Insight:WeeklyReport:Cron must be a five-field cron expression.")
            .ValidateOnStart();
        services.AddTransient<InsightReader>();
        services.AddTransient<IInsightContent, CsvExport>();
        services.AddTransient<IInsightContent, XlsxExport>();
        services.AddTransient<WeeklyReports>();
        services.AddTransient<WeeklyReportPoster>();
        services.AddTransient<WeeklyReportJob>();
        services.AddHostedService<WeeklyReportScheduler>();
        return builder;
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
