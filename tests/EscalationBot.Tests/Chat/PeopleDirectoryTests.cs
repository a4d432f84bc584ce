using EscalationBot.Chat;
using EscalationBot.Roster;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace EscalationBot.Tests.Chat;

/// <summary>The staff list every staff card shows is read once and kept, until a staff member changes or the roster does.</summary>
public sealed class PeopleDirectoryTests
{
    private readonly Mock<IConversationStore> store = new();
    private readonly RosterOptions roster = new() { Leads = ["aad:lead"], Specialists = ["aad:sam"] };
    private readonly PeopleDirectory people;

    public PeopleDirectoryTests()
    {
        store
            .Setup(s => s.GetPeopleAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(
                (IReadOnlyCollection<string> ids, CancellationToken _) =>
                    ids.Select(id => new KnownPerson(id, id, null, null)).ToList()
            );
        var monitor = Mock.Of<IOptionsMonitor<RosterOptions>>(m => m.CurrentValue == roster);
        people = new PeopleDirectory(store.Object, new TeamRoster(monitor), Mock.Of<ILogger<PeopleDirectory>>());
    }

    [Fact]
    public async Task The_staff_list_is_read_once_for_many_cards()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(["lead", "sam"], (await people.StaffAsync(CancellationToken.None)).Select(p => p.Id));
        }

        Reads(Times.Once());
    }

    [Fact]
    public async Task A_staff_member_recorded_here_is_on_the_next_card_and_a_partner_manager_changes_nothing()
    {
        await people.StaffAsync(CancellationToken.None);

        await people.RememberAsync(Turn("pm-1", "sam-partner"), CancellationToken.None);
        await people.StaffAsync(CancellationToken.None);
        Reads(Times.Once());

        await people.RememberAsync(Turn("sam", "Sam Specialist"), CancellationToken.None);
        await people.StaffAsync(CancellationToken.None);
        Reads(Times.Exactly(2));
    }

    [Fact]
    public async Task A_roster_change_is_on_the_next_card()
    {
        await people.StaffAsync(CancellationToken.None);
        roster.Specialists.Add("aad:sky");

        Assert.Contains(await people.StaffAsync(CancellationToken.None), p => p.Id == "sky");
        Reads(Times.Exactly(2));
    }

    private void Reads(Times times) =>
        store.Verify(
            s => s.GetPeopleAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()),
            times
        );

    private static TurnContext Turn(string aadObjectId, string name) =>
        new(
            new TestAdapter(),
            new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = "msteams",
                From = new ChannelAccount($"29:{aadObjectId}", name) { AadObjectId = aadObjectId },
                Conversation = new ConversationAccount { Id = $"a:{aadObjectId}", ConversationType = "personal" },
                ServiceUrl = "https://smba.example/",
            }
        );
}
