using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EscalationBot.BrowserTests;

/// <summary>
/// The core loop as people do it, through the Agents Playground (channel msteams) in Chromium:
/// the lead binds the queue, the partner manager files, the specialist claims and resolves, everyone sees it.
/// A screenshot of each step goes to artifacts/screenshots.
/// </summary>
public sealed partial class CaseFlowInPlaygroundTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task File_claim_and_resolve_across_three_personas()
    {
        var lead = await playground.OpenAsync(playground.LeadPort);
        var manager = await playground.OpenAsync(playground.PartnerManagerPort);
        var specialist = await playground.OpenAsync(playground.SpecialistPort);
        try
        {
            await FlowAsync(lead, manager, specialist);
        }
        catch
        {
            // What each persona saw when it failed, next to the step screenshots.
            await ShotAsync(lead, "failed-lead");
            await ShotAsync(manager, "failed-partner-manager");
            await ShotAsync(specialist, "failed-specialist");
            throw;
        }
    }

    private async Task FlowAsync(IPage lead, IPage manager, IPage specialist)
    {
        await WhoCardRedrawnAfterStartMyShiftAsync(specialist);

        // 1. The lead binds the Queue channel by mentioning the bot, as in Teams.
        await lead.GetByText("Queue", new() { Exact = true }).ClickAsync();
        var post = lead.GetByRole(AriaRole.Textbox).First;
        await post.ClickAsync();
        await post.PressSequentiallyAsync("@Escal");
        await lead.GetByText("EscalationBot", new() { Exact = true }).Last.ClickAsync();
        await post.PressSequentiallyAsync(" setup queue");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        await lead.GetByText("now the specialists' queue").First.WaitForAsync();
        await ShotAsync(lead, "1-lead-binds-queue");

        // 2. The partner manager files through the intake card in their personal chat.
        await manager.GetByText("Personal Chat", new() { Exact = true }).ClickAsync();
        var message = manager.GetByRole(AriaRole.Textbox).Last;
        await message.ClickAsync();
        await message.PressSequentiallyAsync("escalate Threats against a journalist");
        await message.PressAsync("Enter");
        var intake = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Submit escalation" }).Last;
        await intake.WaitForAsync();
        await intake.GetByLabel("Facebook").CheckAsync();
        await intake.GetByLabel("Partner / organisation").FillAsync("Example News");
        await intake.GetByLabel("Content URL(s), one per line").FillAsync("https://www.facebook.com/post/1");
        await intake.GetByRole(AriaRole.Combobox, new() { Name = "Policy area" }).ClickAsync();
        await manager.GetByRole(AriaRole.Option, new() { Name = "Hate speech" }).ClickAsync();
        await intake.GetByLabel("Sev1 critical: imminent real-world harm, high-profile or media exposure").CheckAsync();
        Assert.Equal("Threats against a journalist", await intake.GetByLabel("What is happening?").InputValueAsync());
        await ShotAsync(manager, "2-partner-manager-intake");
        await DeadlineInputsFitAsync(manager, intake);
        await intake.GetByRole(AriaRole.Button, new() { Name = "Submit escalation" }).ClickAsync();
        var confirmation = manager
            .Locator(".ac-adaptiveCard")
            .Filter(new() { HasTextRegex = new Regex(@"Escalation ESC-\d+ filed") })
            .Last;
        await confirmation.WaitForAsync();
        var caseId = Regex.Match(await confirmation.InnerTextAsync(), @"ESC-\d+").Value;
        await ShotAsync(manager, "3-partner-manager-confirmation");

        // 3. The specialist sees the case in the Queue channel and claims it; the card changes in place.
        await specialist.GetByText("Queue", new() { Exact = true }).ClickAsync();
        var queueCard = specialist
            .Locator(".ac-adaptiveCard")
            .Filter(new() { HasText = $"{caseId} · Sev1 critical" })
            .Last;
        await queueCard.GetByText("Unclaimed · filed").WaitForAsync();
        await ShotAsync(specialist, "4-specialist-queue");
        await queueCard.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await queueCard.GetByText("Claimed by Sam Specialist").WaitForAsync();
        Assert.Equal(
            1,
            await specialist
                .Locator(".ac-adaptiveCard")
                .Filter(new() { HasText = $"{caseId} · Sev1 critical" })
                .CountAsync()
        );
        await ShotAsync(specialist, "5-specialist-claimed");

        // The same message changed for the lead too, and the reporter heard who has the case.
        await lead.Locator(".ac-adaptiveCard")
            .Filter(new() { HasText = $"{caseId} · Sev1 critical" })
            .GetByText("Claimed by Sam Specialist")
            .WaitForAsync();
        await ShotAsync(lead, "6-lead-sees-claim-in-place");
        await manager.GetByText($"{caseId} is being handled").WaitForAsync();
        await TriageTwiceAsync(specialist, queueCard);

        // 4. The specialist resolves from the card.
        await queueCard.GetByRole(AriaRole.Button, new() { Name = "Resolve…" }).ClickAsync();
        await queueCard.GetByLabel("Actioned").CheckAsync();
        await queueCard
            .GetByLabel("Summary for the reporter")
            .FillAsync("Removed the posts and restricted the account.");
        await queueCard.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await queueCard.GetByText("Resolved by Sam Specialist: Actioned").WaitForAsync();
        await ShotAsync(specialist, "7-specialist-resolved");

        // 5. The outcome arrives in the partner manager's chat.
        var outcome = manager
            .Locator(".ac-adaptiveCard")
            .Filter(new() { HasText = $"{caseId} resolved: Actioned" })
            .Last;
        await outcome.GetByText("Removed the posts and restricted the account.").WaitForAsync();
        await ShotAsync(manager, "8-partner-manager-outcome");
        await EachPersonaSeesItsOwnHelpAndOneClockAsync(lead, manager, caseId);
        await StatsCardShowsItsChartsAsync(lead);
    }

    /// <summary>The deadline's time picker (Fluent UI's, in Web Chat) keeps its chevron inside its own border.</summary>
    private async Task DeadlineInputsFitAsync(IPage manager, ILocator intake)
    {
        var picker = intake.Locator(".fui-TimePicker");
        await picker.ScrollIntoViewIfNeededAsync();
        await ShotAsync(manager, "2-partner-manager-intake-deadline");
        var border = await picker.BoundingBoxAsync();
        var chevron = await picker.Locator(".fui-Combobox__expandIcon").BoundingBoxAsync();
        Assert.True(
            chevron!.X >= border!.X && chevron.X + chevron.Width <= border.X + border.Width,
            $"The time picker's chevron ({chevron.X}+{chevron.Width}) is outside its border ({border!.X}+{border.Width})"
        );
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(playground.Screenshots, name + ".png") });
}
