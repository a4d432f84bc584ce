using Microsoft.Playwright;

namespace EscalationBot.BrowserTests;

public sealed partial class CaseFlowInPlaygroundTests
{
    /// <summary>Issue 15: a lead's stats card in the playground, its two charts loaded from the bot's signed links.</summary>
    private async Task StatsCardShowsItsChartsAsync(IPage lead)
    {
        await lead.GetByText("Personal Chat", new() { Exact = true }).ClickAsync();
        var message = lead.GetByRole(AriaRole.Textbox).Last;
        await message.ClickAsync();
        await message.PressSequentiallyAsync("stats");
        await message.PressAsync("Enter");
        var card = lead.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Stats · Week of" }).Last;
        await card.GetByText("MTTA: time to first claim").WaitForAsync();
        var charts = card.Locator("img");
        Assert.Equal(2, await charts.CountAsync());
        for (var i = 0; i < 2; i++)
        {
            // Loaded, not a broken image: the browser fetched the PNG from /insight/{token}/{name} and decoded it.
            await lead.WaitForFunctionAsync(
                "img => img.complete && img.naturalWidth === 800",
                await charts.Nth(i).ElementHandleAsync()
            );
        }

        await charts.First.ScrollIntoViewIfNeededAsync();
        await ShotAsync(lead, "9-lead-stats-charts");
    }
}
