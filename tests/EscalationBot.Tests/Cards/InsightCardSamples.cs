using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Insight;
using EscalationBot.Insight;
using EscalationBot.Tests.Insight;

namespace EscalationBot.Tests.Cards;

/// <summary>The insight cards (issue 15), built the way the bot builds them.</summary>
public static class InsightCardSamples
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var facts = CaseReportFacts.Of(
            CaseReportSamples.Resolved(),
            CaseReportSamples.History(),
            CaseReportSamples.Policy,
            CaseReportSamples.T0.AddHours(4)
        );
        var preview = new CaseReportPreview(
            "ESC-12",
            facts.TitleLine,
            facts.Outline(),
            "https://bot.example.com/insight/token/ESC-12-report.docx",
            TimeSpan.FromMinutes(15)
        );
        yield return ("case-report", CaseReportCard.Build(preview));
        yield return ("case-report-sensitive", CaseReportCard.Build(preview with { Sensitive = true }));
        yield return ("case-report-no-link", CaseReportCard.Build(preview with { Url = null }));
    }
}
