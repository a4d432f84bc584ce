using Newtonsoft.Json.Linq;

namespace EscalationBot.Testing;

/// <summary>Activities as Teams (or Web Chat) sends them to /api/messages.</summary>
public sealed class Activities(RecordingConnector connector)
{
    public const string QueueChannel = "19:queue@thread.tacv2";
    public const string LeadsChannel = "19:leads@thread.tacv2";
    private int next;

    public static string Personal(TestUser user) => $"a:personal-{user.Id}";

    public JObject Message(TestUser from, string text, string conversationId, string channelId = "msteams") =>
        Base("message", from, conversationId, channelId, new JProperty("text", text));

    public JObject Invoke(TestUser from, string verb, JObject data, string conversationId, string? replyToId = null) =>
        Base(
            "invoke",
            from,
            conversationId,
            "msteams",
            new JProperty("name", "adaptiveCard/action"),
            new JProperty("replyToId", replyToId ?? "card-" + next),
            new JProperty(
                "value",
                new JObject
                {
                    ["action"] = new JObject
                    {
                        ["type"] = "Action.Execute",
                        ["verb"] = verb,
                        ["data"] = data,
                    },
                    ["trigger"] = "manual",
                }
            )
        );

    /// <summary>Web Chat's Action.Submit: a message whose value is the button data merged with the inputs.</summary>
    public JObject Submit(TestUser from, JObject value, string conversationId, string channelId = "webchat") =>
        Base(
            "message",
            from,
            conversationId,
            channelId,
            new JProperty("value", value),
            new JProperty("channelData", new JObject { ["postBack"] = true })
        );

    public JObject Raw(TestUser from, string type, string conversationId, params JProperty[] extra) =>
        Base(type, from, conversationId, "msteams", extra);

    private JObject Base(string type, TestUser from, string conversationId, string channelId, params JProperty[] extra)
    {
        var isChannel = conversationId.StartsWith("19:", StringComparison.Ordinal);
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = $"act-{Interlocked.Increment(ref next)}",
            ["timestamp"] = DateTimeOffset.UtcNow,
            ["channelId"] = channelId,
            ["serviceUrl"] = connector.ServiceUrl,
            // In Teams a person is their Entra object id: the test user's id, so Person.Id stays e.g. "lead-1" there.
            ["from"] =
                channelId == "msteams"
                    ? new JObject
                    {
                        ["id"] = from.Id,
                        ["name"] = from.Name,
                        ["aadObjectId"] = from.Id,
                    }
                    : new JObject { ["id"] = from.Id, ["name"] = from.Name },
            ["recipient"] = new JObject { ["id"] = "bot-id", ["name"] = "EscalationBot" },
            ["conversation"] = new JObject
            {
                ["id"] = conversationId,
                ["conversationType"] = isChannel ? "channel" : "personal",
                ["isGroup"] = isChannel,
                ["tenantId"] = "tenant-1",
            },
        };
        foreach (var property in extra)
        {
            activity.Add(property);
        }

        return activity;
    }

    private static int forms;

    /// <summary>
    /// A valid intake form. Each call names its own post and page unless <paramref name="urls"/> and
    /// <paramref name="account"/> are given, so that filings do not trip the duplicate check by accident.
    /// </summary>
    public static JObject IntakeForm(
        string severity = "Sev1",
        string policyArea = "HateSpeech",
        string? urls = null,
        string? account = null
    )
    {
        var n = Interlocked.Increment(ref forms);
        return Form(
            severity,
            policyArea,
            urls ?? $"https://www.facebook.com/post/{n}",
            account ?? $"https://www.facebook.com/examplepage{n}"
        );
    }

    private static JObject Form(string severity, string policyArea, string urls, string account) =>
        new()
        {
            ["platform"] = "Facebook",
            ["partner"] = "Example News",
            ["account"] = account,
            ["contentUrls"] = urls,
            ["policyArea"] = policyArea,
            ["severity"] = severity,
            ["description"] = "Coordinated threats against a journalist.",
        };
}
