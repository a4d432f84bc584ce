using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using EscalationBot.Shifts;
using EscalationBot.Tests.Infrastructure;
using static EscalationBot.Tests.Shifts.HandoverDigestSamples;

namespace EscalationBot.Tests.Shifts;

/// <summary>The digest's contents, from cases in every situation a handover has to mention.</summary>
public sealed class HandoverDigestTests
{
    [Fact]
    public void A_sensitive_case_s_handover_note_stays_off_the_digest()
    {
        var graphic = Held(Make(1, TimeSpan.FromHours(1), area: PolicyArea.ChildSafety), Sam) with
        {
            HandoverNote = new("The video shows the victim's face", Sam, Boundary.AddMinutes(-10)),
        };
        var view = HandoverDigest.Build(Input([graphic]), CasePolicy.Default, 8);

        var line = Assert.Single(view.Sections.Single(s => s.Title == "Notes for the next shift").Lines);
        Assert.Equal(
            "**ESC-1** · Sev3 normal · Child safety · Sam Specialist left a note (a sensitive case: reveal it on its card)",
            line
        );
    }

    [Fact]
    public void No_text_written_about_a_sensitive_case_reaches_the_digest()
    {
        var consulting = Held(Make(1, TimeSpan.FromHours(1), area: PolicyArea.ChildSafety), Sam) with
        {
            State = CaseState.Consulting,
            Consult = new("Legal", "Question naming the victim", Sam, Boundary.AddMinutes(-30)),
            HandoverNote = new("Note naming the victim", Sam, Boundary.AddMinutes(-10)),
        };
        var resolved = Held(Make(2, TimeSpan.FromHours(3), area: PolicyArea.ChildSafety), Sky) with
        {
            State = CaseState.Resolved,
            Resolution = new(Outcome.Actioned, "Summary naming the victim", Boundary.AddHours(-1)),
        };
        var view = HandoverDigest.Build(
            Input([consulting], [resolved], new HashSet<string> { Sam.Id, Sky.Id }),
            CasePolicy.Default,
            8
        );

        var card = CardJson.Serialize(HandoverCard.Build(view, new Buttons(ButtonMode.Execute)));
        Assert.Contains("**ESC-1**", card);
        Assert.Contains("**ESC-2**", card);
        foreach (var secret in new[] { "victim", "Secret description", "secret_account", "instagram.com/p/secret" })
        {
            Assert.DoesNotContain(secret, card);
        }
    }

    [Fact]
    public void The_outgoing_shift_s_cases_carry_the_choices_and_show_a_kept_case_as_kept()
    {
        var kept = Held(Make(1, TimeSpan.FromHours(3)), Sam) with { KeptAcross = Boundary };
        var unchosen = Held(Make(2, TimeSpan.FromHours(2)), Sam);
        var staying = Held(Make(3, TimeSpan.FromHours(1)), Sky);
        var options = Choices(new Dictionary<string, string>());
        var view = HandoverDigest.Build(
            Input([kept, unchosen, staying], members: new HashSet<string> { Sam.Id }) with
            {
                Options = options,
            },
            CasePolicy.Default,
            8
        );

        var held = view.Sections.Single(s => s.Title == "Held by the outgoing Evening shift");
        Assert.Equal(
            [("ESC-1", "kept by Sam Specialist"), ("ESC-2", null)],
            held.Held!.Select(h => (h.CaseId, h.Chosen))
        );
        Assert.Same(options, view.Options);
        var card = Newtonsoft.Json.Linq.JObject.Parse(
            CardJson.Serialize(HandoverCard.Build(view, new Buttons(ButtonMode.Execute)))
        );
        Assert.Contains("✅ kept by Sam Specialist", SentCards.Texts(card));
        var keep = card.Descendants()
            .OfType<Newtonsoft.Json.Linq.JObject>()
            .Where(o => o.Value<string>("title") == "Keep")
            .Select(o => o["data"]!)
            .ToList();
        Assert.Equal(["ESC-1", "ESC-2"], keep.Select(d => d.Value<string>("caseId")));
        Assert.All(
            keep,
            d =>
                Assert.Equal(
                    (Boundary.ToUnixTimeSeconds().ToString(), "keep"),
                    (d.Value<string>("boundary"), d.Value<string>("choice"))
                )
        );

        // With nobody known on the outgoing shift, every held case is listed, and no choices are offered.
        var unknown = HandoverDigest.Build(
            Input([kept, unchosen, staying]) with
            {
                Options = options,
            },
            CasePolicy.Default,
            8
        );
        Assert.Null(unknown.Sections.Single(s => s.Title == "Held").Held);
    }

    [Fact]
    public void Each_situation_lands_in_its_section_and_empty_sections_are_left_out()
    {
        var view = HandoverDigest.Build(Input(Situations()), CasePolicy.Default, 8);
        var sections = view.Sections.ToDictionary(s => s.Title);

        Assert.Equal(
            [
                "Unclaimed",
                "Held",
                "Near breach or breached",
                "Waiting on the reporter",
                "Open consults",
                "Notes for the next shift",
            ],
            view.Sections.Select(s => s.Title)
        );
        Assert.Equal(
            [
                "**ESC-1** · Sev3 normal · Hate speech · 2 h old · first response due in 2 h",
                "**ESC-2** · Sev1 critical · Hate speech · 20 min old · first response overdue by 5 min",
            ],
            sections["Unclaimed"].Lines
        );
        Assert.Equal(5, sections["Held"].Total);
        Assert.Contains(
            "**ESC-3** · Sev3 normal · Hate speech · Sam Specialist · Claimed · 5 h old · resolution due in 2 d 19 h",
            sections["Held"].Lines
        );

        // The breach first, then the 80% mark.
        Assert.Equal(
            [
                "**ESC-2** · Sev1 critical · Hate speech · **first response breached** 5 min ago · unclaimed",
                "**ESC-4** · Sev1 critical · Hate speech · resolution due in 30 min · with Sky Specialist",
            ],
            sections["Near breach or breached"].Lines
        );
        Assert.Equal(
            ["**ESC-5** · Sev3 normal · Hate speech · Sam Specialist · waiting 40 min"],
            sections["Waiting on the reporter"].Lines
        );
        Assert.Equal(
            ["**ESC-6** · Sev3 normal · Child safety · Legal, asked by Sky Specialist 1 h 30 min ago"],
            sections["Open consults"].Lines
        );
        // Only notes left during the outgoing shift.
        Assert.Equal(
            ["**ESC-4** · Sev1 critical · Hate speech · Sky Specialist: Partner calls back at 9"],
            sections["Notes for the next shift"].Lines
        );

        // Shared channels never see a case's account, links or description.
        var text = CardJson.Serialize(HandoverCard.Build(view, new Buttons(ButtonMode.Execute)));
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_outgoing_shifts_cases_are_told_apart_when_its_members_are_known()
    {
        var view = HandoverDigest.Build(
            Input(Situations(), members: new HashSet<string> { "sam" }),
            CasePolicy.Default,
            8
        );
        var held = view.Sections.Single(s => s.Title == "Held by the outgoing Evening shift");
        Assert.Equal(3, held.Total);
        Assert.All(held.Lines, l => Assert.Contains("Sam Specialist", l));
    }

    [Fact]
    public void What_the_outgoing_shift_resolved_comes_with_the_share_that_met_its_targets()
    {
        var view = HandoverDigest.Build(
            Input([], [Resolved(10, true), Resolved(11, true), Resolved(12, false)]),
            CasePolicy.Default,
            8
        );
        var resolved = Assert.Single(view.Sections);
        Assert.Equal("Resolved in the Evening shift", resolved.Title);
        Assert.Equal("3 resolved; 2 met both targets (67%).", resolved.Summary);
        Assert.Equal(
            "**ESC-12** · Sev3 normal · Hate speech · Actioned · Sam Specialist · target missed",
            resolved.Lines[^1]
        );
    }

    [Fact]
    public void A_long_section_shows_its_first_entries_and_how_to_list_them_all()
    {
        var view = Digest(open: 60, resolved: 0);
        var unclaimed = view.Sections.Single(s => s.Title == "Unclaimed");
        Assert.Equal(40, unclaimed.Total);
        Assert.Equal(8, unclaimed.Lines.Count);
        Assert.StartsWith("**ESC-59** ·", unclaimed.Lines[0], StringComparison.Ordinal); // oldest first (ESC-n is n × 5 min old)

        var card = HandoverCard.Build(view, new Buttons(ButtonMode.Execute));
        Assert.Contains(
            card.Body.OfType<TextBlock>(),
            t => t.Text == "…and 32 more: type `queue new` to see them all."
        );
    }

    [Fact]
    public void A_digest_of_five_thousand_open_cases_stays_inside_the_teams_message_limit()
    {
        var json = CardJson.Serialize(
            HandoverCard.Build(Digest(open: 5000, resolved: 800), new Buttons(ButtonMode.Execute))
        );
        // Teams refuses a message over about 28 KB; the card is most of the message.
        Assert.True(json.Length < 24_000, $"The digest card is {json.Length} characters long.");
    }
}
