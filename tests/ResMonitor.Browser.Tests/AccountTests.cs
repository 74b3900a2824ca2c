using Microsoft.Playwright;
using ResMonitor.Cli;

namespace ResMonitor.Browser.Tests;

/// <summary>An editor signs in through the form and sees the beheer page; the form works without JavaScript and both pages pass axe.</summary>
public sealed class AccountTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "redacteur@assen.example";
    private const string Password = "windpark-de-drentse-monden";

    [Fact]
    public async Task A_redacteur_signs_in_with_the_form_and_sees_who_she_is_and_both_pages_pass_axe()
    {
        await EnsureUserAsync();

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
        await EnsureUserAsync();

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

    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task EnsureUserAsync()
    {
        await Once.WaitAsync();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var cli = new CliApp(output, error, TimeProvider.System) { Input = new StringReader(""), Variables = _ => null };
            await cli.RunAsync(["--database", browser.Database, "user", "list"]);
            if (output.ToString().Contains(Email, StringComparison.Ordinal))
            {
                return;
            }

            cli = new CliApp(output, error, TimeProvider.System) { Input = new StringReader(Password + "\n"), Variables = _ => null };
            var code = await cli.RunAsync(["--database", browser.Database, "user", "add", Email, "--role", "redacteur", "--organisation", "GM0106", "--name", "Sanne Bakker"]);
            Assert.True(code == 0, error.ToString());
        }
        finally
        {
            Once.Release();
        }
    }
}
