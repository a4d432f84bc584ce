using EscalationBot.Cards;
using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

public sealed class CaseDurationsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    [InlineData(59.9)]
    [InlineData(60)]
    [InlineData(12 * 60 + 30)]
    [InlineData(3600)]
    [InlineData(3 * 3600 + 5 * 60)]
    [InlineData(86400)]
    [InlineData(7 * 86400)]
    [InlineData(2 * 86400 + 4 * 3600 + 59)]
    [InlineData(-90)]
    public void The_rules_write_durations_as_the_cards_do(double seconds) =>
        Assert.Equal(Durations.Format(TimeSpan.FromSeconds(seconds)), CaseDurations.Format(TimeSpan.FromSeconds(seconds)));
}
