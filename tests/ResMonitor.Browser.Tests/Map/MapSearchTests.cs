using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>A resident on a phone finds what is planned near their village, and the pages on the way pass axe.</summary>
public sealed class MapSearchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_resident_at_375_px_finds_a_project_by_typing_a_village_name()
    {
        var page = await browser.OpenAsync("/kaart", 375);

        await page.GetByLabel("Zoek een plaats of gemeente").PressSequentiallyAsync("exloo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoek", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kaart rond Exloo");
        var nearest = page.GetByRole(AriaRole.Region, new() { Name = "Projecten het dichtst bij Exloo" }).GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(nearest).ToContainTextAsync("1 km ten noordoosten van Exloo");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);

        // Each project marker on the map is a target of at least 24 by 24 CSS pixels at this width (WCAG 2.5.8).
        var markers = page.Locator("svg.rm-map a:has(g.rm-map__marker)");
        Assert.True(await markers.CountAsync() > 0);
        foreach (var marker in await markers.AllAsync())
        {
            var box = await marker.BoundingBoxAsync();
            Assert.True(box is { Width: >= 24, Height: >= 24 }, $"a marker is {box?.Width} × {box?.Height} px");
        }

        await nearest.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voorbeeld: Zonnepark Borger-Odoorn 6");
        await Assertions.Expect(page.GetByText("1 km ten noordoosten van Exloo")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Kaart rond Voorbeeld: Zonnepark Borger-Odoorn 6" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task A_misspelt_village_gets_suggestions_that_lead_to_it_without_JavaScript()
    {
        var page = await browser.OpenAsync("/kaart", 375, javaScript: false);

        await page.GetByLabel("Zoek een plaats of gemeente").FillAsync("Exlo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoek", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Geen plaats of gemeente gevonden met de naam 'Exlo'.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Exloo", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kaart rond Exloo");
    }

    [Theory]
    [InlineData("/kaart?plaats=Exloo", 375)]
    [InlineData("/kaart?plaats=Exloo", 1280)]
    [InlineData("/kaart?plaats=Exlo", 375)]
    [InlineData("/kaart?plaats=Exlo", 1280)]
    [InlineData("/kaart?plaats=Emmen", 375)]
    [InlineData("/projecten/VB-006", 375)]
    [InlineData("/projecten/VB-006", 1280)]
    [InlineData("/signalen", 375)]
    [InlineData("/signalen", 1280)]
    [InlineData("/signalen?lang=en", 375)]
    public async Task The_changed_pages_pass_axe_without_sideways_scrolling(string path, int width)
    {
        var page = await browser.OpenAsync(path, width);

        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task On_a_phone_the_signals_page_shows_its_own_menu_item_without_scrolling_the_menu_sideways()
    {
        var page = await browser.OpenAsync("/signalen", 375);

        var item = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Signalen" });
        await Assertions.Expect(item).ToBeInViewportAsync(new() { Ratio = 1 });
        var menuScrolls = await page.EvaluateAsync<bool>("() => { const n = document.querySelector('.rm-nav'); return n.scrollWidth > n.clientWidth; }");
        Assert.False(menuScrolls);
    }
}
