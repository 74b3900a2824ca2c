using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

public sealed class IndicatorPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static TheoryData<string, int> PagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { "/indicatoren", "/indicatoren/opwek", "/indicatoren/participatie", "/indicatoren/vergunningen", "/indicatoren/ruimtelijke-inbedding", "/indicatoren/energie-infrastructuur", "/indicatoren/warmte" })
        {
            data.Add(path, 1280);
            data.Add(path, 375);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task Every_indicator_page_has_no_WCAG_22_AA_violations_and_does_not_scroll_sideways(string path, int width)
    {
        var page = await browser.OpenAsync(path, width);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, $"{path} scrolls sideways at {width} px");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_home_page_trend_is_a_named_chart_with_its_table_and_no_WCAG_22_AA_violations(int width)
    {
        var page = await browser.OpenAsync("/#trend", width);

        var section = page.Locator("section[aria-labelledby=trend]");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Door de jaren heen" })).ToBeVisibleAsync();
        var chart = section.GetByRole(AriaRole.Img, new() { Name = "Opwek per jaar: gerealiseerd en vergund of in procedure aan het eind van elk jaar" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is not null && box.Width <= width, $"the chart is {box?.Width} px wide on a {width} px screen");
        await Assertions.Expect(section.GetByRole(AriaRole.Table)).ToContainTextAsync(ResMonitor.Web.Tests.TestClock.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(section.GetByRole(AriaRole.Link, new() { Name = "Download als CSV" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_overview_reads_without_JavaScript_and_leads_to_each_group()
    {
        var page = await browser.OpenAsync("/indicatoren", javaScript: false);

        await Assertions.Expect(page.Locator(".rm-indicators__item")).ToHaveCountAsync(6);
        await page.GetByRole(AriaRole.Link, new() { Name = "Beschikbaarheid en inzet van regionale warmtebronnen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wie levert de gegevens?" })).ToBeVisibleAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag22AA);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }
}
