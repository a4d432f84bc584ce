using EscalationBot.Cards;
using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

/// <summary>The rules' durations read as the cards' do: the rules keep their own copy so as to use no card type.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(12 * 60 + 30, "12 min")]
    [InlineData(3 * 3600, "3 h")]
    [InlineData(3 * 3600 + 5 * 60, "3 h 5 min")]
    [InlineData(7 * 86400, "7 d")]
    [InlineData(2 * 86400 + 4 * 3600 + 59, "2 d 4 h")]
    [InlineData(-90, "-1 min")]
    public void A_duration_reads_as_on_the_cards(int seconds, string expected)
    {
        var span = TimeSpan.FromSeconds(seconds);

        Assert.Equal(expected, DurationText.Format(span));
        Assert.Equal(Durations.Format(span), DurationText.Format(span));
    }
}
