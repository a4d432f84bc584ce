using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat;

/// <summary>Free text is cut to its limit (TextLimits), never refused for length nor a storage error.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BoundsTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private BotHost Roomy() =>
        new(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?> { ["Bot:MaxRequestBytes"] = (1024 * 1024).ToString() }
        );

    [Fact]
    public async Task A_huge_display_name_is_stored_and_shown_trimmed()
    {
        await using var host = Roomy();
        var huge = new TestUser(People.Reporter.Id, new string('N', 200 * 1024));

        var answer = await host.SendAsync(
            Activities.Invoke(huge, "submitIntake", Activities.IntakeForm(), Activities.Personal(huge))
        );

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer!.Value<string>("type"));
        var stored = await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None);
        Assert.Equal(TextLimits.Name, stored!.Case.Reporter.Name.Length);
        Assert.EndsWith("…", stored.Case.Reporter.Name);
        var person = await host
            .Services.GetRequiredService<IConversationStore>()
            .GetPersonAsync(People.Reporter.Id, CancellationToken.None);
        Assert.Equal(TextLimits.Name, person!.Name.Length);
        Assert.True(
            person.PersonalAddress!.Length < 2048,
            "the stored conversation reference carries the trimmed name only"
        );
    }

    [Fact]
    public async Task An_oversized_note_is_trimmed_not_refused()
    {
        await using var host = Roomy();
        await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );

        var response = await host.PostAsync(
            Activities.Message(People.Specialist, "note ESC-1 " + new string('x', 100 * 1024), "spec-dm")
        );

        Assert.True(response.IsSuccessStatusCode);
        await Connector.WaitForAsync(
            c => c.ConversationId == "spec-dm" && c.Text == "Note added to ESC-1.",
            "the note added"
        );
        var note = (
            await host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None)
        ).Single(h => h.Action == AuditAction.Note);
        Assert.Equal(TextLimits.Note, note.Text!.Length);
        Assert.EndsWith("x…", note.Text);
    }

    [Fact]
    public async Task An_oversized_note_from_a_card_is_trimmed_too()
    {
        await using var host = Roomy();
        await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "submitIntake",
                Activities.IntakeForm(),
                Activities.Personal(People.Reporter)
            )
        );

        var answer = await host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "note",
                new JObject { ["caseId"] = "ESC-1", ["note"] = new string('y', 50 * 1024) },
                Activities.QueueChannel
            )
        );

        Assert.Equal(200, answer!.Value<int>("statusCode"));
        var note = (
            await host.Services.GetRequiredService<ICaseStore>().HistoryAsync(1, CancellationToken.None)
        ).Single(h => h.Action == AuditAction.Note);
        Assert.Equal(TextLimits.Note, note.Text!.Length);
    }

    [Fact]
    public async Task An_intake_form_with_an_oversized_field_comes_back_with_it_cut_and_the_problem_named()
    {
        await using var host = Roomy();
        var form = Activities.IntakeForm();
        form["description"] = new string('d', 100 * 1024);

        var answer = await host.SendAsync(
            Activities.Invoke(People.Reporter, "submitIntake", form, Activities.Personal(People.Reporter))
        );

        var card = (JObject)answer!["value"]!;
        Assert.Contains("the limit is 4000", card.ToString());
        var description = card.Descendants().OfType<JObject>().Single(e => e.Value<string>("id") == "description");
        Assert.Equal(TextLimits.Description, description.Value<string>("value")!.Length);
        Assert.Null(await host.Services.GetRequiredService<ICaseStore>().GetAsync(1, CancellationToken.None));
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("from")]
    public async Task An_activity_with_an_id_too_long_to_be_a_channels_gets_400_and_changes_nothing(string holder)
    {
        await using var host = Roomy();
        var activity = Activities.Message(People.Lead, "setup queue", Activities.QueueChannel);
        activity[holder]!["id"] = "19:" + new string('q', 100 * 1024);

        var response = await host.PostAsync(activity);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{holder}.id is over", await response.Content.ReadAsStringAsync());
        Assert.Empty(Connector.Calls);
        Assert.Null(
            await host
                .Services.GetRequiredService<IConversationStore>()
                .GetBindingAsync(Bindings.Queue, CancellationToken.None)
        );
    }

    [Fact]
    public async Task The_escalate_prefill_is_trimmed_to_the_description_limit()
    {
        await Host.SendAsync(
            Activities.Message(
                People.Reporter,
                "escalate " + new string('d', 20 * 1024),
                Activities.Personal(People.Reporter)
            )
        );

        var intake = await Connector.WaitForAsync(c => c.AllText.Contains("File an escalation"), "the intake card");
        var description = intake
            .Card!.Descendants()
            .OfType<JObject>()
            .Single(e => e.Value<string>("id") == "description");
        Assert.Equal(TextLimits.Description, description.Value<string>("value")!.Length);
    }
}
