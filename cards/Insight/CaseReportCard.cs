using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Insight;

/// <summary>
/// A case report's preview: its sections, each with one line of labels and counts (nothing anyone wrote, so that a
/// sensitive case's preview shows no more than its case card), and the link to the document. <see cref="Url"/>
/// null: the bot knows no public address to link to.
/// </summary>
public sealed record CaseReportPreview(
    string Id,
    string Title,
    IReadOnlyList<(string Heading, string Line)> Sections,
    string? Url,
    TimeSpan LinkLifetime
)
{
    public bool Sensitive { get; init; }
}

public static class CaseReportCard
{
    public const string Download = "Download the report (.docx)";

    public static AdaptiveCard Build(CaseReportPreview preview)
    {
        var body = new List<Element>
        {
            new TextBlock($"Report: {preview.Id}") { Size = "Large", Weight = "Bolder" },
            new TextBlock(preview.Title) { Spacing = "None", IsSubtle = true },
        };
        if (preview.Sensitive)
        {
            body.Add(
                new TextBlock("Sensitive: the document quotes the case's details; keep it out of shared channels.")
                {
                    Color = "Warning",
                    Weight = "Bolder",
                }
            );
        }

        body.Add(new FactSet(preview.Sections.Select(s => new Fact(s.Heading, s.Line)).ToList()));
        body.Add(
            new TextBlock(
                preview.Url is null
                    ? "I know no public address to link the document to: ask an admin to set Bot:PublicUrl."
                    : $"Notes marked Internal are for the team only: review the document before sending it on. The "
                        + $"link works for {Durations.Format(preview.LinkLifetime)}; ask again for a new one."
            )
            {
                IsSubtle = true,
                Size = "Small",
            }
        );
        return new AdaptiveCard(body)
        {
            Actions = preview.Url is { } url ? [new OpenUrlAction(Download, url)] : null,
            FallbackText = $"Report of {preview.Id}: {preview.Url ?? "no link"}",
        };
    }
}
