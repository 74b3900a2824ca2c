using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>An editor signs in through the form and sees the beheer page; the form works without JavaScript and both pages pass axe.</summary>
public sealed class AccountTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "redacteur@assen.example";
    private const string Password = "windpark-de-drentse-monden";

    [Fact]
    public async Task A_redacteur_signs_in_with_the_form_and_sees_who_she_is_and_both_pages_pass_axe()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "redacteur", "--organisation", "GM0106", "--name", "Sanne Bakker");

        var page = await browser.OpenAsync("/");
        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).ClickAsync();
        Assert.EndsWith("/inloggen", page.Url);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync("niet-het-wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Het e-mailadres of het wachtwoord klopt niet.");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        Assert.EndsWith("/beheer", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Beheer");
        await Assertions.Expect(page.GetByText("U bent ingelogd als Sanne Bakker.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Assen (GM0106)")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_in_and_out_works_without_JavaScript()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "redacteur", "--organisation", "GM0106", "--name", "Sanne Bakker");

        var page = await browser.OpenAsync("/beheer", javaScript: false);
        Assert.Contains("/inloggen?terug=%2Fbeheer", page.Url);
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        Assert.EndsWith("/beheer", page.Url);
        await Assertions.Expect(page.GetByText("U bent ingelogd als Sanne Bakker.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        Assert.Equal(browser.BaseUrl + "/", page.Url);
        await page.GotoAsync(browser.BaseUrl + "/beheer");
        Assert.Contains("/inloggen?terug=%2Fbeheer", page.Url);
        await page.Context.CloseAsync();
    }
}
