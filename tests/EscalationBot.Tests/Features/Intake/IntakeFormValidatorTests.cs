using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using EscalationBot.Features.Intake;

namespace EscalationBot.Tests.Features.Intake;

public sealed class IntakeFormValidatorTests
{
    private static readonly TimeZoneInfo Singapore = TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Form() =>
        new()
        {
            [IntakeFields.Platform] = "Instagram",
            [IntakeFields.Partner] = " Example NGO ",
            [IntakeFields.Account] = "",
            [IntakeFields.ContentUrls] =
                "https://www.instagram.com/p/1\nhttp://instagram.com/p/2, https://www.instagram.com/p/1",
            [IntakeFields.PolicyArea] = "ChildSafety",
            [IntakeFields.Severity] = "Sev2",
            [IntakeFields.Description] = "Grooming messages",
        };

    [Fact]
    public void A_complete_form_becomes_a_report_with_trimmed_text_and_distinct_urls()
    {
        var result = IntakeFormValidator.Validate(Form(), Singapore, Now);
        var report = Assert.IsType<CaseReport>(result.Report);
        Assert.Equal(Platform.Instagram, report.Platform);
        Assert.Equal("Example NGO", report.Partner);
        Assert.Equal(["https://www.instagram.com/p/1", "http://instagram.com/p/2"], report.ContentUrls);
        Assert.Equal(PolicyArea.ChildSafety, report.PolicyArea);
        Assert.Equal(Severity.Sev2, report.Severity);
        Assert.Null(report.PartnerDeadline);
    }

    [Fact]
    public void The_deadline_is_read_in_the_team_time_zone()
    {
        var form = Form();
        form[IntakeFields.DeadlineDate] = "2026-11-25";
        form[IntakeFields.DeadlineTime] = "09:30";
        var report = IntakeFormValidator.Validate(form, Singapore, Now).Report!;
        Assert.Equal(
            new DateTimeOffset(2026, 11, 25, 1, 30, 0, TimeSpan.Zero),
            report.PartnerDeadline!.Value.ToUniversalTime()
        );
    }

    [Theory]
    [InlineData(IntakeFields.Platform, "Tiktok", "Choose the platform")]
    [InlineData(IntakeFields.Platform, "1", "Choose the platform")]
    [InlineData(IntakeFields.Severity, "Sev9", "Choose a severity")]
    [InlineData(IntakeFields.PolicyArea, "", "Choose a policy area")]
    [InlineData(IntakeFields.Partner, "", "is required")]
    [InlineData(IntakeFields.Description, "", "is required")]
    [InlineData(IntakeFields.ContentUrls, "ftp://example.com/x", "is not an http(s) URL")]
    [InlineData(IntakeFields.ContentUrls, "javascript:alert(1)", "is not an http(s) URL")]
    [InlineData(IntakeFields.DeadlineDate, "25/11/2026", "should look like 2026-12-31")]
    [InlineData(IntakeFields.DeadlineDate, "2020-01-01", "in the past")]
    public void Each_problem_is_named_against_its_field(string field, string value, string expected)
    {
        var form = Form();
        form[field] = value;
        var result = IntakeFormValidator.Validate(form, Singapore, Now);
        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Problems[field]);
    }

    [Fact]
    public void Oversized_text_and_too_many_urls_are_refused()
    {
        var form = Form();
        form[IntakeFields.Description] = new string('x', TextLimits.Description + 1);
        form[IntakeFields.Partner] = new string('x', TextLimits.Partner + 1);
        var result = IntakeFormValidator.Validate(form, Singapore, Now);
        Assert.Contains("the limit is 4000", result.Problems[IntakeFields.Description]);
        Assert.Contains("the limit is 100", result.Problems[IntakeFields.Partner]);

        form = Form();
        form[IntakeFields.ContentUrls] = string.Join(
            "\n",
            Enumerable.Range(1, 21).Select(i => $"https://facebook.com/{i}")
        );
        Assert.Contains(
            "the limit is 20",
            IntakeFormValidator.Validate(form, Singapore, Now).Problems[IntakeFields.ContentUrls]
        );
    }

    [Fact]
    public void An_account_or_a_content_url_is_required()
    {
        var form = Form();
        form[IntakeFields.ContentUrls] = "";
        Assert.Contains(
            "at least one content URL",
            IntakeFormValidator.Validate(form, Singapore, Now).Problems[IntakeFields.Account]
        );
        form[IntakeFields.Account] = "@someone";
        Assert.True(IntakeFormValidator.Validate(form, Singapore, Now).IsValid);
    }
}
