using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>
/// A resident reads the shared timeline on a phone and on a desktop without JavaScript, narrows it to the province's
/// moments; the werkbureau adds a moment with a vague date and sees the refusal of an unreadable one.
/// </summary>
public sealed class TimelineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "tijdlijn@drenthe.example";
    private const string Password = "tijdlijn-van-besluiten";

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_timeline_reads_without_JavaScript_and_narrows_to_a_level(int width)
    {
        var page = await browser.OpenAsync("/tijdlijn", width, javaScript: false);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tijdlijn van besluitmomenten");
        await Assertions.Expect(page.GetByText("voorjaar 2022", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Niveau").SelectOptionAsync(new SelectOptionValue { Label = "provinciaal" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }).ClickAsync();
        Assert.EndsWith("/tijdlijn?niveau=Provincial&soort=", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start van de nieuwe provinciale omgevingsvisie" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gemeenteraadsverkiezingen" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // axe needs script: the same addresses with it.
        foreach (var address in new[] { "/tijdlijn", "/tijdlijn?niveau=Provincial" })
        {
            var checkedPage = await browser.OpenAsync(address, width);
            await Accessibility.AssertNoViolationsAsync(checkedPage);
            await Accessibility.AssertNoSidewaysScrollAsync(checkedPage);
            await checkedPage.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_werkbureau_adds_a_moment_with_a_vague_date_after_correcting_an_unreadable_one()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "beheerder", "--name", "Els Tijdlijn");
        var page = await browser.OpenAsync("/inloggen", 375);
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tijdlijn van besluitmomenten" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Titel").FillAsync("Herijking RES Drenthe vastgesteld");
        await page.GetByLabel("Datum, zo precies als bekend").FillAsync("zomer 20x");
        await page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "herijking" });
        await page.GetByLabel("Bron: organisatie en document").FillAsync("RES regio Drenthe, planning herijking");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#date-fout")).ToContainTextAsync("De datum 'zomer 20x' is niet te lezen.");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Datum, zo precies als bekend").FillAsync("najaar 2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het moment is opgeslagen.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "najaar 2027 Herijking RES Drenthe vastgesteld" })).ToBeVisibleAsync();

        await Accessibility.AssertNoSidewaysScrollAsync(page);
        var resident = await browser.OpenAsync("/tijdlijn", 1280, javaScript: false);
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Herijking RES Drenthe vastgesteld" })).ToBeVisibleAsync();
        await Assertions.Expect(resident.GetByText("najaar 2027", new() { Exact = true })).ToBeVisibleAsync();
    }
}
