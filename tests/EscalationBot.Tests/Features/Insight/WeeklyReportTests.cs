using System.Net;
using EscalationBot.Insight;
using EscalationBot.Testing;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Insight;

/// <summary>
/// The weekly report to the leads' channel, end to end on Azurite: posted once per week across a restart and a
/// second run, a missed week posted late at start, and <c>report week</c> for leads only. The bot's clock is a fake
/// weeks ahead of real time, so Hangfire's own recurring run never comes during the test: only the runs it makes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WeeklyReportTests(AzuriteFixture azurite) : BotTest(azurite)
{
    // Monday 4 January 2027, 10:00 in Singapore; the report of that week is due Monday 11 January, 09:00.
    private static readonly DateTimeOffset WeekStart = new(2027, 1, 4, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReportDue = new(2027, 1, 11, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(WeekStart);
    private string? prefix;

    private async Task StartAsync(bool weeklyReport = true, string? publicUrl = null)
    {
        await Host.DisposeAsync();
        Host = new BotHost(
            Azurite,
            Connector,
            prefix,
            new Dictionary<string, string?>
            {
                ["Insight:WeeklyReport:Enabled"] = weeklyReport ? "true" : "false",
                ["Bot:PublicUrl"] = publicUrl,
            }
        )
        {
            Clock = clock,
        };
        prefix = Host.TablePrefix;
        _ = Host.Server;
        await Host.WaitForJobsAsync(includeScheduled: false);
    }

    /// <summary>A week with two cases filed, and the leads' channel bound.</summary>
    private async Task WorkTheWeekAsync()
    {
        await StartAsync(weeklyReport: false);
        await Host.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
        foreach (var severity in new[] { "Sev1", "Sev2" })
        {
            await Host.SendAsync(
                Activities.Invoke(
                    People.Reporter,
                    "submitIntake",
                    Activities.IntakeForm(severity),
                    Activities.Personal(People.Reporter)
                )
            );
        }
    }

    private List<ConnectorCall> Reports() =>
        Connector
            .Calls.Where(c =>
                c.IsPost
                && c.ConversationId == Activities.LeadsChannel
                && c.AllText.Contains("Weekly report · Week of Mon 4 Jan 2027", StringComparison.Ordinal)
            )
            .ToList();

    [Fact]
    public async Task The_report_is_posted_once_across_a_second_run_and_a_restart()
    {
        await WorkTheWeekAsync();
        clock.SetUtcNow(ReportDue.AddMinutes(1));

        var job = Host.Services.GetRequiredService<WeeklyReportJob>();
        Assert.Equal("posted", await job.RunAsync(null, CancellationToken.None));
        Assert.Equal("posted already", await job.RunAsync(null, CancellationToken.None));

        // A new instance's catch-up at start finds it posted.
        await StartAsync();
        var report = Assert.Single(Reports());
        Assert.Contains("2 cases were filed; none the week before.", report.AllText);
        Assert.Contains("Filed\n2", report.AllText);
        Assert.DoesNotContain("Posted late", report.AllText);
        Assert.DoesNotContain("Coordinated threats", report.AllText); // nothing written about a case
    }

    [Fact]
    public async Task A_week_missed_while_no_instance_ran_is_posted_late_at_start_and_says_so()
    {
        await WorkTheWeekAsync();
        clock.SetUtcNow(ReportDue.AddHours(3));

        await StartAsync();

        var report = Assert.Single(Reports());
        Assert.Contains("Posted late: it was due Mon 11 Jan 09:00 (Singapore, UTC+8)", report.AllText);
    }

    [Fact]
    public async Task With_a_public_address_the_jobs_report_shows_charts_its_links_serve_and_nothing_else()
    {
        await WorkTheWeekAsync();
        clock.SetUtcNow(ReportDue.AddMinutes(1));
        await StartAsync(publicUrl: "https://bot.example.com");

        var card = Assert.Single(Reports()).Card!;
        var urls = card.Descendants()
            .OfType<JObject>()
            .Where(o => o.Value<string>("type") == "Image")
            .Select(o => new Uri(o.Value<string>("url")!))
            .ToList();
        Assert.Equal(2, urls.Count);
        Assert.All(urls, u => Assert.Equal("bot.example.com", u.Host));
        using var client = Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(urls[0].PathAndQuery)).StatusCode);

        // The bot's own requester is good for charts alone.
        var links = Host.Services.GetRequiredService<IInsightLinks>();
        var export = links.Create(
            new InsightLink(InsightKind.Csv, InsightLink.TheBot, clock.GetUtcNow().AddHours(1))
            {
                From = WeekStart,
                To = ReportDue,
            },
            "x.csv"
        )!;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(export.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Report_week_shows_it_to_a_lead_and_to_nobody_else()
    {
        await WorkTheWeekAsync();
        clock.SetUtcNow(ReportDue.AddHours(1));

        var before = Connector.Calls.Count;
        await Host.SendAsync(Activities.Message(People.Specialist, "report week", Activities.QueueChannel));
        await Host.SendAsync(Activities.Message(People.Lead, "report week", Activities.Personal(People.Lead)));

        var replies = Connector.Calls.Skip(before).ToList();
        Assert.Contains(
            "The weekly report is for leads",
            replies.Single(c => c.ConversationId == Activities.QueueChannel).AllText
        );
        var shown = replies.Single(c => c.ConversationId == Activities.Personal(People.Lead)).AllText;
        Assert.Contains("Weekly report · Week of Mon 4 Jan 2027", shown);
        Assert.Empty(Reports()); // shown on demand, not posted to the leads' channel
    }
}
