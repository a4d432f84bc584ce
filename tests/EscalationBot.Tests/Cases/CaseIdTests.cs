using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

public sealed class CaseIdTests
{
    [Theory]
    [InlineData("ESC-12", 12)]
    [InlineData("esc-12", 12)]
    [InlineData(" ESC 12 ", 12)]
    [InlineData("ESC12", 12)]
    public void Typed_ids_parse(string text, int expected)
    {
        Assert.True(CaseId.TryParse(text, out var number));
        Assert.Equal(expected, number);
        Assert.Equal($"ESC-{expected}", CaseId.Format(number));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("ESC-0")]
    [InlineData("ESC--1")]
    [InlineData("ESC-1 or 1=1")]
    [InlineData("ESC-9999999999")]
    public void Anything_else_is_not_a_case_id(string? text) => Assert.False(CaseId.TryParse(text, out _));
}
