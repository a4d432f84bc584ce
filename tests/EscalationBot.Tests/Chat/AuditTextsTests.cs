using EscalationBot.Cases;
using EscalationBot.Chat;

namespace EscalationBot.Tests.Chat;

public sealed class AuditTextsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly Person Sam = new("sam", "Sam");

    private static AuditEntry Entry(AuditAction action, AuditDetail? detail = null, string? text = null) =>
        new(7, T0, Sam, action, CaseState.Claimed, CaseState.Claimed, text, detail);

    /// <summary>Each code with the detail its rule gives it; an assignee's id is left empty, as old rows have none.</summary>
    public static TheoryData<AuditAction, AuditDetail?> EveryCode()
    {
        var data = new TheoryData<AuditAction, AuditDetail?>();
        foreach (var action in Enum.GetValues<AuditAction>().Where(a => a != AuditAction.Other))
        {
            data.Add(
                action,
                action switch
                {
                    AuditAction.Reassigned => new AuditDetail { Assignee = new Person("", "Sky Specialist") },
                    AuditAction.Resolved => new AuditDetail { Outcome = Outcome.NeedsPolicyDecision },
                    AuditAction.Consulting or AuditAction.ConsultAnswered => new AuditDetail
                    {
                        Team = "Content Policy",
                    },
                    _ => null,
                }
            );
        }

        data.Add(AuditAction.Filed, new AuditDetail { LinkedTo = 3 });
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Each_code_shows_the_sentence_that_was_stored_for_it_before(AuditAction action, AuditDetail? detail)
    {
        var shown = AuditTexts.Action(Entry(action, detail));

        Assert.Equal((action, detail), AuditSentences.Read(shown));
    }

    [Fact]
    public void The_sentences_read_the_same_as_ever()
    {
        Assert.Equal("claimed", AuditTexts.Action(Entry(AuditAction.Claimed)));
        Assert.Equal(
            "reassigned to Sky",
            AuditTexts.Action(Entry(AuditAction.Reassigned, new AuditDetail { Assignee = new("sky", "Sky") }))
        );
        Assert.Equal(
            "resolved: No violation",
            AuditTexts.Action(Entry(AuditAction.Resolved, new AuditDetail { Outcome = Outcome.NoViolation }))
        );
        Assert.Equal(
            "filed (linked to ESC-3)",
            AuditTexts.Action(Entry(AuditAction.Filed, new AuditDetail { LinkedTo = 3 }))
        );
        Assert.Equal("answer from the team", AuditTexts.Action(Entry(AuditAction.ConsultAnswered)));
        Assert.Equal(
            "an old sentence",
            AuditTexts.Action(Entry(AuditAction.Other, new AuditDetail { Words = "an old sentence" }))
        );
    }

    [Fact]
    public void An_idle_release_says_whose_case_went_back_and_after_how_long()
    {
        var released = Entry(
            AuditAction.ReleasedIdle,
            new AuditDetail { FormerOwner = Sam, IdleFor = TimeSpan.FromMinutes(90) }
        );

        Assert.Equal("No activity from Sam for 1 h 30 min; back in the queue.", AuditTexts.Text(released));
        Assert.Equal("written then", AuditTexts.Text(released with { Text = "written then" }));
        Assert.Null(AuditTexts.Text(Entry(AuditAction.Claimed)));
    }

    [Fact]
    public void A_sensitive_case_hides_the_idle_release_text_as_it_hides_every_text()
    {
        var c = Cases.CaseRulesTests.NewCase() with { MarkedSensitive = true };
        var released = Entry(
            AuditAction.ReleasedIdle,
            new AuditDetail { FormerOwner = Sam, IdleFor = TimeSpan.FromHours(2) }
        );

        var view = CaseViews.Of(c, T0, history: [released]);

        Assert.Equal(EscalationBot.Cards.Cases.CaseView.HiddenText, Assert.Single(view.Timeline).Text);
    }
}
