using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

public sealed class HomePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_home_page_shows_the_target_and_has_no_WCAG_22_AA_violations(int width)
    {
        var page = await browser.OpenAsync("/", width);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hoe ver is RES regio Drenthe?");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Doel 2030: 3,45 TWh duurzame elektriciteit" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Voortgang naar 3,45 TWh" })).ToBeVisibleAsync();

        var result = await page.RunAxe(Wcag22AA);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }

    [Fact]
    public async Task The_page_reads_without_JavaScript()
    {
        var page = await browser.OpenAsync("/", javaScript: false);

        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("wind");
        await Assertions.Expect(page.GetByText("Bron doel: RES 1.0 regio Drenthe")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_page_does_not_scroll_sideways_on_a_phone()
    {
        var page = await browser.OpenAsync("/", 320);

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
    }

    [Fact]
    public async Task Keyboard_alone_reaches_the_skip_link_first_and_then_every_link()
    {
        var page = await browser.OpenAsync("/");
        var links = await page.Locator("a[href]").CountAsync();

        var reached = new HashSet<string>();
        for (var i = 0; i < links + 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement?.tagName === 'A' ? document.activeElement.getAttribute('href') + '|' + document.activeElement.textContent.trim() : ''");
            if (i == 0)
            {
                Assert.StartsWith("#inhoud|Direct naar de inhoud", focused);
            }

            if (focused.Length > 0)
            {
                reached.Add(focused);
            }
        }

        var all = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href') + '|' + a.textContent.trim())");
        Assert.All(all, link => Assert.Contains(link, reached));
    }
}
