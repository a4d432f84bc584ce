using EscalationBot.Storage;

namespace EscalationBot.Tests.Storage;

/// <summary>ConnectionStrings:Tables is a connection string, or the table service's address (a managed identity).</summary>
public sealed class TablesConnectionTests
{
    [Theory]
    [InlineData("https://escalations.table.core.windows.net")]
    [InlineData("https://escalations.table.core.windows.net/")]
    [InlineData(" https://127.0.0.1:10002/devstoreaccount1 ")]
    public void An_address_alone_is_the_table_service_signed_in_with_a_credential(string connection)
    {
        Assert.NotNull(TablesConnection.ServiceUri(connection));
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net")]
    [InlineData("TableEndpoint=https://escalations.table.core.windows.net/;SharedAccessSignature=sv=2024&sig=x")]
    [InlineData("escalations.table.core.windows.net")]
    public void Anything_else_is_a_connection_string(string connection)
    {
        Assert.Null(TablesConnection.ServiceUri(connection));
    }

    [Fact]
    public void The_client_for_an_address_names_the_account_in_it()
    {
        var client = TablesConnection.Create("https://escalations.table.core.windows.net", new());

        Assert.Equal("escalations", client.AccountName);
        Assert.Equal(new Uri("https://escalations.table.core.windows.net"), client.Uri);
    }
}
