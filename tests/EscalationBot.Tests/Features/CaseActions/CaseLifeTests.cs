using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Features.CaseActions;

/// <summary>Release, notes, reopen and the timeline, end to end through /api/messages against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseLifeTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private static readonly JObject Esc1 = new() { ["caseId"] = "ESC-1" };

    [Fact]
    public async Task A_long_timeline_shows_its_newest_entries_and_counts_the_earlier_ones()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        await Host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));
        JObject? last = null;
        for (var i = 1; i <= 20; i++)
        {
            last = await Host.SendAsync(
                Activities.Invoke(
                    People.Specialist,
                    "note",
                    new JObject(Esc1) { ["note"] = $"Note number {i}." },
                    Activities.QueueChannel
                )
            );
        }

        // 22 entries (filed, claimed, 20 notes): the card shows the newest 15 and says how many came before.
        var texts = SentCards.Texts(last!["value"]!);
        Assert.Contains("…7 earlier entries: type 'history' with the case id for all.", texts);
        Assert.Contains("Note number 20.", texts);
        Assert.Contains("Note number 6.", texts);
        Assert.DoesNotContain("Note number 5.", texts);

        // The history card shows 20 of them.
        await Host.SendAsync(Activities.Message(People.Specialist, "history ESC-1", "sam-dm"));
        var history = await Connector.WaitForAsync(
            c => c.ConversationId == "sam-dm" && c.AllText.Contains("History of ESC-1"),
            "history"
        );
        Assert.Contains("…2 earlier entries: type 'history' with the case id for all.", history.AllText);
        Assert.Contains("Note number 1.", history.AllText);
    }

    [Fact]
    public async Task Release_note_resolve_and_a_reopen_by_the_reporter_all_land_on_the_card_and_the_timeline()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        await Connector.WaitForAsync(
            c => c.IsPost && c.ConversationId == Activities.QueueChannel && c.AllText.Contains("ESC-1"),
            "queue post"
        );
        await Host.WaitForJobsAsync();
        await Host.SendAsync(Activities.Invoke(People.Specialist, "claim", Esc1, Activities.QueueChannel));

        var noted = await Host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "note",
                new JObject(Esc1) { ["note"] = "Partner confirmed by phone." },
                Activities.QueueChannel
            )
        );
        Assert.Contains("Partner confirmed by phone.", SentCards.Texts(noted!["value"]!));

        var released = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "release", Esc1, Activities.QueueChannel)
        );
        var releasedCard = (JObject)released!["value"]!;
        Assert.Contains("Unclaimed · filed", SentCards.Texts(releasedCard));
        // Every time on the card in the team's zone (appsettings.json: Asia/Singapore), named; none in the viewer's.
        Assert.Matches(
            @"Unclaimed · filed \w{3} \d{1,2} \w{3} \d{2}:\d{2} \(Singapore, UTC\+8\)",
            SentCards.Texts(releasedCard)
        );
        Assert.DoesNotContain("{{DATE(", releasedCard.ToString());
        Assert.Contains(SentCards.Actions(releasedCard), a => a.Value<string>("verb") == "claim");
        await Connector.WaitForAsync(
            c => c.IsUpdate && c.AllText.Contains("Unclaimed · filed"),
            "queue card back to unclaimed"
        );

        await Host.SendAsync(Activities.Invoke(People.Specialist2, "claim", Esc1, Activities.QueueChannel));
        await Host.SendAsync(
            Activities.Invoke(
                People.Specialist2,
                "resolve",
                new JObject(Esc1) { ["outcome"] = "NoViolation", ["summary"] = "Satire." },
                Activities.QueueChannel
            )
        );
        var outcome = await Connector.WaitForAsync(
            c => c.ConversationId == personal && c.AllText.Contains("ESC-1 resolved: No violation"),
            "outcome to the reporter"
        );
        Assert.Contains(SentCards.Actions(outcome.Card!), a => a.Value<string>("verb") == "reopen");

        var reopened = await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "reopen",
                new JObject(Esc1) { ["reason"] = "The account posted again." },
                personal
            )
        );
        var reporterView = SentCards.Texts(reopened!["value"]!);
        Assert.Contains("Reopened", reporterView);
        Assert.DoesNotContain("Partner confirmed by phone.", reporterView);
        await Connector.WaitForAsync(
            c => c.IsUpdate && c.AllText.Contains("State\nReopened"),
            "queue card shows the reopen"
        );

        var stored = (await Host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case;
        Assert.Equal(CaseState.Reopened, stored.State);
        Assert.Equal(People.Specialist2.Id, stored.Owner!.Id);
        Assert.Single(await Host.Services.GetRequiredService<ICaseStore>().ListOpenAsync(CancellationToken.None));

        await Host.SendAsync(Activities.Message(People.Lead, "history ESC-1", "lead-dm"));
        var history = await Connector.WaitForAsync(
            c => c.ConversationId == "lead-dm" && c.AllText.Contains("History of ESC-1"),
            "history"
        );
        var lines = history.AllText.Split('\n').Where(l => l.Contains(" · **", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, lines.Count);
        string[] expected =
        [
            "Pat Partner-Manager** · filed",
            "EscalationBot** · posted to queue",
            "Sam Specialist** · claimed (New → Claimed)",
            "Sam Specialist** · note",
            "Sam Specialist** · released to the queue (Claimed → New)",
            "Sky Specialist** · claimed (New → Claimed)",
            "Sky Specialist** · resolved: No violation (Claimed → Resolved)",
            "Pat Partner-Manager** · reopened (Resolved → Reopened)",
        ];
        Assert.All(expected.Zip(lines), pair => Assert.EndsWith(pair.First, pair.Second));
        Assert.Contains("The account posted again.", history.AllText);

        await Host.SendAsync(Activities.Message(People.Reporter, "history ESC-1", personal));
        await Connector.WaitForAsync(
            c =>
                c.ConversationId == personal
                && c.Text.StartsWith("A case's history is for specialists and leads.", StringComparison.Ordinal),
            "history refused to the reporter"
        );
    }

    [Fact]
    public async Task Typed_release_note_and_reopen_work_and_a_replayed_button_changes_nothing()
    {
        await Host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));
        await Host.SendAsync(
            Activities.Message(People.Specialist, "note ESC-1 Waiting for the partner's screenshots", "spec-dm")
        );
        await Connector.WaitForAsync(c => c.Text == "Note added to ESC-1.", "typed note");
        await Host.SendAsync(Activities.Message(People.Specialist, "release ESC-1", "spec-dm"));
        await Connector.WaitForAsync(c => c.Text == "ESC-1 is back in the queue.", "typed release");

        var replay = await Host.SendAsync(
            Activities.Invoke(People.Specialist, "release", Esc1, Activities.QueueChannel)
        );
        Assert.Equal("Can't release: ESC-1 is new: it can be: claim, note.", replay!.Value<string>("value"));

        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));
        await Host.SendAsync(Activities.Message(People.Specialist, "resolve ESC-1 actioned Removed.", "spec-dm"));
        await Host.SendAsync(Activities.Message(People.Specialist, "reopen ESC-1 Partner sent more links", "spec-dm"));
        await Connector.WaitForAsync(c => c.Text == "ESC-1 is reopened and back with Sam Specialist.", "typed reopen");
        await Connector.WaitForAsync(
            c => c.ConversationId == Activities.Personal(People.Reporter) && c.AllText.Contains("ESC-1 reopened"),
            "reporter told of the reopen"
        );

        var history = await Host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None);
        Assert.Equal(
            [
                AuditAction.Filed,
                AuditAction.Claimed,
                AuditAction.Note,
                AuditAction.Released,
                AuditAction.Claimed,
                AuditAction.Resolved,
                AuditAction.Reopened,
            ],
            history.Select(h => h.Action)
        );
        Assert.Equal(Outcome.Actioned, history[5].Detail?.Outcome);
    }

    [Fact]
    public async Task The_outcome_sent_after_a_quick_reopen_still_says_what_the_resolution_said()
    {
        var personal = Activities.Personal(People.Reporter);
        await Host.SendAsync(Activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm(), personal));
        await Host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));
        await Host.SendAsync(Activities.Message(People.Specialist, "resolve ESC-1 actioned Removed.", "spec-dm"));
        await Host.SendAsync(Activities.Message(People.Reporter, "reopen ESC-1 Still up", personal));
        await Host.WaitForJobsAsync();
        var sent = Connector.Calls.Count;

        // The outbox sends the notice of version 3 (the resolution) only now, with the case reopened since.
        await Host
            .Services.GetRequiredService<EscalationBot.Chat.ReporterNotifier>()
            .NotifyReporterAsync(1, ReporterNotice.Resolved, 3, CancellationToken.None);

        var outcome = Assert.Single(Connector.Calls.Skip(sent));
        Assert.Equal(personal, outcome.ConversationId);
        Assert.Contains("ESC-1 resolved: Actioned", outcome.AllText);
        Assert.Contains("Removed.", outcome.AllText);
    }

    [Fact]
    public async Task After_the_reopen_window_a_case_is_closed_and_final()
    {
        await using var host = new BotHost(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?> { ["Cases:ReopenWindow"] = "00:00:00" }
        );
        await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );
        await host.SendAsync(Activities.Message(People.Specialist, "claim ESC-1", "spec-dm"));
        await host.SendAsync(Activities.Message(People.Specialist, "resolve ESC-1 actioned Removed.", "spec-dm"));

        var refused = await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "reopen",
                new JObject(Esc1) { ["reason"] = "Again" },
                Activities.Personal(People.Reporter)
            )
        );
        Assert.StartsWith("ESC-1 is closed: the 0 s reopen window has passed.", refused!.Value<string>("value"));
        var note = await host.SendAsync(
            Activities.Invoke(People.Lead, "note", new JObject(Esc1) { ["note"] = "late" }, Activities.QueueChannel)
        );
        Assert.Equal(
            "Can't note: ESC-1 is closed: nothing more can be done; file a new escalation if needed.",
            note!.Value<string>("value")
        );
        Assert.Equal(
            CaseState.Resolved,
            (await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None))!.Case.State
        );
    }
}
