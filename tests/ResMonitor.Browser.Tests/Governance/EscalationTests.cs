using System.Globalization;
using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>A beheerder opens an impasse, moves it from step 1 to step 3 with a reason, publishes it, and the public page shows it.</summary>
public sealed class EscalationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "beheerder@drenthe.example";
    private const string Password = "opschaalprocedure-stap-drie";

    [Fact]
    public async Task A_beheerder_moves_an_impasse_through_two_steps_with_a_skip_and_the_public_page_shows_the_published_part()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "beheerder", "--name", "Jan Hofstra");
        var today = ResMonitor.Web.Tests.TestClock.Today;
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await browser.OpenAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Impasses en opschaling" }).ClickAsync();
        Assert.EndsWith("/beheer/impasses", page.Url);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe impasse vastleggen" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Titel").FillAsync("Verdeling netcapaciteit Zuidoost-Drenthe");
        await page.GetByLabel("Onderwerp", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "verdeling van beschikbare netcapaciteit (netcongestie)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Impasse openen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verdeling netcapaciteit Zuidoost-Drenthe");
        await Accessibility.AssertNoViolationsAsync(page);

        // Step 1: the province takes the lead.
        await page.GetByLabel("Eigenaar").FillAsync("Provincie Drenthe");
        await page.GetByLabel("Mandaat").FillAsync("Een bestuurlijke oplossing zoeken met de gemeenten in Zuidoost-Drenthe");
        await page.GetByLabel("Start", new() { Exact = true }).FillAsync(Iso(today));
        await page.GetByLabel("Deadline").FillAsync(Iso(today.AddDays(60)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Stap starten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stap 1 is gestart.");

        // Straight to step 3 without a reason: refused next to the field, nothing stored.
        await page.GetByLabel("Stap", new() { Exact = true }).SelectOptionAsync("3");
        await page.GetByLabel("Aanleiding voor de volgende stap").SelectOptionAsync(new SelectOptionValue { Label = "onvoldoende politiek-bestuurlijk draagvlak" });
        await page.GetByLabel("Eigenaar").FillAsync("Onafhankelijk mediator");
        await page.GetByLabel("Mandaat").FillAsync("Partijen horen en aanbevelingen doen");
        await page.GetByLabel("Start", new() { Exact = true }).FillAsync(Iso(today));
        await page.GetByLabel("Deadline").FillAsync(Iso(today.AddDays(90)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Stap starten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reden-fout")).ToContainTextAsync("Stap 2 overslaan kan alleen met een reden");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Reden").FillAsync("Onderzoek voegt niets toe: de feiten zijn bekend, het draagvlak ontbreekt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stap starten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stap 3 is gestart.");
        await Assertions.Expect(page.GetByText("Stand").Locator("xpath=following-sibling::dd[1]")).ToContainTextAsync("Stap 3: mediation door een onafhankelijke partij");

        await page.GetByLabel("Openbare samenvatting").FillAsync("Een mediator helpt de gemeenten en de provincie bij de verdeling van netcapaciteit.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De samenvatting staat op de openbare pagina.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        var visitor = await browser.OpenAsync("/signalen");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "openbare impasses en hun stappen" }).ClickAsync();
        Assert.EndsWith("/opschaling", visitor.Url);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Verdeling netcapaciteit Zuidoost-Drenthe" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Een mediator helpt de gemeenten en de provincie")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Stap 1: provincie neemt het voortouw")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Stap 3: mediation door een onafhankelijke partij").First).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Reden: Onderzoek voegt niets toe", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Mandaat:")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(visitor);
        await Accessibility.AssertNoSidewaysScrollAsync(visitor);
        await visitor.Context.CloseAsync();
    }
}
