using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Insight;

/// <summary>An export's links as the card shows them: what the export holds, and until when the links work.</summary>
public sealed record ExportView(
    string Title,
    string Subtitle,
    string Holds,
    string Expires,
    string CsvUrl,
    string XlsxUrl
);

/// <summary>The answer to "export": one link to the CSV and one to the workbook, both signed and short-lived.</summary>
public static class ExportCard
{
    public static AdaptiveCard Build(ExportView view) =>
        new([
            new TextBlock(view.Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock(view.Subtitle) { Spacing = "None", IsSubtle = true },
            new TextBlock(view.Holds),
            new TextBlock(view.Expires) { IsSubtle = true, Size = "Small" },
        ])
        {
            Actions =
            [
                new OpenUrlAction("Download CSV", view.CsvUrl),
                new OpenUrlAction("Download Excel (.xlsx)", view.XlsxUrl),
            ],
            FallbackText = view.Title,
        };
}
