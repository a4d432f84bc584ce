using EscalationBot.Cases;
using EscalationBot.Roster;
using Microsoft.Extensions.Options;
using Moq;

namespace EscalationBot.Tests.Roster;

public sealed class PersonIdTests
{
    private const string ObjectId = "6b1f2a6e-8c1d-4a40-9a4e-2f1c0d9e7a11";

    [Fact]
    public void In_teams_a_person_is_their_object_id_and_elsewhere_the_channel_qualified_from_id()
    {
        Assert.Equal(ObjectId, PersonId.Of("msteams", "29:1abc", ObjectId.ToUpperInvariant()));
        Assert.Equal("webchat:user-1", PersonId.Of("webchat", "user-1", null));
        Assert.Equal("webchat:" + ObjectId, PersonId.Of("webchat", ObjectId, ObjectId));
        Assert.Equal("directline:29:1abc", PersonId.Of("DirectLine", "29:1abc", null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("webchat:pm-1")]
    public void A_teams_activity_without_a_plain_object_id_is_msteams_qualified(string? aadObjectId) =>
        Assert.Equal("msteams:29:1abc", PersonId.Of("msteams", "29:1abc", aadObjectId));

    [Theory]
    [InlineData("msteams", null)]
    [InlineData("msteams", "")]
    [InlineData("", "user-1")]
    [InlineData(null, "user-1")]
    public void An_activity_without_a_sender_or_channel_names_nobody(string? channel, string? fromId) =>
        Assert.Null(PersonId.Of(channel, fromId, null));

    [Fact]
    public void An_over_long_from_id_names_nobody() =>
        Assert.Null(PersonId.Of("webchat", new string('x', PersonId.MaxLength + 1), null));

    [Theory]
    [InlineData("aad:" + ObjectId, ObjectId)]
    [InlineData("AAD:6B1F2A6E-8C1D-4A40-9A4E-2F1C0D9E7A11", ObjectId)]
    [InlineData("webchat:user-1", "webchat:user-1")]
    [InlineData(" directline:29:1abc ", "directline:29:1abc")]
    public void A_roster_entry_names_one_identity(string entry, string person) =>
        Assert.Equal(person, PersonId.FromEntry(entry, out _));

    [Theory]
    [InlineData(ObjectId, "names nobody explicitly")]
    [InlineData("user-lead", "names nobody explicitly")]
    [InlineData("aad:", "names nobody explicitly")]
    [InlineData(":user-1", "names nobody explicitly")]
    [InlineData("msteams:29:1abc", "use aad:<Entra object id>")]
    [InlineData("aad:webchat:user-1", "an object id holds no ':'")]
    public void Anything_else_is_refused_with_the_reason(string entry, string reason)
    {
        Assert.Null(PersonId.FromEntry(entry, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void The_roster_matches_identities_not_bare_ids()
    {
        var roster = new TeamRoster(
            Monitor(new RosterOptions { Leads = ["aad:" + ObjectId], Specialists = ["webchat:sam"] })
        );

        Assert.Equal(Role.Lead, roster.RoleOf(PersonId.Of("msteams", "29:1abc", ObjectId)));
        Assert.Equal(Role.Reporter, roster.RoleOf(PersonId.Of("webchat", ObjectId, ObjectId)));
        Assert.Equal(Role.Reporter, roster.RoleOf(PersonId.Of("msteams", "29:1abc", null)));
        Assert.Equal(Role.Specialist, roster.RoleOf(PersonId.Of("webchat", "sam", null)));
        Assert.Equal(Role.Reporter, roster.RoleOf(PersonId.Of("webchat", "Sam", null)));
        Assert.Equal(Role.Reporter, roster.RoleOf(PersonId.Of("directline", "sam", null)));
        Assert.Equal(Role.Reporter, roster.RoleOf(null));
    }

    private static IOptionsMonitor<RosterOptions> Monitor(RosterOptions options) =>
        Mock.Of<IOptionsMonitor<RosterOptions>>(m => m.CurrentValue == options);
}
