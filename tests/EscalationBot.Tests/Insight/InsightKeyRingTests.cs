using System.Net;
using Azure.Data.Tables;
using EscalationBot.Insight;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Insight;

/// <summary>
/// The signing keys live in the deployment's tables: a link outlives the instance that made it, and another
/// deployment (another table prefix) on the same machine cannot read it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InsightKeyRingTests(AzuriteFixture fixture) : InsightLinkTest(fixture)
{
    [Fact]
    public async Task A_link_made_by_one_instance_is_served_by_a_new_one_on_the_same_tables()
    {
        var first = Start();
        var url = Create(first, Link(InsightKind.Csv, People.Lead), "cases.csv");
        await StopAsync(first);

        var second = Start(tablePrefix: first.TablePrefix);
        var response = await FetchAsync(second, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = new TableClient(Azurite.ConnectionString, first.TablePrefix + "Keys").Query<TableEntity>().ToList();
        Assert.Single(keys);
        Assert.StartsWith("key-", keys[0].RowKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_deployments_link_is_not_found()
    {
        var ours = Start();
        var theirs = Start();
        var url = Create(theirs, Link(InsightKind.Csv, People.Lead), "cases.csv");

        var response = await FetchAsync(ours, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
