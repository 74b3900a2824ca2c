using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>The national page of an instance seeded with all 30 regions: readable at phone and desktop width, and a way into each region.</summary>
public sealed class NationalPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new ResMonitor.Cli.CliApp(output, error, browser.Clock) { Input = new StringReader(""), Variables = _ => null };
        var code = await cli.RunAsync(["--database", browser.Database, "seed", "--national"]);
        Assert.True(code == 0, error.ToString());

        // The site sees the new register version within about a second.
        using var client = new HttpClient();
        for (var i = 0; i < 50; i++)
        {
            if ((await client.GetAsync(browser.BaseUrl + "/landelijk")).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("/landelijk did not appear after the national seed");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_national_page_passes_axe_with_its_map_table_and_comparison(int width)
    {
        var page = await browser.OpenAsync("/landelijk", width);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Landelijk: alle RES-regio's");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Kaart van de RES-regio's" })).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "RES-regio's: bod 2030 en opwek per jaar in TWh" });
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(30);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task A_visitor_goes_from_the_national_page_to_a_region_and_finds_its_municipality()
    {
        var page = await browser.OpenAsync("/landelijk", 375);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Landelijk" }).WaitForAsync();

        var table = page.GetByRole(AriaRole.Table, new() { Name = "RES-regio's: bod 2030 en opwek per jaar in TWh" });
        await table.GetByRole(AriaRole.Link, new() { Name = "Groningen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hoe ver is Groningen?");
        Assert.EndsWith("/groningen", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ten opzichte van het landelijk gemiddelde" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Gemeenten" }).ClickAsync();
        Assert.EndsWith("/groningen/gemeenten", page.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Het Hogeland", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gemeente Het Hogeland");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
