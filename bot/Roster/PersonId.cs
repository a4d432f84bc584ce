namespace EscalationBot.Roster;

/// <summary>
/// Who a person is, one identity per channel: the id stored as <c>Person.Id</c> (owner, reporter, people directory,
/// shift roster, deliveries) and matched against the roster. In Teams it is the Entra object id
/// (<c>from.aadObjectId</c>), lower-cased; on any other channel it is <c>{channelId}:{from.id}</c>, because there
/// <c>from.id</c> is whatever that channel (often the client) says. The two forms never meet: an object id holds no
/// <c>:</c>, so a Web Chat user sending a lead's object id as <c>from.id</c> is <c>webchat:{that id}</c>, nobody on
/// the roster. A Teams activity without an object id is <c>msteams:{from.id}</c>, which no roster entry may name.
/// </summary>
public static class PersonId
{
    public const string Teams = "msteams";
    public const string AadPrefix = "aad:";

    /// <summary>Longer ids are not a channel's: Teams ids are under 100 characters, and ids become table keys.</summary>
    public const int MaxLength = 256;

    /// <summary>The person an activity comes from, or null when it names nobody usable.</summary>
    public static string? Of(string? channelId, string? fromId, string? aadObjectId)
    {
        var channel = (channelId ?? "").Trim().ToLowerInvariant();
        if (
            string.IsNullOrWhiteSpace(fromId)
            || channel.Length == 0
            || fromId.Length > MaxLength
            || channel.Length > 64
        )
        {
            return null;
        }

        return channel == Teams && IsObjectId(aadObjectId)
            ? aadObjectId!.Trim().ToLowerInvariant()
            : $"{channel}:{fromId}";
    }

    /// <summary>The person a signed-in Entra user is (App Service authentication passes the object id).</summary>
    public static string? OfObjectId(string? objectId) =>
        IsObjectId(objectId) ? objectId!.Trim().ToLowerInvariant() : null;

    /// <summary>
    /// The person a roster entry names: <c>aad:{object id}</c> for a Teams user, <c>{channelId}:{from.id}</c> for
    /// another channel's. Null, with <paramref name="problem"/> saying why, when the entry is not one of these.
    /// </summary>
    public static string? FromEntry(string? entry, out string? problem)
    {
        var text = entry?.Trim() ?? "";
        var colon = text.IndexOf(':');
        problem = null;
        if (colon <= 0 || colon == text.Length - 1)
        {
            problem =
                $"'{Shown(text)}' names nobody explicitly: write aad:<Entra object id> for a Teams user, or "
                + "<channelId>:<from.id> for another channel's (webchat:user-1).";
            return null;
        }

        var channel = text[..colon].ToLowerInvariant();
        var id = text[(colon + 1)..];
        if (channel == "aad")
        {
            if (OfObjectId(id) is { } objectId)
            {
                return objectId;
            }

            problem = $"'{Shown(text)}' is not aad:<Entra object id>: an object id holds no ':'.";
            return null;
        }

        if (channel == Teams)
        {
            problem =
                $"'{Shown(text)}' names a Teams user by from.id, which is not their identity: use "
                + "aad:<Entra object id>.";
            return null;
        }

        var person = Of(channel, id, null);
        problem = person is null ? $"'{Shown(text)}' is too long for a user id." : null;
        return person;
    }

    private static bool IsObjectId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && !id.Contains(':') && id.Trim().Length <= MaxLength;

    private static string Shown(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
