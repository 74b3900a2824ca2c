using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The upload page with a civil servant's spreadsheet: the template download, the column-matching step (remembered
/// for the organisation), a header error counted as such, and a possible duplicate decided by two people at once (one
/// decision wins, the other is told). SQLite and PostgreSQL.
/// </summary>
public abstract partial class SpreadsheetImportPageTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string Header = "Naam project;Techniek;Gemeente;Vermogen (MW);Status;Datum status";

    private static async Task<HttpResponseMessage> CheckAsync(HttpClient client, string content, string name)
    {
        var token = BeheerSession.TokenIn(await client.GetStringAsync("/beheer/import"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "bestand", name },
        };
        return await client.PostAsync("/beheer/import?handler=Controleren", form);
    }

    private static string Html(string page) => WebUtility.HtmlDecode(page);

    private static string UploadToken(string page) => UploadTokenPattern().Match(page).Groups[1].Value;

    private async Task<string> NewProjectAsync(string name, string municipality, string capacity)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bestaand-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, $"{Header};bron\n{name};Zon;{municipality};{capacity};Vergund;1-3-2024;Gemeente {municipality}\n");
        var (code, _, error) = await Database.RunAsync("import", "projects", path);
        File.Delete(path);
        Assert.True(code == 0, error);
        await using var db = Database.CreateContext();
        return (await db.Projects.SingleAsync(p => p.Name == name)).Id;
    }

    [Fact]
    public async Task The_template_offers_the_regions_municipalities_in_a_drop_down()
    {
        await BeheerSession.SignInAsync(Client, Database, "beheerder");

        var response = await Client.GetAsync("/beheer/import?handler=Sjabloon");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var lists = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "lijsten").Id!);
        var municipalities = lists.Worksheet.Descendants<Cell>().Where(c => c.CellReference!.Value!.StartsWith('C') && c.CellReference.Value != "C1")
            .Select(c => c.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal(12, municipalities.Count);
        Assert.Contains("Borger-Odoorn", municipalities);
        var projects = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var header = projects.Worksheet.Descendants<Row>().First().Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["Naam project", "Techniek", "Gemeente", "Vermogen (MW)", "Status", "Datum status"], header.Take(6));
        var explanation = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "Uitleg").Id!);
        Assert.Contains(explanation.Worksheet.Descendants<Cell>(), c => c.InnerText.StartsWith("Het opgestelde vermogen in megawatt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_column_is_matched_on_the_page_and_the_match_is_remembered_for_next_time()
    {
        await BeheerSession.SignInAsync(Client, Database, "beheerder");
        var u = Guid.NewGuid().ToString("N")[..6];
        var file = $"{Header};Ontwikkelaar BV {u}\nZonnepark Koppeling {u};Zon;De Wolden;3,3;Vergund;1-3-2024;Zon BV\n";

        var check = await CheckAsync(Client, file, "opgave.csv");

        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        var page = Html(await check.Content.ReadAsStringAsync());
        Assert.Contains("Fouten in de kopregel: er is niets ingelezen", page);
        Assert.DoesNotContain("van 0 regels", page);
        Assert.Contains("Kolommen koppelen", page);
        Assert.Contains($"Kolom 7: 'Ontwikkelaar BV {u}'", page);
        Assert.DoesNotContain("handler=Importeren", page);

        var matched = await Client.PostAsync("/beheer/import?handler=Koppelen", BeheerSession.Form(BeheerSession.TokenIn(page), new()
        {
            ["token"] = UploadToken(page), ["overschrijven"] = "false", ["kop"] = $"Ontwikkelaar BV {u}", ["veld"] = "eigenaren",
        }));

        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
        var dry = Html(await matched.Content.ReadAsStringAsync());
        Assert.Contains($"'Ontwikkelaar BV {u}' is Eigenaren (eigenaren)", dry);
        Assert.Contains("Importeren: 1 nieuw, 0 gewijzigd", dry);

        // Next time the same header is read through the remembered match, without the step.
        var next = await CheckAsync(Client, file.Replace("Koppeling", "Koppeling twee"), "opgave-2.csv");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var nextPage = Html(await next.Content.ReadAsStringAsync());
        Assert.Contains($"Gekoppelde kolommen (onthouden voor uw organisatie): 'Ontwikkelaar BV {u}' is Eigenaren (eigenaren)", nextPage);
        Assert.DoesNotContain("Kolommen koppelen", nextPage);
    }

    [Fact]
    public async Task A_duplicate_decided_by_two_people_at_once_keeps_one_decision_and_tells_the_other()
    {
        var u = Guid.NewGuid().ToString("N")[..6];
        var existing = await NewProjectAsync($"Zonnepark Tweestrijd {u}", "Westerveld", "7,7");
        var file = $"{Header}\nZonneveld Tweestrijd {u};Zon;Westerveld;7,7;Vergund;1-3-2024\n";
        using var other = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BeheerSession.SignInAsync(Client, Database, "beheerder", name: "Eerste");
        await BeheerSession.SignInAsync(other, Database, "beheerder", name: "Tweede");
        var first = Html(await (await CheckAsync(Client, file, "eerste.csv")).Content.ReadAsStringAsync());
        var second = Html(await (await CheckAsync(other, file, "tweede.csv")).Content.ReadAsStringAsync());
        var key = $"drenthe-gm1701-zonneveld-tweestrijd-{u}";
        Assert.Contains($"name=\"besluit[{key}]\" value=\"nieuw\"", first);
        Assert.Contains($"name=\"besluit[{key}]\" value=\"zelfde:{existing}\"", second);
        Assert.Contains($"Lijkt op Zonnepark Tweestrijd {u} ({existing}) in het register", first);

        var responses = await Task.WhenAll(
            Client.PostAsync("/beheer/import?handler=Importeren", BeheerSession.Form(BeheerSession.TokenIn(first), new()
            {
                ["token"] = UploadToken(first), ["overschrijven"] = "false", [$"besluit[{key}]"] = "nieuw",
            })),
            other.PostAsync("/beheer/import?handler=Importeren", BeheerSession.Form(BeheerSession.TokenIn(second), new()
            {
                ["token"] = UploadToken(second), ["overschrijven"] = "false", [$"besluit[{key}]"] = $"zelfde:{existing}",
            })));

        var pages = await Task.WhenAll(responses.Select(async r => Html(await r.Content.ReadAsStringAsync())));
        await using var db = Database.CreateContext();
        var decision = await db.ImportDecisions.SingleAsync(d => d.RowKey == key);
        var newWon = decision.SameAs is null;
        var (winner, loser) = newWon ? (pages[0], pages[1]) : (pages[1], pages[0]);
        Assert.DoesNotContain("Iemand anders was u voor", winner);
        Assert.Contains("Iemand anders was u voor", loser);
        Assert.Contains(newWon ? "dit is een nieuw project. Dat besluit geldt; uw keuze is niet opgeslagen." : $"dit is hetzelfde project als {existing}. Dat besluit geldt; uw keuze is niet opgeslagen.", loser);
        // The register follows the one decision: a second project, or the first one renamed; never both.
        Assert.Equal(newWon, await db.Projects.AnyAsync(p => p.Id == key));
        Assert.Equal(newWon ? $"Zonnepark Tweestrijd {u}" : $"Zonneveld Tweestrijd {u}", (await db.Projects.SingleAsync(p => p.Id == existing)).Name);
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex UploadTokenPattern();
}

public sealed class SqliteSpreadsheetImportPageTests(SqliteDatabase database) : SpreadsheetImportPageTests<SqliteDatabase>(database);

public sealed class PostgresSpreadsheetImportPageTests(PostgresDatabase database) : SpreadsheetImportPageTests<PostgresDatabase>(database);
