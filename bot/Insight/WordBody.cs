using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EscalationBot.Insight;

/// <summary>
/// Writes a Word body the plain way: styled paragraphs (Title, Heading1, Heading2), fact tables, shaded internal
/// notes. Every text is user input: characters XML cannot hold are dropped, line breaks kept.
/// </summary>
internal sealed class WordBody(Body body)
{
    /// <summary>The shading of what is for the team only: a pale amber, visible on screen and in print.</summary>
    public const string InternalFill = "FFF2CC";
    public const string InternalMark = "Internal";

    public void Title(string text) => body.Append(Styled("Title", text));

    public void Heading1(string text) => body.Append(Styled("Heading1", text));

    public void Heading2(string text) => body.Append(Styled("Heading2", text));

    public void Text(string text, bool italic = false) =>
        body.Append(new Paragraph(Runs(text, italic ? new RunProperties(new Italic()) : null)));

    /// <summary>A staff note: shaded, and opening with a bold "Internal", which reads so in black and white too.</summary>
    public void InternalNote(string heading, string text)
    {
        var paragraph = new Paragraph(
            new ParagraphProperties(
                new Shading
                {
                    Val = ShadingPatternValues.Clear,
                    Color = "auto",
                    Fill = InternalFill,
                }
            ),
            new Run(
                new RunProperties(new Bold()),
                new Text($"{InternalMark} · ") { Space = SpaceProcessingModeValues.Preserve }
            ),
            new Run(
                new RunProperties(new Bold()),
                new Text(Clean(heading)) { Space = SpaceProcessingModeValues.Preserve }
            ),
            new Run(new Break())
        );
        paragraph.Append(Runs(text));
        body.Append(paragraph);
    }

    /// <summary>A two-column table of label and value.</summary>
    public void Facts(IEnumerable<(string Label, string Value)> facts) =>
        Table(null, facts.Select(f => new[] { f.Label, f.Value }), [2600, 6400], boldFirst: true);

    /// <summary>A table with a shaded header row; <paramref name="shaded"/> rows get the internal shading.</summary>
    public void Table(
        string[]? header,
        IEnumerable<string[]> rows,
        int[] widths,
        bool boldFirst = false,
        Func<int, bool>? shaded = null
    )
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    Border<TopBorder>(),
                    Border<LeftBorder>(),
                    Border<BottomBorder>(),
                    Border<RightBorder>(),
                    Border<InsideHorizontalBorder>(),
                    Border<InsideVerticalBorder>()
                )
            ),
            new TableGrid(
                widths.Select(w => new GridColumn
                {
                    Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture),
                })
            )
        );
        if (header is not null)
        {
            table.Append(Row(header, widths, fill: "D9E2F3", bold: _ => true));
        }

        var i = 0;
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, shaded?.Invoke(i) == true ? InternalFill : null, c => boldFirst && c == 0));
            i++;
        }

        body.Append(table);
        // Word runs two tables together unless a paragraph stands between them.
        body.Append(new Paragraph());
    }

    private static TableRow Row(string[] cells, int[] widths, string? fill, Func<int, bool> bold) =>
        new(
            cells.Select(
                (text, c) =>
                {
                    var properties = new TableCellProperties(
                        new TableCellWidth
                        {
                            Width = widths[c].ToString(System.Globalization.CultureInfo.InvariantCulture),
                            Type = TableWidthUnitValues.Dxa,
                        }
                    );
                    if (fill is not null)
                    {
                        properties.Append(
                            new Shading
                            {
                                Val = ShadingPatternValues.Clear,
                                Color = "auto",
                                Fill = fill,
                            }
                        );
                    }

                    return new TableCell(
                        properties,
                        new Paragraph(Runs(text, bold(c) ? new RunProperties(new Bold()) : null))
                    );
                }
            )
        );

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(Clean(text))));

    /// <summary>Runs of <paramref name="text"/>, a line break for each line break typed.</summary>
    private static IEnumerable<OpenXmlElement> Runs(string text, RunProperties? properties = null)
    {
        var run = new Run();
        if (properties is not null)
        {
            run.Append(properties);
        }

        var lines = Clean(text).Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        yield return run;
    }

    /// <summary>What a person typed, less what XML 1.0 cannot hold (a control character would stop the save).</summary>
    private static string Clean(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text[i]).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }

    /// <summary>A thin grey line, as every border of a table in the report.</summary>
    private static T Border<T>()
        where T : BorderType, new() =>
        new()
        {
            Val = BorderValues.Single,
            Size = 4,
            Color = "BFBFBF",
        };
}
