using System.Text.Json;

namespace EscalationBot.Chat;

/// <summary>
/// What the endpoint reads of a body before the adapter does: that it is an activity, its tenants, and whether an
/// id in it is too long to be a channel's (ids are stored, in conversation references among others).
/// </summary>
internal sealed record ActivityEnvelope(IReadOnlyCollection<string> Tenants, string? LongId)
{
    /// <summary>Teams' longest ids (a personal chat's, a thread's) are a few hundred characters.</summary>
    public const int MaxIdLength = 2048;

    private static readonly (string? Parent, string Name)[] Ids =
    [
        (null, "id"),
        (null, "channelId"),
        (null, "serviceUrl"),
        (null, "replyToId"),
        ("from", "id"),
        ("recipient", "id"),
        ("conversation", "id"),
    ];

    /// <summary>Null when the body is not a JSON object with a non-empty string <c>type</c>.</summary>
    public static ActivityEnvelope? Read(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String
                || type.GetString()!.Length == 0
            )
            {
                return null;
            }

            var tenants = new List<string>();
            foreach (var conversation in Properties(root, "conversation"))
            {
                Add(tenants, Properties(conversation, "tenantId"));
            }

            foreach (var tenant in Properties(root, "channelData").SelectMany(data => Properties(data, "tenant")))
            {
                Add(tenants, Properties(tenant, "id"));
            }

            var longId = Ids.FirstOrDefault(id =>
                (id.Parent is null ? [root] : Properties(root, id.Parent))
                    .SelectMany(parent => Properties(parent, id.Name))
                    .Any(value => value.ValueKind == JsonValueKind.String && value.GetString()!.Length > MaxIdLength)
            );
            return new ActivityEnvelope(
                tenants,
                longId.Name is null ? null
                    : longId.Parent is null ? longId.Name
                    : $"{longId.Parent}.{longId.Name}"
            );
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The adapter reads the body with Newtonsoft, which matches names in any case: so does this, taking them all.
    private static IEnumerable<JsonElement> Properties(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object
            ? parent
                .EnumerateObject()
                .Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Value)
                .ToList()
            : [];

    /// <summary>A tenant id that is there but not a string counts as a tenant nobody allowed.</summary>
    private static void Add(List<string> tenants, IEnumerable<JsonElement> ids) =>
        tenants.AddRange(
            ids.Where(id => id.ValueKind != JsonValueKind.Null)
                .Select(id => id.ValueKind == JsonValueKind.String ? id.GetString()! : "")
        );
}
