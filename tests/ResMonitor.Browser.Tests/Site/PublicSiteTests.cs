using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>A resident's walk through the public site: home, map, every municipality, a project, English.</summary>
public sealed class PublicSiteTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Municipalities =
    [
        "aa-en-hunze", "assen", "borger-odoorn", "coevorden", "de-wolden", "emmen",
        "hoogeveen", "meppel", "midden-drenthe", "noordenveld", "tynaarlo", "westerveld",
    ];

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_map_and_its_list_pass_axe_and_the_list_holds_every_municipality(int width)
    {
        var page = await browser.OpenAsync("/kaart", width);
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Kaart van de gemeenten, projecten en zoekgebieden" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByText("Kaart als lijst").ClickAsync();
        var list = page.GetByRole(AriaRole.Table, new() { Name = "Gerealiseerde opwek per gemeente" });
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(12);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task The_map_filter_works_without_JavaScript()
    {
        var page = await browser.OpenAsync("/kaart", javaScript: false);

        await page.GetByLabel("Toon").SelectOptionAsync("wind");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon op de kaart" }).ClickAsync();

        Assert.EndsWith("/kaart?techniek=wind", page.Url);
        Assert.Equal(0, await page.Locator("svg.rm-map .rm-map__point--zon-op-land").CountAsync());
        Assert.True(await page.Locator("svg.rm-map .rm-map__point--wind").CountAsync() > 0);
    }

    [Fact]
    public async Task Every_municipality_page_passes_axe_at_phone_and_desktop_width()
    {
        foreach (var slug in Municipalities)
        {
            foreach (var width in new[] { 1280, 375 })
            {
                var page = await browser.OpenAsync($"/gemeenten/{slug}", width);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Gemeente ");
                await Accessibility.AssertNoViolationsAsync(page);
                await Accessibility.AssertNoSidewaysScrollAsync(page);
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task A_resident_goes_from_the_home_page_via_a_municipality_to_a_project()
    {
        var page = await browser.OpenAsync("/", 375);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Gemeenten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gemeenten");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Emmen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gemeente Emmen");

        await page.GetByRole(AriaRole.Table, new() { Name = "Projecten in Emmen" }).GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Contains("/projecten/", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vergunning en bevoegd gezag" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Bevoegd gezag:")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task The_English_switch_translates_the_page_and_stays_on_it()
    {
        var page = await browser.OpenAsync("/kaart");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        Assert.EndsWith("/kaart", page.Url);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Map of the region");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How far is RES regio Drenthe?");
        await Assertions.Expect(page.GetByText("Target 2030: 3.45 TWh of renewable electricity")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hoe ver is RES regio Drenthe?");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_forecast_page_passes_axe_and_reads_in_one_sentence(int width)
    {
        var page = await browser.OpenAsync("/prognose", width);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Haalt RES regio Drenthe 3,45 TWh in 2030?");
        await Assertions.Expect(page.GetByText("De kans dat RES regio Drenthe in 2030 3,45 TWh haalt, is")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Aannames per fase" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_signals_page_passes_axe(int width)
    {
        var page = await browser.OpenAsync("/signalen", width);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Signalen: waar gaat het mis?");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Theory]
    [InlineData("/?lang=en")]
    [InlineData("/kaart?lang=en")]
    [InlineData("/gemeenten/midden-drenthe")]
    public async Task Nothing_scrolls_sideways_on_the_smallest_phone(string path)
    {
        var page = await browser.OpenAsync(path, 320);

        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Theory]
    [InlineData("/signalen")]
    [InlineData("/prognose")]
    [InlineData("/kaart")]
    [InlineData("/gemeenten")]
    [InlineData("/gemeenten/assen")]
    [InlineData("/projecten/VB-001")]
    public async Task Keyboard_alone_reaches_every_link(string path)
    {
        var page = await browser.OpenAsync(path);

        await Accessibility.AssertKeyboardReachesEveryLinkAsync(page);
    }

    [Fact]
    public async Task The_404_page_is_Dutch_accessible_and_offers_a_way_back()
    {
        var context = await browser.Browser.NewContextAsync(new() { Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(browser.BaseUrl + "/gemeenten/atlantis");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het overzicht" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hoe ver is RES regio Drenthe?");
    }
}
