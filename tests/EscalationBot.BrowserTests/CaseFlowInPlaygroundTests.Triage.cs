using Microsoft.Playwright;

namespace EscalationBot.BrowserTests;

/// <summary>The specialist triages the claimed case, then opens Triage… again: the answers are kept, the suggestion shown.</summary>
public sealed partial class CaseFlowInPlaygroundTests
{
    private const string ImminentHarm = "Imminent risk of real-world harm?";
    private const string MinorInvolved = "A minor involved?";

    private async Task TriageTwiceAsync(IPage specialist, ILocator queueCard)
    {
        await queueCard.GetByRole(AriaRole.Button, new() { Name = "Triage…" }).ClickAsync();
        await queueCard.GetByText("Suggested now: Sev3 normal (nothing ticked)").WaitForAsync();
        await queueCard.GetByRole(AriaRole.Checkbox, new() { Name = ImminentHarm }).CheckAsync();
        await queueCard.GetByText("Suggested now: Sev3 normal (nothing ticked)").ScrollIntoViewIfNeededAsync();
        await ShotAsync(specialist, "5a-specialist-triage-form");
        await queueCard.GetByRole(AriaRole.Button, new() { Name = "Apply triage" }).ClickAsync();
        await queueCard.GetByText("Triage recorded by Sam Specialist").WaitForAsync();
        await queueCard.GetByText("Sev1 critical kept", new() { Exact = false }).WaitForAsync();

        await queueCard.GetByRole(AriaRole.Button, new() { Name = "Triage…" }).ClickAsync();
        var suggestion = queueCard.GetByText("Suggested now: Sev1 critical (imminent harm ticked)");
        await suggestion.WaitForAsync();
        Assert.True(await queueCard.GetByRole(AriaRole.Checkbox, new() { Name = ImminentHarm }).IsCheckedAsync());
        Assert.False(await queueCard.GetByRole(AriaRole.Checkbox, new() { Name = MinorInvolved }).IsCheckedAsync());
        await suggestion.ScrollIntoViewIfNeededAsync();
        await ShotAsync(specialist, "5b-specialist-triage-answers-kept");
        await queueCard.GetByRole(AriaRole.Button, new() { Name = "Triage…" }).ClickAsync();
    }
}
