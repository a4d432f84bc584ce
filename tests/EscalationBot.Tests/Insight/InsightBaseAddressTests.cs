using System.Net;
using EscalationBot.Insight;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Insight;

/// <summary>
/// A link's base address is Bot:PublicUrl; without it, the address of the request being answered, as a proxy in
/// front forwards it; without either (a job), there is no link.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InsightBaseAddressTests(AzuriteFixture fixture) : InsightLinkTest(fixture)
{
    [Fact]
    public async Task With_a_public_url_links_use_it_even_during_a_request()
    {
        var host = Start(publicUrl: "https://escalations.example.com/bot/");
        using var client = host.CreateClient();

        var url = await client.GetStringAsync(EchoPath);

        Assert.StartsWith("https://escalations.example.com/bot/insight/", url, StringComparison.Ordinal);
        Assert.EndsWith("/stats%202026-11-23.png", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_url_links_use_the_requests_address()
    {
        var host = Start(publicUrl: null);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Host = "bot.internal:8080";

        var url = await client.GetStringAsync(EchoPath);

        Assert.StartsWith("http://bot.internal:8080/insight/", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(host, new Uri(url))).StatusCode);
    }

    [Fact]
    public async Task Without_a_public_url_links_use_the_scheme_and_host_a_proxy_forwards()
    {
        var host = Start(publicUrl: null);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "escalations.azurewebsites.net");

        var url = await client.GetStringAsync(EchoPath);

        Assert.StartsWith("https://escalations.azurewebsites.net/insight/", url, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_public_url_or_a_request_there_is_no_link()
    {
        var host = Start(publicUrl: null);

        var url = host
            .Services.GetRequiredService<IInsightLinks>()
            .Create(Link(InsightKind.VolumeChart, People.Lead), "stats.png");

        Assert.Null(url);
    }

    [Theory]
    [InlineData("Testing", "escalations.example.com", "give an absolute http(s) address")]
    [InlineData("Testing", "ftp://escalations.example.com", "give an absolute http(s) address")]
    [InlineData("Testing", "https://escalations.example.com/?a=1", "without a query or fragment")]
    [InlineData("Production", "http://escalations.example.com", "use https outside Development and Testing")]
    public async Task A_public_url_that_cannot_serve_links_fails_start(string environment, string url, string message)
    {
        await using var host = new BotHost(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?> { ["Bot:PublicUrl"] = url }
        )
        {
            Environment = environment,
        };

        var failure = Record.Exception(() => host.Services);

        Assert.NotNull(failure);
        Assert.Contains($"Bot:PublicUrl is '{url}", StartFailures.Messages(failure));
        Assert.Contains(message, StartFailures.Messages(failure));
    }

    [Fact]
    public void An_empty_public_url_means_unset()
    {
        var host = Start(publicUrl: "");

        var url = host
            .Services.GetRequiredService<IInsightLinks>()
            .Create(Link(InsightKind.VolumeChart, People.Lead), "stats.png");

        Assert.Null(url);
    }
}
