using System.Net;
using EscalationBot.Insight;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Insight;

/// <summary>GET /insight/{token}/{name}: a signed link is served, streamed, with headers that keep it private.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InsightEndpointTests(AzuriteFixture azurite) : InsightLinkTest(azurite)
{
    [Fact]
    public async Task A_signed_export_link_is_served_as_a_private_attachment_and_logged_without_its_token()
    {
        var logs = new CapturedLogs();
        var host = Start(logs: logs);
        var url = Create(host, Link(InsightKind.Csv, People.Specialist), "cases 2026-11.csv");

        var response = await FetchAsync(host, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContentOf(InsightKind.Csv), await response.Content.ReadAsStringAsync());
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("cases 2026-11.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var token = url.Segments[2].TrimEnd('/');
        // The bot's own logs: ASP.NET Core's request log (Information) has the URL, which the settings keep at Warning.
        var ours = logs.Lines.Where(line => line.Split(' ')[1].StartsWith("EscalationBot", StringComparison.Ordinal));
        Assert.DoesNotContain(ours, line => line.Contains(token, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("Insight Csv served to " + People.Specialist.Id));
    }

    [Fact]
    public async Task A_chart_is_served_inline_as_a_png()
    {
        var host = Start();
        var url = Create(host, Link(InsightKind.VolumeChart, People.Lead), "stats-2026-11-23.png");

        var response = await FetchAsync(host, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Equal("/insight/", url.AbsolutePath[..9]);
        Assert.EndsWith("/stats-2026-11-23.png", url.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_made_for_someone_no_longer_staff_is_not_served()
    {
        var host = Start();
        var url = Create(host, Link(InsightKind.Csv, People.Reporter));

        var response = await FetchAsync(host, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Details_are_served_to_a_lead_and_not_to_a_specialist()
    {
        var host = Start();
        var lead = Create(host, Link(InsightKind.Csv, People.Lead) with { Details = true });
        var specialist = Create(host, Link(InsightKind.Csv, People.Specialist) with { Details = true });

        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(host, lead)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(host, specialist)).StatusCode);
    }

    [Fact]
    public async Task A_kind_nothing_serves_and_a_content_that_says_no_are_both_not_found()
    {
        var host = Start();
        var unserved = Create(host, Link(InsightKind.AreaChart, People.Lead));
        var withdrawn = Create(host, Link(InsightKind.Csv, People.Lead) with { CaseNumber = WithdrawnCase });

        var none = await FetchAsync(host, unserved);
        var refused = await FetchAsync(host, withdrawn);

        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(refused.Content.Headers.ContentDisposition);
        Assert.Null(refused.Content.Headers.ContentType);
    }
}
