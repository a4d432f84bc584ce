using Azure.Data.Tables;
using Azure.Identity;

namespace EscalationBot.Storage;

/// <summary>
/// ConnectionStrings:Tables is either a connection string (Azurite's, or an account key or SAS kept as a secret), or
/// the table service's address alone (<c>https://&lt;account&gt;.table.core.windows.net</c>): then the bot signs in
/// with <see cref="DefaultAzureCredential"/>, which in App Service is the managed identity AZURE_CLIENT_ID names and
/// on a developer's machine their <c>az login</c>, so production keeps no account key anywhere.
/// </summary>
public static class TablesConnection
{
    /// <summary>The table service's address, when <paramref name="connection"/> is one rather than a connection string.</summary>
    public static Uri? ServiceUri(string connection) =>
        !connection.Contains('=')
        && Uri.TryCreate(connection.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    public static TableServiceClient Create(string connection, TableClientOptions options) =>
        ServiceUri(connection) is { } uri
            ? new TableServiceClient(uri, new DefaultAzureCredential(), options)
            : new TableServiceClient(connection, options);
}
