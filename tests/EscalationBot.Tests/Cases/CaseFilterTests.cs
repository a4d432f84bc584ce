using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

public sealed class CaseFilterTests
{
    [Theory]
    [InlineData("sev1", "Sev1 critical")]
    [InlineData("SEV2 facebook", "Sev2 high, Facebook")]
    [InlineData("hate-speech instagram claimed", "Hate speech, Instagram, Claimed")]
    [InlineData("child_safety", "Child safety")]
    [InlineData("violence-and-incitement reopened", "Violence and incitement, Reopened")]
    [InlineData("", "")]
    public void Filter_words_are_read_in_any_order_and_case(string text, string described)
    {
        var (filter, unknown) = CaseFilter.Parse(text);
        Assert.Null(unknown);
        Assert.Equal(described, filter.Describe());
    }

    [Theory]
    [InlineData("sev9", "sev9")]
    [InlineData("sev1 tiktok", "tiktok")]
    [InlineData("resolved", "resolved")]
    [InlineData("0", "0")]
    public void The_first_unknown_word_is_named(string text, string unknown) =>
        Assert.Equal(unknown, CaseFilter.Parse(text).Unknown);

    [Fact]
    public void A_filter_keeps_only_matching_cases()
    {
        var c = CaseRulesTests.NewCase(Severity.Sev1);
        Assert.True(CaseFilter.Parse("sev1 facebook hate-speech new").Filter.Matches(c));
        Assert.False(CaseFilter.Parse("sev2").Filter.Matches(c));
        Assert.False(CaseFilter.Parse("instagram").Filter.Matches(c));
        Assert.False(CaseFilter.Parse("claimed").Filter.Matches(c));
        Assert.False((CaseFilter.None with { OwnerId = "sam" }).Matches(c));
        Assert.True((CaseFilter.None with { OwnerId = "sam" }).Matches(c with { Owner = new Person("sam", "Sam") }));
    }
}
