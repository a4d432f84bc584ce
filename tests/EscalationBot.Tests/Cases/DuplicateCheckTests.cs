using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

public sealed class DuplicateCheckTests
{
    [Theory]
    [InlineData("https://www.facebook.com/post/1", "facebook.com/post/1")]
    [InlineData("http://m.facebook.com/post/1/", "facebook.com/post/1")]
    [InlineData("https://www.facebook.com/Post/1?utm_source=x&fbclid=abc", "facebook.com/post/1")]
    [InlineData("https://www.instagram.com/p/abc/?igshid=1&hl=en", "instagram.com/p/abc?hl=en")]
    [InlineData(" @SomeHandle ", "somehandle")]
    public void Links_pasted_differently_are_the_same_content(string text, string normalized) =>
        Assert.Equal(normalized, DuplicateCheck.Normalize(text));

    [Fact]
    public void The_oldest_open_case_sharing_a_link_or_the_account_is_found()
    {
        var first = CaseRulesTests.NewCase() with { Number = 3 };
        var second = CaseRulesTests.NewCase() with
        {
            Number = 5,
            Report = CaseRulesTests.NewCase().Report with
            {
                ContentUrls = ["https://instagram.com/p/x"],
                Account = "@other",
            },
        };
        var open = new[] { second, first };

        var sameLink = first.Report with { Account = "", ContentUrls = ["http://m.facebook.com/1/"] };
        Assert.Equal(3, DuplicateCheck.Find(sameLink, open)?.Number);
        var sameAccount = first.Report with { Account = "@Other", ContentUrls = [] };
        Assert.Equal(5, DuplicateCheck.Find(sameAccount, open)?.Number);
        var unrelated = first.Report with { Account = "", ContentUrls = ["https://facebook.com/2"] };
        Assert.Null(DuplicateCheck.Find(unrelated, open));
    }
}
