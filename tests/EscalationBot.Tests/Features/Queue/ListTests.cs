using EscalationBot.Cases;
using EscalationBot.Features.Queue;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task A_long_queue_reads_one_page_shows_its_first_cases_and_says_how_many_more_or_how_to_narrow_it()
    {
        var store = Host.Services.GetRequiredService<ICaseStore>();
        await store.EnsureCreatedAsync(CancellationToken.None);
        for (var i = 0; i < QueueHandler.QueuePageSize + 3; i++)
        {
            var severity = i < QueueHandler.QueueListLength + 2 ? Severity.Sev1 : Severity.Sev3;
            await store.CreateAsync(
                n =>
                    (
                        CaseRulesTests.NewCase(severity) with
                        {
                            Number = n,
                        },
                        new AuditEntry(
                            n,
                            DateTimeOffset.UtcNow,
                            new Person(People.Reporter.Id, People.Reporter.Name),
                            AuditAction.Filed,
                            null,
                            CaseState.New
                        )
                    ),
                CaseEffects.None,
                CancellationToken.None
            );
        }

        var all = await ListAsync("queue", "Open cases (50+)");
        Assert.Equal(Enumerable.Range(1, QueueHandler.QueueListLength).Select(CaseId.Format), all);
        Assert.Contains(
            "…and at least 35 more. Add a filter to narrow the list, such as 'queue sev1 new'. Filters: ",
            Last.AllText
        );

        var sev1 = await ListAsync("queue sev1", "Open cases: Sev1 critical (17)");
        Assert.Equal(QueueHandler.QueueListLength, sev1.Count);
        Assert.Contains("…and 2 more.", Last.AllText);
    }

    private ConnectorCall Last { get; set; } = null!;

    private async Task<List<string>> ListAsync(string command, string title)
    {
        var before = Connector.Calls.Count;
        await Host.SendAsync(Activities.Message(People.Specialist, command, "spec-dm"));
        var list = await Connector.WaitForAsync(
            c => c.AllText.StartsWith(title, StringComparison.Ordinal) && Connector.Calls.ToList().IndexOf(c) >= before,
            $"list: {title}"
        );
        Last = list;
        return System
            .Text.RegularExpressions.Regex.Matches(list.AllText, @"\*\*(ESC-\d+)\*\*")
            .Select(m => m.Groups[1].Value)
            .ToList();
    }
}
