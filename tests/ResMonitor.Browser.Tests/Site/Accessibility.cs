using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>What every page must pass: axe's WCAG 2.0, 2.1 and 2.2 A and AA rules, and no sideways scrolling.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag22AA);
        Assert.True(result.Violations.Length == 0,
            page.Url + "\n" + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }

    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        var widest = overflow
            ? await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')")
            : "";
        Assert.False(overflow, $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px: {widest}");
    }

    /// <summary>Tabs through the page and checks that keyboard focus reaches every link, the skip link first.</summary>
    public static async Task AssertKeyboardReachesEveryLinkAsync(IPage page)
    {
        var links = await page.Locator("a[href]").CountAsync();
        var reached = new HashSet<string>();
        for (var i = 0; i < links + 10; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement?.tagName.toUpperCase() === 'A' ? document.activeElement.getAttribute('href') + '|' + document.activeElement.textContent.trim() : ''");
            if (i == 0)
            {
                Assert.StartsWith("#inhoud|", focused);
            }

            if (focused.Length > 0)
            {
                reached.Add(focused);
            }
        }

        var all = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].filter(a => a.checkVisibility()).map(a => a.getAttribute('href') + '|' + a.textContent.trim())");
        Assert.All(all, link => Assert.Contains(link, reached));
    }
}
