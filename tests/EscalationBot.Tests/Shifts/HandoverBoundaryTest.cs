using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Shifts;

/// <summary>
/// Digests at shift boundaries, end to end on Azurite: posted once to the leads and the queue, not again after a
/// restart, marked late when the boundary was missed, acknowledged in place, and nudged when nobody takes over.
/// The rota is set so that a shift has just started when the bot starts: the catch-up posts its digest.
/// </summary>
public abstract class HandoverBoundaryTest(AzuriteFixture azurite) : RestartableBotTest
{
    /// <summary>
    /// Two shifts, "Day" having started <paramref name="startedAgo"/> ago (UTC) and lasting <paramref name="length"/>
    /// hours, "Night" starting an hour after it ends; with a short Day, nothing runs for a while.
    /// </summary>
    internal static Dictionary<string, string?> Rota(
        TimeSpan startedAgo,
        string acknowledgeWithin = "00:30:00",
        int length = 12
    )
    {
        var start = TimeOnly.FromDateTime(DateTime.UtcNow - startedAgo);
        start = new TimeOnly(start.Hour, start.Minute);
        var end = start.AddHours(length);
        var nightEnd = length == 12 ? start : end.AddHours(2);
        return new()
        {
            ["Shifts:PostDigests"] = "true",
            ["Shifts:TimeZone"] = "Etc/UTC",
            ["Shifts:Definitions:0:Name"] = "Day",
            ["Shifts:Definitions:0:Start"] = start.ToString("HH:mm"),
            ["Shifts:Definitions:0:End"] = end.ToString("HH:mm"),
            ["Shifts:Definitions:1:Name"] = "Night",
            ["Shifts:Definitions:1:Start"] = (length == 12 ? end : end.AddHours(1)).ToString("HH:mm"),
            ["Shifts:Definitions:1:End"] = nightEnd.ToString("HH:mm"),
            ["Shifts:AcknowledgeWithin"] = acknowledgeWithin,
        };
    }

    /// <summary>
    /// Binds the queue and the leads' channel and files a case under a rota with no shift running, so that nothing
    /// is posted yet; then starts the bot on the same tables with <paramref name="settings"/>, as after a restart.
    /// </summary>
    protected async Task<BotHost> StartAsync(
        Dictionary<string, string?> settings,
        string? prefix = null,
        bool bind = true
    )
    {
        prefix ??= "t" + Guid.NewGuid().ToString("N")[..12];
        if (bind)
        {
            await using var setup = new BotHost(azurite, Connector, prefix, Rota(TimeSpan.FromHours(-3), length: 1));
            await setup.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
            await setup.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
            await setup.SendAsync(
                Activities.Invoke(
                    People.Reporter,
                    "submitIntake",
                    Activities.IntakeForm(),
                    Activities.Personal(People.Reporter)
                )
            );
            await setup.WaitForJobsAsync(60);
        }

        return Track(new BotHost(azurite, Connector, prefix, settings)); // started: its catch-up posts the digest of the shift in progress
    }

    protected IReadOnlyList<ConnectorCall> Digests(string conversationId) =>
        Connector
            .Calls.Where(c =>
                c.IsPost
                && c.ConversationId == conversationId
                && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal)
            )
            .ToList();
}
