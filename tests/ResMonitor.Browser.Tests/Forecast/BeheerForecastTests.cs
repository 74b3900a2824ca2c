using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>
/// A beheerder saves a new version of the forecast assumptions and sees it on /prognose, and records a plan failure;
/// both pages pass axe, also while they show validation errors, and do not scroll sideways at 320 px.
/// </summary>
public sealed class BeheerForecastTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "werkbureau@drenthe.example";
    private const string Password = "aannames-per-fase-2030";

    [Fact]
    public async Task A_beheerder_saves_a_new_version_of_the_assumptions_and_the_public_forecast_uses_it()
    {
        var page = await SignInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Aannames van de prognose" }).ClickAsync();
        Assert.EndsWith("/beheer/prognose", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aannames van de prognose");
        await Accessibility.AssertNoViolationsAsync(page);

        // A chance above 100% and no source: refused, with a summary that links to each field.
        await page.GetByLabel("Naam van de versie").FillAsync("drenthe-evaluatie-2026");
        await page.Locator("#kans-idea").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Er is niets opgeslagen.");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Geef de bron of de reden van deze aannames." })).ToHaveAttributeAsync("href", "#bron");
        await Assertions.Expect(page.Locator("#kans-idea-fout")).ToHaveTextAsync("Fase idee: de kans op realisatie moet tussen 0 en 1 liggen, dus van 0% tot en met 100% (nu 150%).");
        await Assertions.Expect(page.Locator("#kans-idea")).ToHaveAttributeAsync("aria-describedby", "kans-idea-fout");
        await Assertions.Expect(page.Locator("#kans-idea")).ToHaveValueAsync("150");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(320, 900);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.SetViewportSizeAsync(1280, 900);

        await page.Locator("#kans-idea").FillAsync("20");
        await page.GetByLabel("Bron of reden van deze versie (verplicht)").FillAsync("Werkbureau RES Drenthe, evaluatie 2026: ideeën halen minder vaak de bouw.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Versie ‘drenthe-evaluatie-2026’ is opgeslagen");
        await Assertions.Expect(page.Locator("#in-gebruik ~ dl dd").First).ToHaveTextAsync("drenthe-evaluatie-2026");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(320, 900);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();

        var visitor = await browser.OpenAsync("/prognose");
        await Assertions.Expect(visitor.GetByText("Aannames per fase, versie ‘drenthe-evaluatie-2026’", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Row, new() { Name = "idee 20%" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("p", new() { HasText = "Bron van de aannames:" })).ToContainTextAsync("Werkbureau RES Drenthe, evaluatie 2026: ideeën halen minder vaak de bouw.");
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task A_beheerder_records_plan_failure_and_the_page_passes_axe_with_and_without_errors()
    {
        var page = await SignInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Planuitval", Exact = true }).ClickAsync();
        Assert.EndsWith("/beheer/planuitval", page.Url);
        await Accessibility.AssertNoViolationsAsync(page);

        // A delay without the date it is now expected: refused next to the field.
        await page.GetByLabel("Project of zoekgebied").SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await page.GetByLabel("Wat gebeurt er met het plan?").SelectOptionAsync(new SelectOptionValue { Label = "vertraagde realisatie" });
        await page.GetByLabel("Hoofdreden").SelectOptionAsync(new SelectOptionValue { Label = "netcapaciteit" });
        await page.GetByLabel("Toelichting: wat is er gebeurd?").FillAsync("De netbeheerder sluit pas in 2029 aan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planuitval vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verwacht-fout")).ToHaveTextAsync("Bij vertraging hoort de datum waarop realisatie nu wordt verwacht.");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#verwacht");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(320, 900);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByLabel("Bij vertraging: wanneer wordt realisatie nu verwacht?").FillAsync("2029-07-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planuitval vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("vertraagde realisatie per");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("De netbeheerder sluit pas in 2029 aan.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("nu verwacht op 1 juli 2029");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(320, 900);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "beheerder", "--name", "Anne Beheer");
        var page = await browser.OpenAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        Assert.EndsWith("/beheer", page.Url);
        return page;
    }
}
