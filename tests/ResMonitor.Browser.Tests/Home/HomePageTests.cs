using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

public sealed class HomePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_home_page_shows_the_target_and_has_no_WCAG_22_AA_violations(int width)
    {
        var page = await browser.OpenAsync("/", width);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hoe ver is RES regio Drenthe?");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Doel 2030: 3,45 TWh duurzame elektriciteit" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Voortgang naar 3,45 TWh" })).ToBeVisibleAsync();

        await Accessibility.AssertNoViolationsAsync(page);
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

        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task Keyboard_alone_reaches_the_skip_link_first_and_then_every_link()
    {
        var page = await browser.OpenAsync("/");

        await Accessibility.AssertKeyboardReachesEveryLinkAsync(page);
    }
}
