using System.Net;
using Azure.Data.Tables;
using EscalationBot.Storage;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.Insight;

/// <summary>
/// "stats" end to end through /api/messages on Azurite: cases filed, claimed and resolved on a fake clock, and the
/// figures the card shows, worked out by hand; who may ask; and the answer while the filing index is being built.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatsCommandTests(AzuriteFixture azurite) : BotTest(azurite)
{
    // Monday 4 January 2027, 09:00 in Singapore.
    private static readonly DateTimeOffset Monday = new(2027, 1, 4, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Monday);

    // 1:1 chats: the SLA reminders the fake clock makes due go to the queue, and could come after an answer there.
    private static readonly string SpecialistDm = Activities.Personal(People.Specialist);
    private static readonly string LeadDm = Activities.Personal(People.Lead);

    private async Task StartAsync()
    {
        await Host.DisposeAsync();
        Host = new BotHost(Azurite, Connector) { Clock = clock };
    }

    private async Task FileAsync(string severity)
    {
        var answer = await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(severity),
                Activities.Personal(People.Reporter)
            )
        );
        Assert.Contains("filed", SentCards.Texts(answer!["value"]!));
    }

    private async Task SayAsync(TestUser who, string text, string conversation = Activities.QueueChannel) =>
        await Host.SendAsync(Activities.Message(who, text, conversation));

    private async Task<string> StatsAsync(TestUser who, string text, string conversation)
    {
        var before = Connector.Calls.Count;
        await SayAsync(who, text, conversation);
        return Connector.Calls.Skip(before).Last(c => c.ConversationId == conversation).AllText;
    }

    /// <summary>
    /// ESC-1 Sev1 filed 09:00, claimed 09:10, resolved 10:10: MTTA 10 min, MTTR 70 min, both targets met.
    /// ESC-2 Sev2 filed 10:10, claimed 10:40: MTTA 30 min. ESC-3 Sev1 filed 10:40, unclaimed at 11:00: a breach.
    /// MTTA median of 10 and 30 is 20 min; its p90 is 10 + 0.9 × 20 = 28 min.
    /// </summary>
    private async Task WorkAWeekAsync()
    {
        await StartAsync();
        await SayAsync(People.Lead, "setup queue");
        await FileAsync("Sev1");
        clock.Advance(TimeSpan.FromMinutes(10));
        await SayAsync(People.Specialist, "claim ESC-1");
        clock.Advance(TimeSpan.FromMinutes(60));
        await SayAsync(People.Specialist, "resolve ESC-1 actioned Removed the threats.");
        await FileAsync("Sev2");
        clock.Advance(TimeSpan.FromMinutes(30));
        await SayAsync(People.Specialist2, "claim ESC-2");
        await FileAsync("Sev1");
        clock.Advance(TimeSpan.FromMinutes(20));
    }

    [Fact]
    public async Task The_card_shows_the_weeks_figures_as_worked_out_by_hand()
    {
        await WorkAWeekAsync();

        var card = await StatsAsync(People.Lead, "stats", LeadDm);

        Assert.Contains("Stats · Week of Mon 4 Jan 2027", card);
        Assert.Contains("Cases filed Mon 4 Jan to Sun 10 Jan 2027 (Singapore, UTC+8)", card);
        foreach (
            var (fact, value) in new[]
            {
                ("Filed", "3 ▲ (0 before)"),
                ("Claimed", "2"),
                ("Resolved", "1"),
                ("Reopened", "0"),
                ("Still open", "2"),
                ("Oldest", "ESC-2, 50 min"),
                ("Under 1 day", "2"),
            }
        )
        {
            Assert.Contains($"{fact}\n{value}", card);
        }

        Assert.Contains("Median\n20 min", card);
        Assert.Contains("90th percentile\n28 min", card);
        Assert.Contains("Median\n1 h 10 min", card); // MTTR: ESC-1 alone.
        Assert.Contains("Targets met · 1 breach", card);
        Assert.Contains("first response 1/2 (50%) · resolution 1/1 (100%)", card);
        Assert.Contains("Filed to the first claim", card);
    }

    [Fact]
    public async Task The_cards_charts_are_pngs_the_bot_serves_at_signed_links()
    {
        await WorkAWeekAsync();
        var before = Connector.Calls.Count;
        await SayAsync(People.Specialist, "stats week sev1", SpecialistDm);
        var card = Connector.Calls.Skip(before).Last(c => c.ConversationId == SpecialistDm).Card!;

        var images = card.Descendants().OfType<JObject>().Where(o => o.Value<string>("type") == "Image").ToList();
        Assert.Equal(2, images.Count);
        using var client = Host.CreateClient();
        foreach (var image in images)
        {
            Assert.False(string.IsNullOrEmpty(image.Value<string>("altText")));
            var response = await client.GetAsync(new Uri(image.Value<string>("url")!).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await response.Content.ReadAsByteArrayAsync())[..4]);
        }
    }

    [Fact]
    public async Task Filters_and_periods_narrow_the_figures()
    {
        await WorkAWeekAsync();

        var sev2 = await StatsAsync(People.Specialist, "stats today sev2", SpecialistDm);
        Assert.Contains("Filed\n1 ", sev2);
        Assert.Contains("Sev2", sev2);
        var lastMonth = await StatsAsync(People.Specialist, "stats 2026-12-01..2026-12-31", SpecialistDm);
        Assert.Contains("Filed\n0", lastMonth);
        var wrong = await StatsAsync(People.Specialist, "stats fortnight", SpecialistDm);
        Assert.Contains("I don't know the period or filter \"fortnight\"", wrong);
        Assert.Contains("Periods: today, week", wrong);
    }

    [Fact]
    public async Task Partner_managers_get_no_figures()
    {
        await StartAsync();
        await FileAsync("Sev1");

        var answer = await StatsAsync(People.Reporter, "stats", Activities.Personal(People.Reporter));

        Assert.Contains("for specialists and leads", answer);
        Assert.DoesNotContain("Filed", answer);
    }

    [Fact]
    public async Task While_the_filing_index_is_being_built_the_answer_says_so_and_reads_no_cases()
    {
        await StartAsync();
        await FileAsync("Sev1");
        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(Host.TablePrefix + "Cases");
        await table.DeleteEntityAsync(CaseKeys.Partition, CaseKeys.FiledReady);

        var answer = await StatsAsync(People.Lead, "stats", LeadDm);

        Assert.Contains("being prepared", answer);
    }
}
