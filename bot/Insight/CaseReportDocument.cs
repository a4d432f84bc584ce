using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EscalationBot.Cards;
using EscalationBot.Cases;

namespace EscalationBot.Insight;

/// <summary>
/// A case's narrative report as a Word document, for a specialist to review and send on: summary, assessment,
/// investigation, decision, timing, and the timeline as an appendix. Staff notes are marked internal and shaded.
/// </summary>
public static class CaseReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Writes the document to <paramref name="stream"/>, which must be seekable (packaging seeks).</summary>
    public static void Write(Stream stream, CaseReportFacts facts)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles.Build();
        var body = new Body();
        main.Document = new Document(body);
        var word = new WordBody(body);

        var c = facts.Case;
        word.Title($"Case report: {c.Id}");
        word.Text($"{facts.TitleLine}. Prepared on {facts.Moment(facts.Now)}.");
        word.Text(
            "Review before sending it on: paragraphs marked \"Internal\" (shaded) are the team's own notes, not "
                + "for partner managers.",
            italic: true
        );
        if (c.IsSensitive)
        {
            word.Text("Sensitive case: this report may quote graphic or distressing content.", italic: true);
        }

        WriteSummary(word, facts);
        WriteAssessment(word, facts);
        WriteInvestigation(word, facts);
        WriteDecision(word, facts);
        WriteTiming(word, facts);
        WriteTimeline(word, facts);
        body.Append(
            new SectionProperties(
                new PageMargin
                {
                    Top = 1134,
                    Bottom = 1134,
                    Left = 1134U,
                    Right = 1134U,
                }
            )
        );
    }

    private static void WriteSummary(WordBody word, CaseReportFacts facts)
    {
        var c = facts.Case;
        var r = c.Report;
        word.Heading1(CaseReportFacts.Summary);
        var rows = new List<(string, string)>
        {
            ("Case", c.Id),
            ("Reported by", c.Reporter.Name),
            ("Filed", facts.Moment(c.FiledAt)),
            ("Platform", Labels.Of(r.Platform)),
            ("Partner", r.Partner),
            ("Account", r.Account.Length > 0 ? r.Account : "(none given)"),
            ("Content", r.ContentUrls.Count > 0 ? string.Join("\n", r.ContentUrls) : "(none given)"),
            ("Policy area", Labels.Of(r.PolicyArea)),
            ("Severity", Labels.Of(r.Severity)),
        };
        if (r.PartnerDeadline is { } deadline)
        {
            rows.Add(("Partner deadline", facts.Moment(deadline)));
        }

        if (c.LinkedTo is { } linked)
        {
            rows.Add(("Filed beside", CaseId.Format(linked)));
        }

        rows.Add(("State", facts.StateLabel));
        rows.Add(("Owner", c.Owner?.Name ?? "(unclaimed)"));
        word.Facts(rows);
        word.Heading2("What was reported");
        word.Text(r.Description);
    }

    private static void WriteAssessment(WordBody word, CaseReportFacts facts)
    {
        var c = facts.Case;
        word.Heading1(CaseReportFacts.Assessment);
        word.Text($"Severity now: {Labels.Of(c.Report.Severity)}. Policy area now: {Labels.Of(c.Report.PolicyArea)}.");
        word.Heading2("Triage answers");
        if (c.LastTriage is not { } last)
        {
            word.Text("Not triaged yet: the severity is the one the case was filed with.");
        }
        else if (last.Risks is not { } risks)
        {
            word.Text(
                $"Triaged by {last.By.Name} on {facts.Moment(last.At)} without the checklist "
                    + $"({Labels.Of(last.From)} → {Labels.Of(last.To)})."
            );
        }
        else
        {
            word.Text(
                $"The last triage, by {last.By.Name} on {facts.Moment(last.At)}, found {Labels.Of(last.From)} and "
                    + $"left {Labels.Of(last.To)}. The checklist suggested {Labels.Of(Triage.Suggest(risks))}."
            );
            word.Table(
                ["Question", "Answer"],
                Triage.Checklist.Select(q => new[] { q.Question, risks.HasFlag(q.Risk) ? "Yes" : "No" }),
                [7400, 1600]
            );
        }

        word.Heading2("Changes to the severity, with their reasons");
        if (facts.Triages.Count == 0)
        {
            word.Text("None.");
            return;
        }

        word.Table(
            ["When", "By", "What and why"],
            facts.Triages.Select(t => new[] { facts.Moment(t.At), t.Who, t.Text ?? t.What }),
            [2800, 1800, 4400]
        );
    }

    private static void WriteInvestigation(WordBody word, CaseReportFacts facts)
    {
        word.Heading1(CaseReportFacts.Investigation);
        word.Heading2("Notes");
        if (facts.Notes.Count == 0)
        {
            word.Text("None.");
        }

        foreach (var note in facts.Notes)
        {
            word.InternalNote($"{note.What}, {note.Who}, {facts.Moment(note.At)}", note.Text ?? "");
        }

        Lines(word, "Consults and their answers", facts.Consults, facts);
        Lines(word, "Questions to the reporter, and what they said", facts.Questions, facts);
    }

    private static void Lines(WordBody word, string heading, IReadOnlyList<ReportLine> lines, CaseReportFacts facts)
    {
        word.Heading2(heading);
        if (lines.Count == 0)
        {
            word.Text("None.");
            return;
        }

        word.Table(
            ["When", "Who", "What", "Text"],
            lines.Select(l => new[] { facts.Moment(l.At), l.Who, l.What, l.Text ?? "" }),
            [2400, 1600, 1800, 3200]
        );
    }

    private static void WriteDecision(WordBody word, CaseReportFacts facts)
    {
        var c = facts.Case;
        word.Heading1(CaseReportFacts.Decision);
        if (c.Resolution is not { } resolution)
        {
            word.Text($"Not decided yet: the case is {facts.StateLabel.ToLowerInvariant()}.");
        }
        else
        {
            word.Facts([
                ("Outcome", Labels.Of(resolution.Outcome)),
                ("Resolved", facts.Moment(resolution.At)),
                ("Resolved by", facts.ResolvedBy ?? c.Owner?.Name ?? ""),
            ]);
            word.Heading2("Summary for the reporter");
            word.Text(resolution.Summary);
        }

        if (facts.Reopenings > 0)
        {
            word.Text($"Reopened {(facts.Reopenings == 1 ? "once" : $"{facts.Reopenings} times")}: see the timeline.");
        }
    }

    private static void WriteTiming(WordBody word, CaseReportFacts facts)
    {
        var c = facts.Case;
        word.Heading1(CaseReportFacts.Timing);
        word.Table(
            ["Target", "Due", "Done", "Result"],
            [
                Row("First response (filed to claimed)", facts.FirstResponse, facts),
                Row(
                    c.ResolutionClockFrom is { } from
                        ? $"Resolution (from the reopening on {facts.Moment(from)})"
                        : "Resolution (filed to resolved)",
                    facts.Resolution,
                    facts
                ),
            ],
            [2600, 2400, 2400, 1600]
        );
        word.Text(
            $"Waiting on the reporter does not count towards the resolution target: {Durations.Format(facts.Paused)} "
                + "of waiting is left out."
                + (facts.BusinessHoursOnly ? " Only business hours count towards this case's targets." : "")
        );
    }

    private static string[] Row(string name, TargetTiming timing, CaseReportFacts facts) =>
        [
            $"{name}: {Durations.Format(timing.Target)}",
            facts.Moment(timing.Due),
            timing.DoneAt is { } done ? facts.Moment(done) : "not yet",
            facts.Describe(timing),
        ];

    private static void WriteTimeline(WordBody word, CaseReportFacts facts)
    {
        word.Heading1(CaseReportFacts.Appendix);
        var lines = facts.Timeline;
        word.Table(
            ["When", "Who", "What", "Text"],
            lines.Select(l =>
                new[]
                {
                    facts.Moment(l.At),
                    l.Who,
                    l.What,
                    l.Internal ? $"{WordBody.InternalMark}: {l.Text}" : l.Text ?? "",
                }
            ),
            [2400, 1600, 2000, 3000],
            shaded: i => lines[i].Internal
        );
    }
}
