using System.Text;
using Microsoft.Playwright;

namespace ResMonitor.Browser.Tests;

/// <summary>A beheerder uploads a small project file, reads the dry-run report, confirms, and sees what was imported.</summary>
public sealed class ImportPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "inlezer@drenthe.example";
    private const string Password = "projecten-uit-een-bestand";

    [Fact]
    public async Task A_beheerder_uploads_a_file_sees_the_report_confirms_and_both_pages_pass_axe()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "beheerder", "--name", "Ineke Bakker");
        var id = "BR" + Guid.NewGuid().ToString("N")[..8];
        var csv = "project_id,naam,techniek,gemeente,vermogen_mw,datum_in_procedure,datum_vergund\n" +
                  $"{id},Zonnepark Dwingeloo,zon op land,GM1690,8.5,2022-05-01,2023-02-01\n" +
                  "VB-001,Voorbeeld: Zonnepark Aa en Hunze 1,zon op land,GM1680,21,2019-08-01,\n";

        var page = await browser.OpenAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Projecten inlezen (CSV of Excel)" }).ClickAsync();
        Assert.EndsWith("/beheer/import", page.Url);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Projectbestand (CSV of .xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "opgave-westerveld.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Proefdraai: wat opgave-westerveld.csv zou doen" })).ToBeVisibleAsync();
        var changes = page.GetByRole(AriaRole.Region, new() { Name = "Gewijzigde projecten: oud → nieuw" });
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "vermogen_mw" })).ToContainTextAsync("19.9");
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "vermogen_mw" })).ToContainTextAsync("21");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Nieuwe projecten" })).ToContainTextAsync(id);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren: 1 nieuw, 1 gewijzigd" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("opgave-westerveld.csv is ingelezen: 1 nieuwe en 1 gewijzigde projecten");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wat er is ingelezen uit opgave-westerveld.csv" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        var visitor = await browser.OpenAsync($"/projecten/{id}");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Zonnepark Dwingeloo");
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task A_civil_servants_spreadsheet_is_matched_its_duplicate_decided_and_its_parks_shown_in_public()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "beheerder", "--name", "Ineke Bakker");
        var u = Guid.NewGuid().ToString("N")[..6];
        // As the werkbureau's Friday sheet comes: semicolons, decimal commas, Dutch headers, municipality names, a status
        // with its date, no ids, one column of its own, and one park that resembles an example project (Tynaarlo, 9,8 MW).
        var sheet = "Naam project;Techniek;Gemeente;Vermogen (MW);Status;Datum status;Initiatiefnemer (bedrijf)\n" +
                    $"Zonnepark Eursinge {u};Zon;Midden-Drenthe;6,4;In procedure;12-3-2025;Eursinger Energie\n" +
                    $"Windpark Zuidoost {u};Wind;Borger-Odoorn;22,5;Vergund;1-7-2024;Wind BV\n" +
                    $"Zonnepark Tynaarlo Oost {u};Zon;Tynaarlo;9,8;In bedrijf;1-5-2023;Tynaarlo Zon\n";

        var page = await browser.OpenAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GotoAsync(browser.BaseUrl + "/beheer/import");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "sjabloon downloaden (Excel, .xlsx)" })).ToBeVisibleAsync();
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(page);
            await Accessibility.AssertNoSidewaysScrollAsync(page);
        }

        await page.GetByLabel("Projectbestand (CSV of .xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "vrijdaglijst.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(sheet),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kolommen koppelen" })).ToBeVisibleAsync();
        await page.GetByLabel("Kolom 7: 'Initiatiefnemer (bedrijf)'").SelectOptionAsync("eigenaren");
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Koppelen en opnieuw controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mogelijk dubbel: is dit een nieuw project?" })).ToBeVisibleAsync();
        var question = page.GetByRole(AriaRole.Group, new() { Name = $"Regel 4: Zonnepark Tynaarlo Oost {u} (Tynaarlo)" });
        await Assertions.Expect(question).ToContainTextAsync("Lijkt op Voorbeeld: Zonnepark Tynaarlo 26");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Nieuwe projecten" })).ToContainTextAsync($"drenthe-gm1731-zonnepark-eursinge-{u}");
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(page);
            await Accessibility.AssertNoSidewaysScrollAsync(page);
        }

        await question.GetByLabel("Dit is een nieuw project").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Importeren: 2 nieuw, 0 gewijzigd") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("vrijdaglijst.csv is ingelezen: 3 nieuwe en 0 gewijzigde projecten");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        foreach (var (id, name) in new[]
                 {
                     ($"drenthe-gm1731-zonnepark-eursinge-{u}", $"Zonnepark Eursinge {u}"),
                     ($"drenthe-gm1681-windpark-zuidoost-{u}", $"Windpark Zuidoost {u}"),
                     ($"drenthe-gm1730-zonnepark-tynaarlo-oost-{u}", $"Zonnepark Tynaarlo Oost {u}"),
                 })
        {
            var visitor = await browser.OpenAsync($"/projecten/{id}");
            await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
            await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Import door het werkbureau op 1 december 2026");
            await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync("vrijdaglijst.csv");
            await visitor.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_upload_and_the_confirmation_work_without_JavaScript()
    {
        await browser.EnsureUserAsync(Email, Password, "--role", "beheerder", "--name", "Ineke Bakker");
        var id = "BR" + Guid.NewGuid().ToString("N")[..8];
        var page = await browser.OpenAsync("/inloggen", javaScript: false);
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GotoAsync(browser.BaseUrl + "/beheer/import");

        await page.GetByLabel("Projectbestand (CSV of .xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "zonder-script.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"project_id,naam,techniek,gemeente,vermogen_mw,datum_idee\n{id},Zon op dak Beilen,zon op dak,GM1731,0.8,2024-04-01\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren: 1 nieuw, 0 gewijzigd" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("zonder-script.csv is ingelezen: 1 nieuwe en 0 gewijzigde projecten");
        await page.Context.CloseAsync();
    }
}
