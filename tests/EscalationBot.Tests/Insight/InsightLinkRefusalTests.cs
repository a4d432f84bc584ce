using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using EscalationBot.Insight;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Insight;

/// <summary>Unsigned, tampered, malformed and expired links all get the same 404.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InsightLinkRefusalTests(AzuriteFixture azurite) : InsightLinkTest(azurite)
{
    [Fact]
    public async Task An_unsigned_link_is_not_found()
    {
        var host = Start();
        var payload = JsonSerializer.SerializeToUtf8Bytes(Link(InsightKind.Csv, People.Lead));
        var url = new Uri($"{PublicUrl}/insight/{Base64Url.EncodeToString(payload)}/cases.csv");

        var response = await FetchAsync(host, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(0.9)]
    public async Task A_link_with_one_character_changed_is_not_found(double where)
    {
        var host = Start();
        var url = Create(host, Link(InsightKind.Csv, People.Lead), "cases.csv");
        var token = url.Segments[2].TrimEnd('/');
        var i = (int)(token.Length * where);
        var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];

        var original = await FetchAsync(host, url);
        var changed = await FetchAsync(host, new Uri(url.AbsoluteUri.Replace(token, tampered)));

        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("%25%25%25")]
    [InlineData("AAAA")]
    public async Task A_malformed_token_is_not_found(string token)
    {
        var host = Start();

        var response = await FetchAsync(host, new Uri($"{PublicUrl}/insight/{token}/cases.csv"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_link_is_served_until_it_expires_by_the_bots_clock_and_not_after()
    {
        var host = Start();
        var url = Create(host, Link(InsightKind.Csv, People.Lead, TimeSpan.FromMinutes(15)), "cases.csv");

        var fresh = await FetchAsync(host, url);
        Clock.Advance(TimeSpan.FromMinutes(15));
        var expired = await FetchAsync(host, url);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }
}
