using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Data;

namespace ResMonitor.Browser.Tests;

/// <summary>The change log, a project page with versions and the home page on a past day, in Chromium, with axe.</summary>
public sealed class HistoryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Admin = "wijzigingen@drenthe.example";
    private const string Editor = "redacteur@aaenhunze.example";
    private const string Password = "wijzigingslogboek-2026";

    [Fact]
    public async Task A_beheerder_reads_the_change_log_and_narrows_it_by_channel()
    {
        await ChangeAsync();
        await browser.EnsureUserAsync(Admin, Password, "--role", "beheerder", "--name", "Werkbureau");

        foreach (var width in new[] { 1280, 375 })
        {
            var page = await browser.OpenAsync("/inloggen", width);
            await page.GetByLabel("E-mailadres").FillAsync(Admin);
            await page.GetByLabel("Wachtwoord").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Wijzigingen in het register: wie, wanneer, waarom" }).ClickAsync();
            Assert.EndsWith("/beheer/wijzigingen", page.Url);
            await Accessibility.AssertNoViolationsAsync(page);
            await Accessibility.AssertNoSidewaysScrollAsync(page);

            await page.GetByLabel("Kanaal").SelectOptionAsync(new SelectOptionValue { Label = "website" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            Assert.Contains("kanaal=web", page.Url);
            var rows = page.Locator("tr.rm-log__row");
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First).ToContainTextAsync("vermogen (MW)");
            await Assertions.Expect(rows.First).ToContainTextAsync("Nieuwe meting van de netbeheerder");
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_project_page_shows_its_versions_in_public_terms()
    {
        await ChangeAsync();

        foreach (var width in new[] { 1280, 375 })
        {
            var page = await browser.OpenAsync("/projecten/VB-001", width);
            var versions = page.Locator("section[aria-labelledby=versies]");
            await Assertions.Expect(versions).ToContainTextAsync("door redacteur gemeente Aa en Hunze");
            await Assertions.Expect(versions).ToContainTextAsync("vermogen (MW): 19,9 → wordt 21,5");
            await Assertions.Expect(versions).Not.ToContainTextAsync("@");
            await Accessibility.AssertNoViolationsAsync(page);
            await Accessibility.AssertNoSidewaysScrollAsync(page);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_home_page_form_without_JavaScript_shows_a_past_day_with_its_banner()
    {
        foreach (var width in new[] { 1280, 375 })
        {
            var page = await browser.OpenAsync("/", width, javaScript: false);
            await page.GetByLabel("Stand op een eerdere dag").FillAsync("2024-01-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }).ClickAsync();
            Assert.EndsWith("/?peildatum=2024-01-01", page.Url);
            await Assertions.Expect(page.GetByRole(AriaRole.Note).Filter(new() { HasText = "U bekijkt de stand van 1 januari 2024." })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("Stand van de projecten: de nieuwste bron is van \\d{1,2} [a-z]+ \\d{4}\\."))).ToBeVisibleAsync();
            await page.Context.CloseAsync();

            // axe needs script; the same address with it.
            var past = await browser.OpenAsync("/?peildatum=2024-01-01", width);
            await Accessibility.AssertNoViolationsAsync(past);
            await Accessibility.AssertNoSidewaysScrollAsync(past);
            await past.Context.CloseAsync();
        }
    }

    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>A redacteur of Aa en Hunze corrects the capacity of VB-001 through the site's context (channel web).</summary>
    private async Task ChangeAsync()
    {
        await browser.EnsureUserAsync(Editor, Password, "--role", "redacteur", "--organisation", "GM1680", "--name", "Redacteur");
        await Once.WaitAsync();
        try
        {
            await using var db = DatabaseSetting.Parse(browser.Database).CreateContext();
            var project = await db.Projects.SingleAsync(p => p.Id == "VB-001");
            if (project.CapacityMw == 21.5m)
            {
                return;
            }

            db.Actor = new AuditActor(Editor, "web", "Nieuwe meting van de netbeheerder");
            project.CapacityMw = 21.5m;
            await db.SaveChangesAsync();
        }
        finally
        {
            Once.Release();
        }
    }
}
