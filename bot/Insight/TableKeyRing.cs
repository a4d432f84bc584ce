using System.Xml.Linq;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace EscalationBot.Insight;

/// <summary>
/// The Data Protection key ring in Table Storage (table {prefix}Keys, one row per key), so that every instance
/// signs and reads links with the same keys and a restart keeps them: the framework's default ring is a folder in
/// the container. The keys are stored unencrypted: whoever can read the table can forge links (and read nothing
/// else, since links carry no case content). Wrapping them with Key Vault comes with issue 16.
/// </summary>
public sealed class TableKeyRing(TableClient table) : IXmlRepository
{
    private const string Partition = "key";
    private readonly Lazy<bool> created = new(() =>
    {
        table.CreateIfNotExists();
        return true;
    });

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = created.Value;
        return table
            .Query<TableEntity>(e => e.PartitionKey == Partition, select: ["Xml"])
            .Select(e => XElement.Parse(e.GetString("Xml")))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _ = created.Value;
        // Names are "key-{guid}" (or "revocation-…"); anything else gets a name of its own, as the file ring does.
        var row = IsRowKey(friendlyName) ? friendlyName : Guid.NewGuid().ToString("N");
        var entity = new TableEntity(Partition, row) { ["Xml"] = element.ToString(SaveOptions.DisableFormatting) };
        table.UpsertEntity(entity, TableUpdateMode.Replace);
    }

    private static bool IsRowKey(string name) =>
        name.Length is > 0 and <= 200 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
