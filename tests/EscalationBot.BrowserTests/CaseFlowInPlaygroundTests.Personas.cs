using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EscalationBot.BrowserTests;

public sealed partial class CaseFlowInPlaygroundTests
{
    /// <summary>
    /// Issue 14, for the two other personas: the partner manager's help lists only what a partner manager can do, and
    /// the lead reads the case card's times in the team's zone, named, as the specialist reads the who card's.
    /// </summary>
    private async Task EachPersonaSeesItsOwnHelpAndOneClockAsync(IPage lead, IPage manager, string caseId)
    {
        var message = manager.GetByRole(AriaRole.Textbox).Last;
        await message.ClickAsync();
        await message.PressSequentiallyAsync("help");
        await message.PressAsync("Enter");
        var help = manager
            .Locator(".ac-adaptiveCard")
            .Filter(new() { Has = manager.GetByRole(AriaRole.Button, new() { Name = "File an escalation" }) })
            .Last;
        await help.GetByText("status ESC-n").First.WaitForAsync();
        var text = await help.InnerTextAsync();
        foreach (var staffOnly in new[] { "claim", "triage", "handover", "setup" })
        {
            Assert.DoesNotContain(staffOnly, text, StringComparison.OrdinalIgnoreCase);
        }

        await ShotAsync(manager, "8a-partner-manager-help");

        var card = lead.Locator(".ac-adaptiveCard").Filter(new() { HasText = $"{caseId} · Sev1 critical" }).Last;
        await card.GetByText(new Regex(@"\w{3} \d{1,2} \w{3} \d\d:\d\d \(Singapore, UTC\+8\)")).First.WaitForAsync();
        Assert.DoesNotContain("{{", await card.InnerTextAsync());
        await ShotAsync(lead, "8b-lead-case-card-times");
    }
}
