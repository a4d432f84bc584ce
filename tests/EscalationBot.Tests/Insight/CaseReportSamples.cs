using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EscalationBot.Cases;
using EscalationBot.Insight;

namespace EscalationBot.Tests.Insight;

/// <summary>A worked case and its history for the report's tests, and what a written report holds, read back.</summary>
internal static class CaseReportSamples
{
    internal static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    internal static readonly Person Pat = new("pm", "Pat");
    internal static readonly Person Sam = new("sam", "Sam");
    internal static readonly Person Sky = new("sky", "Sky");

    internal static readonly CasePolicy Policy = new(TimeSpan.FromDays(7))
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore"),
    };

    /// <summary>Filed Sev3, raised to Sev1 at triage, a 30 min wait on the reporter, resolved after 3 h.</summary>
    internal static Case Resolved() =>
        new(
            12,
            CaseState.Resolved,
            new CaseReport(
                Platform.Facebook,
                "Example News",
                "https://facebook.com/page",
                ["https://facebook.com/post/1"],
                PolicyArea.HateSpeech,
                Severity.Sev1,
                null,
                "Threats against a journalist"
            ),
            Pat,
            "{}",
            T0,
            new SlaTargets(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4))
        )
        {
            Owner = Sam,
            ClaimedAt = T0.AddMinutes(10),
            PausedFor = TimeSpan.FromMinutes(30),
            Resolution = new Resolution(Outcome.Actioned, "Removed the post and warned the account.", T0.AddHours(3)),
            LastTriage = new LastTriage(Risk.ImminentHarm | Risk.SpreadingFast, Severity.Sev3, Severity.Sev1, Sam, T0),
        };

    internal static IReadOnlyList<AuditEntry> History()
    {
        AuditEntry At(
            int minutes,
            Person who,
            AuditAction action,
            CaseState to,
            string? text = null,
            AuditDetail? d = null
        ) => new(12, T0.AddMinutes(minutes), who, action, to, to, text, d);
        return
        [
            new(12, T0, Pat, AuditAction.Filed, null, CaseState.New, "Threats against a journalist"),
            new(12, T0.AddMinutes(10), Sam, AuditAction.Claimed, CaseState.New, CaseState.Claimed),
            At(
                15,
                Sam,
                AuditAction.Triaged,
                CaseState.Claimed,
                "Sev3 → Sev1; suggested Sev1 (imminent harm); Threats name a date"
            ),
            At(20, Sam, AuditAction.Note, CaseState.Claimed, "Partner confirmed by phone."),
            At(
                30,
                Sam,
                AuditAction.Consulting,
                CaseState.Consulting,
                "Is this post defamatory?",
                new() { Team = "Legal" }
            ),
            At(60, Sky, AuditAction.ConsultAnswered, CaseState.Claimed, "Not defamatory.", new() { Team = "Legal" }),
            At(70, Sam, AuditAction.AskedReporter, CaseState.WaitingOnReporter, "Which account posted it first?"),
            At(100, Pat, AuditAction.ReporterAnswered, CaseState.Claimed, "The page itself."),
            At(120, Sam, AuditAction.HandoverNote, CaseState.Claimed, "Partner calls back at 9"),
            new(
                12,
                T0.AddHours(3),
                Sam,
                AuditAction.Resolved,
                CaseState.Claimed,
                CaseState.Resolved,
                "Removed the post and warned the account.",
                new() { Outcome = Outcome.Actioned }
            ),
        ];
    }

    internal static byte[] Write(CaseReportFacts facts)
    {
        using var stream = new MemoryStream();
        CaseReportDocument.Write(stream, facts);
        return stream.ToArray();
    }

    /// <summary>The paragraphs of a .docx as (style, text, shading fill), tables' cells included, in order.</summary>
    internal static IReadOnlyList<(string? Style, string Text, string? Fill)> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document
            .MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Select(p =>
                (
                    p.ParagraphProperties?.ParagraphStyleId?.Val?.Value,
                    string.Concat(p.Descendants<Text>().Select(t => t.Text)),
                    p.ParagraphProperties?.Shading?.Fill?.Value
                        ?? p.Ancestors<TableCell>().FirstOrDefault()?.TableCellProperties?.Shading?.Fill?.Value
                )
            )
            .ToList();
    }
}
