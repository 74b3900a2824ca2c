using System.Globalization;
using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>
/// A grid operator's redacteur records feed-in congestion, is corrected next to the field, saves, and the public list
/// and the signals show it; every page passes axe and does not scroll sideways at 320 px.
/// </summary>
public sealed class GridCongestionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "netbeheer@rendo.example";
    private const string Password = "congestie-in-zuidwest-drenthe";

    [Fact]
    public async Task A_grid_operator_records_congestion_after_a_correction_and_the_public_pages_show_it()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "redacteur", "--organisation", "RENDO", "--name", "Femke Bos");
        var today = ResMonitor.Web.Tests.TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await browser.OpenAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Netcongestie: gebieden waar het net vol is" }).ClickAsync();
        Assert.EndsWith("/beheer/netcongestie", page.Url);
        await Assertions.Expect(page.GetByText("U legt netcongestie vast voor Rendo Netwerken")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe netcongestie vastleggen" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Gebied", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Meppel" });
        await Assertions.Expect(page.GetByLabel("Netbeheerder", new() { Exact = true })).ToHaveValueAsync("RENDO");
        await page.GetByLabel("Soort congestie").SelectOptionAsync("FeedIn");
        await page.GetByLabel("Congestie sinds").FillAsync("2024-04-01");
        await page.GetByLabel("Beëindigd op").FillAsync("2024-03-01");
        await page.GetByLabel("Bron", new() { Exact = true }).FillAsync("Bericht Rendo aan de RES-regio (test)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();

        await Assertions.Expect(page.Locator("#einde-fout")).ToHaveTextAsync("Het einde (1 maart 2024) ligt vóór het begin (1 april 2024).");
        await Assertions.Expect(page.GetByLabel("Beëindigd op")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Beëindigd op").FillAsync("");
        await page.GetByLabel("Verwacht einde (als de netbeheerder het noemt)").FillAsync("2029-06-30");
        await page.GetByLabel("Netverzwaring waarna de congestie naar verwachting eindigt").FillAsync("Nieuw station Meppel-Noord (test)");
        await page.GetByLabel("Peildatum van de bron").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("(Meppel) is opgeslagen.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Meppel", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Netverzwaring waarna de congestie naar verwachting eindigt")).ToHaveValueAsync("Nieuw station Meppel-Noord (test)");
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();

        var list = await browser.OpenAsync("/netcongestie", width: 320);
        await Assertions.Expect(list.GetByText("Bron: Bericht Rendo aan de RES-regio (test)", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(list.GetByText("verwacht einde: 30 juni 2029, na Nieuw station Meppel-Noord (test)", new() { Exact = false })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(list);
        await Accessibility.AssertNoSidewaysScrollAsync(list);
        await list.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "signalen", Exact = true }).ClickAsync();
        await Assertions.Expect(list.GetByRole(AriaRole.Heading, new() { Name = "Projecten in een gebied zonder netcapaciteit" })).ToBeVisibleAsync();
        await Assertions.Expect(list.GetByText("Bron: Bericht Rendo aan de RES-regio (test)", new() { Exact = false }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(list);
        await Accessibility.AssertNoSidewaysScrollAsync(list);
        await list.Context.CloseAsync();
    }

    /// <summary>axe at the desktop width, and no sideways scroll at 320 px; back to the desktop width afterwards.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(320, 900);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(1280, 900);
    }
}
