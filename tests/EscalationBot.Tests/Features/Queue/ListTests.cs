using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Features.Queue;

[Collection(AzuriteCollection.Name)]
public sealed class ListTests(AzuriteFixture azurite) : BotTest(azurite)
{
    [Fact]
    public async Task Queue_and_mine_filter_open_cases_and_keep_them_oldest_first()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm("Sev1", "HateSpeech"), personal)
        );
        var instagram = Activities.IntakeForm("Sev2", "Privacy");
        instagram["platform"] = "Instagram";
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", instagram, personal));
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm("Sev1", "Misinformation"),
                personal
            )
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-3", "spec-dm"));

        Assert.Equal(["ESC-1", "ESC-3"], await ListAsync("queue sev1", "Open cases: Sev1 critical (2)"));
        Assert.Equal(["ESC-2"], await ListAsync("queue instagram privacy", "Open cases: Privacy, Instagram (1)"));
        Assert.Equal(["ESC-3"], await ListAsync("queue claimed", "Open cases: Claimed (1)"));
        Assert.Equal(["ESC-1", "ESC-2", "ESC-3"], await ListAsync("queue", "Open cases (3)"));
        Assert.Equal(["ESC-3"], await ListAsync("mine", "Your open cases (1)"));
        Assert.Empty(await ListAsync("mine instagram", "Your open cases: Instagram (0)"));

        await Host.SendAsync(Activities.Message(People.Specialist, "queue sev7", "spec-dm"));
        await Connector.WaitForAsync(
            c => c.Text.StartsWith("I don't know the filter \"sev7\". Filters:", StringComparison.Ordinal),
            "unknown filter"
        );
    }

    private async Task<List<string>> ListAsync(string command, string title)
    {
        var before = Connector.Calls.Count;
        await Host.SendAsync(Activities.Message(People.Specialist, command, "spec-dm"));
        var list = await Connector.WaitForAsync(
            c => c.AllText.StartsWith(title, StringComparison.Ordinal) && Connector.Calls.ToList().IndexOf(c) >= before,
            $"list: {title}"
        );
        return System
            .Text.RegularExpressions.Regex.Matches(list.AllText, @"\*\*(ESC-\d+)\*\*")
            .Select(m => m.Groups[1].Value)
            .ToList();
    }
}
