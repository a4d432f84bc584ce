using System.Text;
using EscalationBot.Insight;
using EscalationBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EscalationBot.Tests.Insight;

/// <summary>
/// Bot hosts for the signed links' tests: a fake clock, and a test content for two kinds (a chart and the CSV), so
/// the endpoint is tested apart from the stats and exports it will serve. AreaChart has no content here.
/// </summary>
public abstract class InsightLinkTest(AzuriteFixture azurite) : RestartableBotTest
{
    public const string PublicUrl = "https://escalations.example.com";

    /// <summary>A link whose content says no when it is fetched (the case gone, the requester no longer its owner).</summary>
    public const int WithdrawnCase = 404;

    protected AzuriteFixture Azurite => azurite;

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddMinutes(1));

    protected BotHost Start(string? publicUrl = PublicUrl, string? tablePrefix = null, CapturedLogs? logs = null) =>
        Track(
            new BotHost(
                azurite,
                Connector,
                tablePrefix,
                publicUrl is null ? null : new Dictionary<string, string?> { ["Bot:PublicUrl"] = publicUrl }
            )
            {
                Clock = Clock,
                Logs = logs,
                TestServices = services =>
                {
                    services.AddSingleton<IInsightContent>(new TestContent(InsightKind.VolumeChart, "image/png"));
                    services.AddSingleton<IInsightContent>(new TestContent(InsightKind.Csv, "text/csv; charset=utf-8"));
                    services.AddTransient<IStartupFilter, LinkEcho>();
                },
            }
        );

    protected InsightLink Link(InsightKind kind, TestUser requester, TimeSpan? lifetime = null) =>
        new(kind, requester.Id, Clock.GetUtcNow() + (lifetime ?? TimeSpan.FromMinutes(15)));

    protected static Uri Create(BotHost host, InsightLink link, string name = "file.bin") =>
        host.Services.GetRequiredService<IInsightLinks>().Create(link, name)
        ?? throw new InvalidOperationException("No link: the host has no Bot:PublicUrl.");

    protected static async Task<HttpResponseMessage> FetchAsync(BotHost host, Uri url)
    {
        using var client = host.CreateClient();
        return await client.GetAsync(url.PathAndQuery);
    }

    public static string ContentOf(InsightKind kind) => $"content of {kind}";

    private sealed class TestContent(InsightKind kind, string contentType) : IInsightContent
    {
        public InsightKind Kind => kind;
        public string ContentType => contentType;

        public async Task<bool> WriteAsync(InsightLink link, Stream body, CancellationToken cancellationToken)
        {
            if (link.CaseNumber == WithdrawnCase)
            {
                return false;
            }

            await body.WriteAsync(Encoding.UTF8.GetBytes(ContentOf(kind)), cancellationToken);
            return true;
        }
    }

    /// <summary>
    /// GET /test/insight-link answers with the URL the bot makes for a chart link during that request: a turn's view
    /// of the base address, behind whatever forwarded headers the request carries.
    /// </summary>
    private sealed class LinkEcho : IStartupFilter
    {
        public const string Path = "/test/insight-link";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                next(app);
                app.Run(async http =>
                {
                    if (http.Request.Path != Path)
                    {
                        http.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }

                    var links = http.RequestServices.GetRequiredService<IInsightLinks>();
                    var clock = http.RequestServices.GetRequiredService<TimeProvider>();
                    var link = new InsightLink(InsightKind.VolumeChart, People.Lead.Id, clock.GetUtcNow().AddHours(1));
                    await http.Response.WriteAsync(links.Create(link, "stats 2026-11-23.png")?.AbsoluteUri ?? "none");
                });
            };
    }

    protected const string EchoPath = LinkEcho.Path;
}
