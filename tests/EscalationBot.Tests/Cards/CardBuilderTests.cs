using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using EscalationBot.Chat;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Cards;

public sealed class CardBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 10, 0, TimeSpan.Zero);

    private static JObject Json(AdaptiveCard card) => JObject.Parse(CardJson.Serialize(card));

    private static List<JObject> Buttons(JObject card) =>
        card.Descendants()
            .OfType<JObject>()
            .Where(o => o.Value<string>("type") is "Action.Execute" or "Action.Submit")
            .ToList();

    [Fact]
    public void Teams_cards_use_action_execute_with_the_verb_and_case_id()
    {
        var claim = Buttons(
                Json(CaseCard.Build(CaseViews.Of(CardSamples.NewCase(), Now), new Buttons(ButtonMode.Execute)))
            )
            .Single(b => b.Value<string>("title") == "Claim");
        Assert.Equal("Action.Execute", claim.Value<string>("type"));
        Assert.Equal("claim", claim.Value<string>("verb"));
        Assert.Equal("ESC-12", claim["data"]!.Value<string>("caseId"));
    }

    [Fact]
    public void Other_channels_get_action_submit_with_the_verb_in_the_data()
    {
        var claim = Buttons(
                Json(CaseCard.Build(CaseViews.Of(CardSamples.NewCase(), Now), new Buttons(ButtonMode.Submit)))
            )
            .Single(b => b.Value<string>("title") == "Claim");
        Assert.Equal("Action.Submit", claim.Value<string>("type"));
        Assert.Equal(new JObject { ["caseId"] = "ESC-12", ["verb"] = "claim" }, claim["data"]);
    }

    [Fact]
    public void The_case_card_offers_what_the_state_allows_and_says_who_holds_it()
    {
        var claimed = Json(
            CaseCard.Build(CaseViews.Of(CardSamples.ClaimedCase(), Now), new Buttons(ButtonMode.Execute))
        );
        Assert.Equal(
            ["triage", "resolve", "consult", "note", "askReporter", "release", "markSensitive", "handoverNote"],
            Buttons(claimed).Select(b => b.Value<string>("verb"))
        );
        Assert.Equal(
            ["Triage…", "Resolve…", "Consult…", "Add note…", "More…"],
            claimed["actions"]!.Select(a => a.Value<string>("title"))
        );
        Assert.Contains("Claimed by Sam after 4 min", claimed.ToString());
        Assert.Contains("4 min (met, target 15 min)", claimed.ToString());

        var resolved = Json(
            CaseCard.Build(CaseViews.Of(CardSamples.ResolvedCase(), Now), new Buttons(ButtonMode.Execute))
        );
        Assert.Equal(["reopen", "note", "markSensitive"], Buttons(resolved).Select(b => b.Value<string>("verb")));
        var closed = Json(
            CaseCard.Build(CaseViews.Of(CardSamples.ResolvedCase(), Now.AddDays(8)), new Buttons(ButtonMode.Execute))
        );
        Assert.Empty(Buttons(closed));
        Assert.Contains("Closed", closed.ToString());
        Assert.Contains("Resolved by Sam: Actioned", resolved.ToString());

        var singapore = CasePolicy.Default with { Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore") };
        var fresh = Json(
            CaseCard.Build(CaseViews.Of(CardSamples.NewCase(), Now, singapore), new Buttons(ButtonMode.Execute))
        );
        // Times, not ages: the queue card is not redrawn as time passes. In the team's zone, named, for every viewer.
        Assert.Contains("Unclaimed · filed Tue 24 Nov 09:00 (Singapore, UTC+8)", fresh.ToString());
        Assert.Contains("due by Tue 24 Nov 09:15 (Singapore, UTC+8) (target 15 min)", fresh.ToString());
        Assert.DoesNotContain("{{DATE(", fresh.ToString());
        Assert.DoesNotContain("10 min", fresh.ToString());
        Assert.Contains(
            "missed: due by",
            Json(CaseCard.Build(CaseViews.Of(CardSamples.NewCase(), Now.AddHours(1)), new Buttons(ButtonMode.Execute)))
                .ToString()
        );
    }

    [Fact]
    public void The_timeline_is_hidden_until_toggled_and_lists_who_did_what()
    {
        var card = Json(
            CaseCard.Build(
                CaseViews.Of(CardSamples.ClaimedCase(), Now, history: CardSamples.History()),
                new Buttons(ButtonMode.Execute)
            )
        );
        var timeline = card.Descendants().OfType<JObject>().Single(o => o.Value<string>("id") == "timeline");
        Assert.False(timeline.Value<bool>("isVisible"));
        Assert.Contains("**Sam** · claimed (New → Claimed)", timeline.ToString());
        Assert.Contains("Partner confirmed by phone.", timeline.ToString());
        var toggle = card.Descendants()
            .OfType<JObject>()
            .Single(a => a.Value<string>("type") == "Action.ToggleVisibility");
        Assert.Equal(["timeline"], toggle["targetElements"]!.Values<string>());

        var plain = Json(CaseCard.Build(CaseViews.Of(CardSamples.ClaimedCase(), Now), new Buttons(ButtonMode.Execute)));
        Assert.DoesNotContain(
            plain.Descendants().OfType<JObject>(),
            a => a.Value<string>("type") == "Action.ToggleVisibility"
        );
    }

    [Fact]
    public void A_sensitive_case_card_hides_account_links_and_description_until_revealed()
    {
        var sensitive = CardSamples.SensitiveCase();
        var hidden = CardJson.Serialize(
            CaseCard.Build(
                CaseViews.Of(sensitive, Now, history: CardSamples.History()),
                new Buttons(ButtonMode.Execute)
            )
        );
        Assert.Contains("Sensitive: details hidden", hidden);
        Assert.Contains("\"verb\":\"reveal\"", hidden);
        foreach (var secret in new[] { "facebook.com/post/1", "facebook.com/page", "Threats against a journalist" })
        {
            Assert.DoesNotContain(secret, hidden);
        }

        var revealed = CardJson.Serialize(
            CaseCard.Build(
                CaseViews.Of(sensitive, Now, history: CardSamples.History(), revealed: true),
                new Buttons(ButtonMode.Execute)
            )
        );
        Assert.Contains("facebook.com/post/1", revealed);
        Assert.Contains("Threats against a journalist", revealed);
        Assert.DoesNotContain("\"verb\":\"reveal\"", revealed);

        var ordinary = CardJson.Serialize(
            CaseCard.Build(CaseViews.Of(CardSamples.ClaimedCase(), Now), new Buttons(ButtonMode.Execute))
        );
        Assert.Contains("facebook.com/post/1", ordinary);
        Assert.Contains("Mark sensitive", ordinary);
    }

    [Fact]
    public void A_sensitive_case_card_shows_who_did_what_but_no_text_written_about_it_until_revealed()
    {
        var consulting = CardSamples.SensitiveCase() with
        {
            State = CaseState.Consulting,
            Consult = new Consult("Legal", "Question about the victim", new Person("sam", "Sam"), Now),
            HandoverNote = new HandoverNote("Note naming the victim", new Person("sam", "Sam"), Now),
        };
        var resolved = CardSamples.SensitiveCase() with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "Summary naming the victim", Now),
        };
        foreach (var c in new[] { consulting, resolved })
        {
            var buttons = new Buttons(ButtonMode.Execute);
            var hidden = Json(CaseCard.Build(CaseViews.Of(c, Now, history: CardSamples.History()), buttons)).ToString();
            Assert.DoesNotContain("victim", hidden);
            Assert.DoesNotContain("Partner confirmed by phone.", hidden);
            Assert.Contains("**Sam** · note", hidden);
            Assert.Contains(CaseView.HiddenText, hidden);

            var revealed = CardJson.Serialize(
                CaseCard.Build(CaseViews.Of(c, Now, history: CardSamples.History(), revealed: true), buttons)
            );
            Assert.Contains("victim", revealed);
            Assert.Contains("Partner confirmed by phone.", revealed);
        }

        // The reporter's own notice of the outcome is theirs to read.
        Assert.Contains(
            "Summary naming the victim",
            CardJson.Serialize(CaseNoticeCard.Resolved(CaseViews.Of(resolved, Now), new Buttons(ButtonMode.Execute)))
        );
    }

    [Fact]
    public void The_intake_card_names_each_problem_and_keeps_the_inputs()
    {
        var card = Json(
            IntakeCard.Build(
                CardSamples.Intake(
                    new() { [IntakeFields.Partner] = "Example NGO", [IntakeFields.Severity] = "Sev2" },
                    new() { [IntakeFields.ContentUrls] = "'x' is not an http(s) URL." }
                ),
                new Buttons(ButtonMode.Execute)
            )
        );
        var text = card.ToString();
        Assert.Contains("Please fix these", text);
        Assert.Contains("'x' is not an http(s) URL.", text);
        var inputs = card.Descendants()
            .OfType<JObject>()
            .Where(o => o.Value<string>("type")?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(IntakeFields.All.Order(), inputs.Select(i => i.Value<string>("id")).Order());
        Assert.Equal(
            "Example NGO",
            inputs.Single(i => i.Value<string>("id") == IntakeFields.Partner).Value<string>("value")
        );
        Assert.Equal("Sev2", inputs.Single(i => i.Value<string>("id") == IntakeFields.Severity).Value<string>("value"));
    }

    [Fact]
    public void No_card_has_more_than_five_actions_at_any_level()
    {
        foreach (var (name, card) in CardSamples.All())
        {
            foreach (var actions in Json(card).Descendants().OfType<JProperty>().Where(p => p.Name == "actions"))
            {
                Assert.True(
                    ((JArray)actions.Value).Count <= CaseCard.MaxActions,
                    $"{name} has {((JArray)actions.Value).Count} actions at {actions.Path}"
                );
            }
        }
    }

    [Fact]
    public void Cards_are_1_5_and_carry_no_nulls()
    {
        foreach (var (name, card) in CardSamples.All())
        {
            var json = Json(card);
            Assert.Equal("1.5", json.Value<string>("version"));
            Assert.DoesNotContain(json.Descendants().OfType<JProperty>(), p => p.Value.Type == JTokenType.Null);
            Assert.True(CardJson.Serialize(card).Length < 40_000, $"{name} is too large for Teams");
        }
    }

    [Theory]
    [InlineData(30, "30 s")]
    [InlineData(600, "10 min")]
    [InlineData(3600, "1 h")]
    [InlineData(3900, "1 h 5 min")]
    [InlineData(90000, "1 d 1 h")]
    [InlineData(-120, "-2 min")]
    public void Durations_read_like_people_write_them(int seconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));
}
