using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>
/// A redacteur of Emmen signs in, finds a project, makes a mistake that is refused next to the field, corrects it,
/// saves, and sees the new name and capacity on the public project page, and the old ones under the peildatum of
/// yesterday. axe on every editing page and the past page, and none of them scrolls sideways at 320 px.
/// </summary>
public sealed class EditingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "redacteur@emmen.example";
    private const string Password = "zonnepark-emmen-bewerken";

    [Fact]
    public async Task A_redacteur_edits_a_project_and_the_public_page_shows_the_new_name_and_capacity()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "redacteur", "--organisation", "GM0114", "--name", "Els Bakker");

        var page = await browser.OpenAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Projecten bewerken" }).ClickAsync();
        Assert.EndsWith("/beheer/projecten", page.Url);
        await Assertions.Expect(page.GetByText("U ziet de projecten in Emmen.")).ToBeVisibleAsync();
        await AccessibleAtAllWidthsAsync(page);

        await page.GetByLabel("Zoek op naam, project-id of gemeente").FillAsync("Zonnepark Emmen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Voorbeeld: Zonnepark Emmen 14" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voorbeeld: Zonnepark Emmen 14 bewerken");
        await AccessibleAtAllWidthsAsync(page);
        var projectPath = "/projecten/" + page.Url.Split('/')[^1];
        var publicPage = await page.Context.NewPageAsync();
        await publicPage.GotoAsync(browser.BaseUrl + projectPath);
        var oldCapacity = await publicPage.Locator("dt:text-is('Vermogen') + dd").InnerTextAsync();
        Assert.NotEqual("42,5 MW", oldCapacity);

        // A capacity in kW by mistake: refused next to the field, with the summary at the top linking to it.
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Zonnepark Emmen-Noord");
        await page.GetByLabel("Vermogen in MW").FillAsync("42500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#capacityMw-fout")).ToContainTextAsync("42.500 MW is onwaarschijnlijk groot (meer dan 2.000 MW). Staat het in kW?");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "42.500 MW is onwaarschijnlijk groot" })).ToHaveAttributeAsync("href", "#capacityMw");
        await Assertions.Expect(page.GetByLabel("Naam", new() { Exact = true })).ToHaveValueAsync("Zonnepark Emmen-Noord");
        await AccessibleAtAllWidthsAsync(page);

        await page.GetByLabel("Vermogen in MW").FillAsync("42,5");
        await page.GetByLabel("Reden van wijziging").FillAsync("Uitbreiding volgens vergunning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De wijzigingen zijn opgeslagen.");

        await page.GetByRole(AriaRole.Link, new() { Name = "openbare pagina van dit project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zonnepark Emmen-Noord");
        await Assertions.Expect(page.Locator("dt:text-is('Vermogen') + dd")).ToHaveTextAsync("42,5 MW");

        // The register as it was known at the end of yesterday: the old name and capacity, with a banner that says so.
        var yesterday = ResMonitor.Web.Tests.TestClock.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await publicPage.GotoAsync(browser.BaseUrl + projectPath + "?peildatum=" + yesterday);
        await Assertions.Expect(publicPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voorbeeld: Zonnepark Emmen 14");
        await Assertions.Expect(publicPage.Locator("dt:text-is('Vermogen') + dd")).ToHaveTextAsync(oldCapacity);
        await Assertions.Expect(publicPage.GetByText("U bekijkt de stand van")).ToBeVisibleAsync();
        await AccessibleAtAllWidthsAsync(publicPage);

        await page.GotoAsync(browser.BaseUrl + "/beheer/projecten/nieuw");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nieuw project");
        await AccessibleAtAllWidthsAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>axe at the desktop width, and no sideways scrolling at 320 px.</summary>
    private static async Task AccessibleAtAllWidthsAsync(IPage page)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(320, 900);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.SetViewportSizeAsync(1280, 900);
    }
}
