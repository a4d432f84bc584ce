using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using EscalationBot.Cases;
using EscalationBot.Insight;
using static EscalationBot.Tests.Insight.CaseReportSamples;

namespace EscalationBot.Tests.Insight;

/// <summary>The case report as a Word document: its sections, what each says, and the internal marks.</summary>
public sealed class CaseReportDocumentTests
{
    private static readonly CaseReportFacts Facts = CaseReportFacts.Of(Resolved(), History(), Policy, T0.AddHours(4));

    [Fact]
    public void The_document_opens_valid_with_its_title_and_the_six_sections_in_order()
    {
        var docx = Write(Facts);
        using (var stream = new MemoryStream(docx))
        using (var document = WordprocessingDocument.Open(stream, false))
        {
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");
            Assert.Empty(errors);
            var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
            Assert.Equal(
                ["Normal", "Title", "Heading1", "Heading2"],
                styles.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>().Select(s => s.StyleId!.Value)
            );
        }

        var paragraphs = Paragraphs(docx);
        Assert.Equal("Case report: ESC-12", Assert.Single(paragraphs, p => p.Style == "Title").Text);
        Assert.Equal(
            ["Summary", "Assessment", "Investigation", "Decision", "Timing against the targets", "Appendix: timeline"],
            paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text)
        );
    }

    [Fact]
    public void The_summary_says_what_was_reported_by_whom_and_when_in_the_teams_zone()
    {
        var texts = Paragraphs(Write(Facts)).Select(p => p.Text).ToList();
        Assert.Contains("Pat", texts);
        Assert.Contains("Tue 24 Nov 2026 09:00 (Singapore, UTC+8)", texts);
        Assert.Contains("https://facebook.com/post/1", texts);
        Assert.Contains("Hate speech", texts);
        Assert.Contains("Threats against a journalist", texts);
    }

    [Fact]
    public void The_assessment_has_the_triage_answers_and_each_severity_change_with_its_reason()
    {
        var texts = Paragraphs(Write(Facts)).Select(p => p.Text).ToList();
        var harm = texts.IndexOf("Imminent risk of real-world harm?");
        var minor = texts.IndexOf("A minor involved?");
        Assert.Equal(("Yes", "No"), (texts[harm + 1], texts[minor + 1]));
        Assert.Equal("Yes", texts[texts.IndexOf("Content spreading fast?") + 1]);
        Assert.Contains("Sev3 → Sev1; suggested Sev1 (imminent harm); Threats name a date", texts);
        Assert.Contains(texts, t => t.Contains("found Sev3 normal and left Sev1 critical", StringComparison.Ordinal));
    }

    [Fact]
    public void Staff_notes_are_marked_internal_and_shaded_and_nothing_else_is()
    {
        var paragraphs = Paragraphs(Write(Facts));
        var internalNotes = paragraphs.Where(p => p.Text.StartsWith("Internal · ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, internalNotes.Count);
        Assert.All(internalNotes, p => Assert.Equal(WordBody.InternalFill, p.Fill));
        Assert.Contains(internalNotes, p => p.Text.EndsWith("Partner confirmed by phone.", StringComparison.Ordinal));
        Assert.Contains(internalNotes, p => p.Text.EndsWith("Partner calls back at 9", StringComparison.Ordinal));
        // The timeline marks them too; what the reporter and the consulted team said is not shaded.
        Assert.Contains(
            paragraphs,
            p => p.Text == "Internal: Partner confirmed by phone." && p.Fill == WordBody.InternalFill
        );
        Assert.All(
            paragraphs.Where(p => p.Text is "The page itself." or "Not defamatory." or "Is this post defamatory?"),
            p => Assert.Null(p.Fill)
        );
    }

    [Fact]
    public void The_investigation_has_the_consult_and_the_question_with_their_answers()
    {
        var texts = Paragraphs(Write(Facts)).Select(p => p.Text).ToList();
        Assert.Contains("consulting Legal", texts);
        Assert.Contains("Is this post defamatory?", texts);
        Assert.Contains("answer from Legal", texts);
        Assert.Contains("Not defamatory.", texts);
        Assert.Contains("Which account posted it first?", texts);
        Assert.Contains("The page itself.", texts);
    }

    [Fact]
    public void Decision_and_timing_say_the_outcome_and_each_target_met_or_missed_with_the_wait_left_out()
    {
        var texts = Paragraphs(Write(Facts)).Select(p => p.Text).ToList();
        Assert.Contains("Actioned", texts);
        Assert.Contains("Removed the post and warned the account.", texts);
        // Claimed after 10 min of a 15 min target; resolved 3 h after filing less a 30 min wait: 2 h 30 min of 4 h.
        Assert.Contains("Met: 10 min, target 15 min", texts);
        Assert.Contains("Met: 2 h 30 min, target 4 h", texts);
        Assert.Contains(texts, t => t.Contains("30 min of waiting is left out", StringComparison.Ordinal));

        var late = Resolved() with { ClaimedAt = T0.AddMinutes(20), Resolution = null, State = CaseState.Claimed };
        var open = Paragraphs(Write(CaseReportFacts.Of(late, History(), Policy, T0.AddHours(5))))
            .Select(p => p.Text)
            .ToList();
        Assert.Contains("Missed: 20 min, target 15 min", open);
        // Due 4 h after filing plus the 30 min wait: 13:30 in Singapore, and it is 14:00 there now.
        Assert.Contains("Missed: not done, was due by Tue 24 Nov 2026 13:30 (Singapore, UTC+8)", open);
        Assert.Contains("Not decided yet: the case is claimed.", open);
    }

    [Fact]
    public void The_appendix_has_every_entry_of_the_history_in_historys_words()
    {
        var texts = Paragraphs(Write(Facts)).Select(p => p.Text).ToList();
        var appendix = texts.Skip(texts.IndexOf("Appendix: timeline")).ToList();
        Assert.Contains("claimed (New → Claimed)", appendix);
        Assert.Contains("resolved: Actioned (Claimed → Resolved)", appendix);
        Assert.Equal(History().Count, Facts.Timeline.Count);
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_dropped_rather_than_failing_the_document()
    {
        var c = Resolved() with { Report = Resolved().Report with { Description = "Bad\u0001 text\uD800 here" } };
        var texts = Paragraphs(Write(CaseReportFacts.Of(c, History(), Policy, T0.AddHours(4)))).Select(p => p.Text);
        Assert.Contains("Bad text here", texts);
    }
}
