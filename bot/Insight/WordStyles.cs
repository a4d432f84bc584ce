using DocumentFormat.OpenXml.Wordprocessing;

namespace EscalationBot.Insight;

/// <summary>The styles a report uses: Word's navigation pane and a table of contents find its headings.</summary>
internal static class WordStyles
{
    public static Styles Build() =>
        new(
            new DocDefaults(
                new RunPropertiesDefault(
                    new RunPropertiesBaseStyle(
                        new RunFonts
                        {
                            Ascii = "Calibri",
                            HighAnsi = "Calibri",
                            ComplexScript = "Calibri",
                        },
                        new FontSize { Val = "22" }
                    )
                ),
                new ParagraphPropertiesDefault(
                    new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264" })
                )
            ),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            },
            Heading("Title", "Title", before: "0", after: "240", size: "48", outline: null),
            Heading("Heading1", "heading 1", before: "360", after: "120", size: "32", outline: 0),
            Heading("Heading2", "heading 2", before: "240", after: "80", size: "26", outline: 1)
        );

    private static Style Heading(string id, string name, string before, string after, string size, int? outline)
    {
        var paragraph = new StyleParagraphProperties(
            new KeepNext(),
            new SpacingBetweenLines { Before = before, After = after }
        );
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = size })
        )
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }
}
