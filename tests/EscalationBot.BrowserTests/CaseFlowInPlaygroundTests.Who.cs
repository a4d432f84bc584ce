using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EscalationBot.BrowserTests;

public sealed partial class CaseFlowInPlaygroundTests
{
    /// <summary>Issue 14's second finding: Start my shift on the who card redraws it, its times in one named zone.</summary>
    private async Task WhoCardRedrawnAfterStartMyShiftAsync(IPage specialist)
    {
        await specialist.GetByText("Personal Chat", new() { Exact = true }).ClickAsync();
        var message = specialist.GetByRole(AriaRole.Textbox).Last;
        await message.ClickAsync();
        await message.PressSequentiallyAsync("who");
        await message.PressAsync("Enter");
        // The who card, not the welcome help (whose who line reads "Who is on shift now…").
        var cards = specialist
            .Locator(".ac-adaptiveCard")
            .Filter(new() { Has = specialist.GetByRole(AriaRole.Button, new() { Name = "Start my shift" }) });
        var who = cards.Last;
        await who.GetByText(new Regex(@"\d\d:\d\d to .*\d\d:\d\d \(Singapore, UTC\+8\)")).First.WaitForAsync();
        await ShotAsync(specialist, "0-specialist-who");

        await who.GetByRole(AriaRole.Button, new() { Name = "Start my shift" }).ClickAsync();
        // A start just before a shift counts for the next one: "from" it, else "until" the current one ends.
        const string at = @"\w{3} \d\d:\d\d \(Singapore, UTC\+8\)";
        await who.GetByText(new Regex($"You are on the \\w+ shift (until|from) {at}")).WaitForAsync();
        await who.GetByText(new Regex($"Sam Specialist · since {at}")).WaitForAsync();
        Assert.Equal(1, await cards.CountAsync());
        Assert.DoesNotContain("{{", await who.InnerTextAsync());
        await ShotAsync(specialist, "0-specialist-who-started");
    }
}
