using EscalationBot.Cards.AdaptiveCards;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Cards;

/// <summary>The Image element goes on the wire as Adaptive Cards names it (the official parser checks the rest).</summary>
public sealed class ImageElementTests
{
    [Fact]
    public void An_image_serialises_with_its_type_url_alt_text_and_size()
    {
        var card = JObject.Parse(CardJson.Serialize(CardSamples.ChartImage()));

        var image = (JObject)card["body"]![1]!;

        Assert.Equal("Image", image.Value<string>("type"));
        Assert.Equal(
            "https://escalations.example.com/insight/CfDJ8token/stats-2026-11-23.png",
            image.Value<string>("url")
        );
        Assert.Equal("Cases filed per day by severity, with the share of targets met", image.Value<string>("altText"));
        Assert.Equal("stretch", image.Value<string>("size"));
    }
}
