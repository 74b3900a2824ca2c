using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

public sealed class OpenDataPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

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

        var result = await page.RunAxe(Wcag22AA);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
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
