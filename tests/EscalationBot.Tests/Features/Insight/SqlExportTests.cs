using System.Globalization;
using System.Text;
using EscalationBot.Cases;
using EscalationBot.Insight;
using EscalationBot.Testing;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace EscalationBot.Tests.Features.Insight;

/// <summary>
/// A week's CSV export loaded into a real PostgreSQL with infra/sql/cases.sql, and infra/sql/metrics.sql run on it:
/// the same figures as <c>stats</c> gives for that week.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SqlExportTests(PostgresFixture postgres, AzuriteFixture azurite) : BotTest(azurite)
{
    // Monday 4 January 2027, 09:00 in Singapore.
    private static readonly DateTimeOffset Monday = new(2027, 1, 4, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Monday);

    private async Task SayAsync(TestUser who, string text) =>
        await Host.SendAsync(Activities.Message(who, text, Activities.QueueChannel));

    private async Task FileAsync(string severity) =>
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(severity),
                Activities.Personal(People.Reporter)
            )
        );

    /// <summary>Claims after 10, 30 and 5 minutes, one never; resolutions after 70 minutes and, reopened, after 30.</summary>
    private async Task WorkAsync()
    {
        await Host.DisposeAsync();
        Host = new BotHost(Azurite, Connector) { Clock = clock };
        await SayAsync(People.Lead, "setup queue");
        await FileAsync("Sev1");
        clock.Advance(TimeSpan.FromMinutes(10));
        await SayAsync(People.Specialist, "claim ESC-1");
        clock.Advance(TimeSpan.FromMinutes(60));
        await SayAsync(People.Specialist, "resolve ESC-1 actioned Removed.");
        await FileAsync("Sev2");
        clock.Advance(TimeSpan.FromMinutes(30));
        await SayAsync(People.Specialist2, "claim ESC-2");
        await FileAsync("Sev1");
        await FileAsync("Sev2");
        clock.Advance(TimeSpan.FromMinutes(5));
        await SayAsync(People.Specialist, "claim ESC-4");
        clock.Advance(TimeSpan.FromMinutes(20));
        await SayAsync(People.Specialist, "resolve ESC-4 noviolation Nothing found.");
        clock.Advance(TimeSpan.FromMinutes(10));
        await SayAsync(People.Lead, "reopen ESC-4 The partner sent more.");
        clock.Advance(TimeSpan.FromMinutes(30));
        await SayAsync(People.Specialist, "resolve ESC-4 actioned Removed after all.");
        clock.Advance(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task The_sql_on_an_export_gives_the_same_figures_as_stats()
    {
        await WorkAsync();
        var (period, _, _) = InsightPeriod.Parse(
            "week",
            clock.GetUtcNow(),
            Host.Services.GetRequiredService<CasePolicy>().Zone
        );
        var stats = (
            await Host.Services.GetRequiredService<InsightReader>().StatsAsync(period!, CaseFilter.None, default)
        ).Stats!;
        var csv = await ExportAsync(period!);
        Assert.Equal(0xEF, csv[0]); // the BOM, so that Excel reads UTF-8

        await using var db = new NpgsqlConnection(await postgres.CreateDatabaseAsync());
        await db.OpenAsync();
        await ExecuteAsync(db, await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "infra", "sql", "cases.sql")));
        await using (
            var import = await db.BeginTextImportAsync(
                $"COPY escalation_cases ({string.Join(", ", ExportRow.Columns)}) FROM STDIN (FORMAT csv, HEADER true)"
            )
        )
        {
            await import.WriteAsync(Encoding.UTF8.GetString(csv.AsSpan(3)));
        }

        await using var command = new NpgsqlCommand(
            await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "infra", "sql", "metrics.sql")),
            db
        );
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var v = stats.Volumes;
        Assert.Equal(
            (v.Filed, v.Claimed, v.Resolved, v.Reopened, v.StillOpen),
            (
                Int(reader, "filed"),
                Int(reader, "claimed"),
                Int(reader, "resolved"),
                Int(reader, "reopened"),
                Int(reader, "still_open")
            )
        );
        Assert.Equal((4, 3, 2, 1, 2), (v.Filed, v.Claimed, v.Resolved, v.Reopened, v.StillOpen));
        Assert.Equal(stats.Mtta.Median!.Value.TotalMinutes, Minutes(reader, "mtta_median_min"), 2);
        Assert.Equal(stats.Mtta.P90!.Value.TotalMinutes, Minutes(reader, "mtta_p90_min"), 2);
        Assert.Equal(stats.Mttr.Median!.Value.TotalMinutes, Minutes(reader, "mttr_median_min"), 2);
        Assert.Equal(stats.Mttr.P90!.Value.TotalMinutes, Minutes(reader, "mttr_p90_min"), 2);
        Assert.Equal(
            (10, 26, 50, 66),
            (
                (int)Minutes(reader, "mtta_median_min"),
                (int)Minutes(reader, "mtta_p90_min"),
                (int)Minutes(reader, "mttr_median_min"),
                (int)Minutes(reader, "mttr_p90_min")
            )
        );

        Assert.True(await reader.NextResultAsync());
        var sql = new Dictionary<string, (int, int, int, int)>();
        while (await reader.ReadAsync())
        {
            sql[reader.GetString(0)] = (
                Int(reader, "first_response_met"),
                Int(reader, "first_response_missed"),
                Int(reader, "resolution_met"),
                Int(reader, "resolution_missed")
            );
        }

        foreach (
            var t in stats.Targets.Where(t =>
                sql.ContainsKey(t.Severity.ToString()) || t.FirstResponse.Met + t.FirstResponse.Missed > 0
            )
        )
        {
            Assert.Equal(
                (t.FirstResponse.Met, t.FirstResponse.Missed, t.Resolution.Met, t.Resolution.Missed),
                sql[t.Severity.ToString()]
            );
        }
    }

    private async Task<byte[]> ExportAsync(InsightPeriod period)
    {
        var content = Host.Services.GetServices<IInsightContent>().Single(c => c.Kind == InsightKind.Csv);
        using var body = new MemoryStream();
        var link = new InsightLink(InsightKind.Csv, People.Lead.Id, clock.GetUtcNow().AddMinutes(15))
        {
            From = period.From,
            To = period.To,
        };
        Assert.True(await content.WriteAsync(link, body, default));
        return body.ToArray();
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private static int Int(NpgsqlDataReader reader, string column) =>
        Convert.ToInt32(reader[column], CultureInfo.InvariantCulture);

    private static double Minutes(NpgsqlDataReader reader, string column) =>
        Convert.ToDouble(reader[column], CultureInfo.InvariantCulture);
}
