using System.Globalization;
using SkiaSharp;

namespace EscalationBot.Tests.Deployment;

/// <summary>
/// The app package's icons, decoded by SkiaSharp (not by the script that drew them): the sizes Teams asks for, an
/// outline that is white on transparent only, and icons that infra/teams/make-icons.js draws again pixel for pixel.
/// </summary>
public sealed class TeamsIconTests
{
    [Fact]
    public void The_color_icon_is_192_square_opaque_and_on_the_manifests_accent_colour()
    {
        var (size, pixels) = Decode(Path.Combine(TeamsScripts.Folder, "color.png"));

        Assert.Equal(192, size);
        Assert.All(Enumerable.Range(0, size * size), i => Assert.Equal(255, pixels[i * 4 + 3]));
        var accent = Convert.FromHexString(((string)TeamsScripts.ReadManifest()["accentColor"]!)[1..]);
        Assert.Equal(accent, pixels[..3]);
        Assert.True(Colours(pixels).Count > 2, "the colour icon shows a mark on its background");
    }

    [Fact]
    public void The_outline_icon_is_32_square_and_white_on_a_fully_transparent_background()
    {
        var (size, pixels) = Decode(Path.Combine(TeamsScripts.Folder, "outline.png"));

        Assert.Equal(32, size);
        Assert.Empty(OutlineProblems(size, pixels));
    }

    [Fact]
    public void The_outline_check_catches_a_coloured_pixel_and_a_background_that_is_not_transparent()
    {
        var (size, pixels) = Decode(Path.Combine(TeamsScripts.Folder, "outline.png"));
        var grey = (byte[])pixels.Clone();
        var mark = Enumerable.Range(0, size * size).First(i => grey[i * 4 + 3] == 255);
        grey[mark * 4] = 0x80;
        var filled = (byte[])pixels.Clone();
        filled[3] = 255;

        Assert.Contains(OutlineProblems(size, grey), p => p.Contains("not white", StringComparison.Ordinal));
        Assert.Contains(OutlineProblems(size, filled), p => p.Contains("corner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_icons_are_what_make_icons_js_draws()
    {
        var dir = Directory.CreateTempSubdirectory("teams-icons-");
        try
        {
            var (exit, output) = await TeamsScripts.RunAsync("make-icons.js", dir.FullName);
            Assert.True(exit == 0, output);
            foreach (var icon in new[] { "color.png", "outline.png" })
            {
                // Pixels, not bytes: another Node's zlib may compress the same pixels differently.
                var drawn = Decode(Path.Combine(dir.FullName, icon));
                var kept = Decode(Path.Combine(TeamsScripts.Folder, icon));
                Assert.Equal(kept.Size, drawn.Size);
                Assert.True(
                    kept.Pixels.AsSpan().SequenceEqual(drawn.Pixels),
                    $"{icon} differs: run node make-icons.js"
                );
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Why the pixels are not a Teams outline icon: white (any opacity) on fully transparent only.</summary>
    private static List<string> OutlineProblems(int size, byte[] pixels)
    {
        var problems = new List<string>();
        for (var i = 0; i < size * size; i++)
        {
            var (r, g, b, a) = (pixels[i * 4], pixels[i * 4 + 1], pixels[i * 4 + 2], pixels[i * 4 + 3]);
            if (a > 0 && (r, g, b) != (255, 255, 255))
            {
                problems.Add(
                    string.Create(CultureInfo.InvariantCulture, $"({i % size},{i / size}) is not white: {r},{g},{b}")
                );
            }
        }

        int[] corners = [0, size - 1, size * (size - 1), size * size - 1];
        problems.AddRange(corners.Where(c => pixels[c * 4 + 3] != 0).Select(c => $"corner {c} is not transparent"));
        if (!Enumerable.Range(0, size * size).Any(i => pixels[i * 4 + 3] == 255))
        {
            problems.Add("no pixel is opaque: the mark is missing");
        }

        return problems;
    }

    private static HashSet<(byte, byte, byte)> Colours(byte[] pixels) =>
        Enumerable
            .Range(0, pixels.Length / 4)
            .Select(i => (pixels[i * 4], pixels[i * 4 + 1], pixels[i * 4 + 2]))
            .ToHashSet();

    /// <summary>A square PNG's side and its pixels as RGBA bytes, not premultiplied (colours read as drawn).</summary>
    private static (int Size, byte[] Pixels) Decode(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"{path} is not an image");
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        Assert.Equal(codec.Info.Width, codec.Info.Height);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        var pixels = bitmap.Bytes;
        return (info.Width, pixels);
    }
}
