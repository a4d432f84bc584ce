using System.Reflection;
using EscalationBot.Jobs;
using Microsoft.Extensions.Configuration;

namespace EscalationBot.Tests.Jobs;

/// <summary>The Hangfire settings: documented in the template with the code's defaults, checked on start, handed to Hangfire.PostgreSql.</summary>
public sealed class JobsOptionsTests
{
    private static readonly IConfigurationRoot Template = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.template.json"), optional: false)
        .Build();

    [Fact]
    public void Every_dashboard_option_and_the_connection_string_appear_in_the_template()
    {
        foreach (
            var property in typeof(JobsDashboardOptions)
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
        )
        {
            Assert.True(
                Template.GetSection($"{JobsOptions.Section}:Dashboard:{property.Name}").Exists(),
                $"Hangfire:Dashboard:{property.Name} is not in appsettings.template.json"
            );
        }

        Assert.True(
            Template.GetSection("ConnectionStrings:Hangfire").Exists(),
            "ConnectionStrings:Hangfire is not in appsettings.template.json"
        );
    }

    [Fact]
    public void The_template_defaults_match_the_code_defaults()
    {
        var template = Template.GetSection(JobsOptions.Section).Get<JobsOptions>()!;
        var defaults = new JobsOptions();

        Assert.Equal(defaults.Storage, template.Storage);
        Assert.Equal(defaults.PostgreSqlSchema, template.PostgreSqlSchema);
        Assert.Equal(defaults.SchedulePollingInterval, template.SchedulePollingInterval);
        Assert.Equal(defaults.QueuePollInterval, template.QueuePollInterval);
        Assert.Equal(defaults.WorkerCount, template.WorkerCount);
        Assert.Equal(defaults.Dashboard.Authentication, template.Dashboard.Authentication);
    }

    [Fact]
    public void The_defaults_are_valid_and_poll_every_second()
    {
        var defaults = new JobsOptions();

        Assert.True(Validate(defaults).Succeeded);
        Assert.Equal(JobStores.InMemory, defaults.Storage);
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.SchedulePollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.QueuePollInterval);
        Assert.Equal(DashboardAuthentication.LocalOnly, defaults.Dashboard.Authentication);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("postgresql")]
    public void PostgreSql_with_a_connection_string_is_valid(string storage) =>
        Assert.True(
            Validate(new JobsOptions { Storage = storage }, "Host=127.0.0.1;Database=jobs;Username=bot").Succeeded
        );

    [Fact]
    public void PostgreSql_without_a_connection_string_is_refused_by_name()
    {
        var result = Validate(new JobsOptions { Storage = "PostgreSql" });

        Assert.True(result.Failed);
        Assert.Contains("ConnectionStrings:Hangfire is empty", result.FailureMessage);
    }

    [Fact]
    public void Hangfire_PostgreSql_gets_the_schema_and_the_polling_interval()
    {
        var options = JobsRegistration.PostgreSqlOptions(
            new JobsOptions { PostgreSqlSchema = "jobs_test", QueuePollInterval = TimeSpan.FromMilliseconds(500) }
        );

        Assert.Equal("jobs_test", options.SchemaName);
        Assert.True(options.PrepareSchemaIfNecessary);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.QueuePollInterval);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(
        JobsOptions options,
        string? connectionString = null
    )
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["ConnectionStrings:Hangfire"] = connectionString }
            )
            .Build();
        return new JobsOptionsValidator(configuration).Validate(null, options);
    }
}
