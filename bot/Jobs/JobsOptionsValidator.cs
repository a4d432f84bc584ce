using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EscalationBot.Jobs;

/// <summary>
/// Checks the Hangfire settings on start, with messages that name the setting to fix. It reads the connection
/// string too, which lives outside the Hangfire section (ConnectionStrings:Hangfire).
/// </summary>
public sealed partial class JobsOptionsValidator(IConfiguration configuration) : IValidateOptions<JobsOptions>
{
    public const string ConnectionStringName = "Hangfire";

    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var problems = new List<string>();
        if (!JobStores.All.Contains(options.Storage, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"Hangfire:Storage is '{options.Storage}': use {string.Join(" or ", JobStores.All)}.");
        }
        else if (IsPostgreSql(options))
        {
            var connection = configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connection))
            {
                problems.Add(
                    "Hangfire:Storage is PostgreSql but ConnectionStrings:Hangfire is empty: set it to an Npgsql "
                        + "connection string (Host=...;Database=...;Username=...;Password=...)."
                );
            }
            else if (ConnectionStringProblem(connection) is { } problem)
            {
                problems.Add($"ConnectionStrings:Hangfire is not an Npgsql connection string: {problem}");
            }
        }

        // Hangfire.PostgreSql writes the schema name into its SQL unquoted, so only plain lower-case names work.
        if (!SchemaName().IsMatch(options.PostgreSqlSchema ?? ""))
        {
            problems.Add(
                $"Hangfire:PostgreSqlSchema is '{options.PostgreSqlSchema}': use lower-case letters, digits and "
                    + $"underscores, starting with a letter or underscore, at most 63 characters."
            );
        }

        if (!DashboardAuthentication.All.Contains(options.Dashboard?.Authentication, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(
                $"Hangfire:Dashboard:Authentication is '{options.Dashboard?.Authentication}': use {string.Join(" or ", DashboardAuthentication.All)}."
            );
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static bool IsPostgreSql(JobsOptions options) =>
        string.Equals(options.Storage, JobStores.PostgreSql, StringComparison.OrdinalIgnoreCase);

    private static string? ConnectionStringProblem(string connection)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connection);
            return string.IsNullOrWhiteSpace(parsed.Host) ? "it names no Host." : null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
