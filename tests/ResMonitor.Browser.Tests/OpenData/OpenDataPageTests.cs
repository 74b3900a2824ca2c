using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

public sealed class OpenDataPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_open_data_page_lists_the_downloads_and_has_no_WCAG_22_AA_violations(int width)
    {
        var page = await browser.OpenAsync("/open-data", width);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open data");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Projecten (CSV voor Excel)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "API-beschrijving (OpenAPI)" })).ToBeVisibleAsync();
        foreach (var summary in await page.Locator("summary").AllAsync())
        {
            await summary.ClickAsync();
        }

        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task The_open_data_page_in_English_has_no_violations_and_fits_a_phone()
    {
        var page = await browser.OpenAsync("/open-data?lang=en", 375);

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Projects (CSV for Excel)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task Keyboard_alone_reaches_every_link_of_the_open_data_page()
    {
        var page = await browser.OpenAsync("/open-data");

        await Accessibility.AssertKeyboardReachesEveryLinkAsync(page);
    }

    [Fact]
    public async Task A_download_link_gives_the_projects_CSV()
    {
        var page = await browser.OpenAsync("/open-data");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Projecten (CSV)", Exact = true }).ClickAsync());

        Assert.Equal("drenthe-projecten.csv", download.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.StartsWith("project_id,naam,techniek,gemeente,vermogen_mw,", lines[0]);
        Assert.Equal(30, lines.Length);
    }

    [Fact]
    public async Task The_selection_form_works_without_JavaScript()
    {
        var page = await browser.OpenAsync("/open-data", javaScript: false);

        await page.GetByLabel("Techniek").SelectOptionAsync("wind");
        await page.GetByRole(AriaRole.Button, new() { Name = "Links aanpassen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Projecten (CSV)", Exact = true }))
            .ToHaveAttributeAsync("href", "/open-data/drenthe/projecten.csv?techniek=wind");
    }

    [Fact]
    public async Task Kestrel_sends_a_download_in_chunks_without_a_Content_Length()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(browser.BaseUrl + "/open-data/drenthe/projecten.csv", HttpCompletionOption.ResponseHeadersRead);

        Assert.True(response.IsSuccessStatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Null(response.Content.Headers.ContentLength);
    }
}
