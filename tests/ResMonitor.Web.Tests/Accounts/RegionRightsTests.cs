using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Governance;
using static ResMonitor.Web.Tests.BeheerSession;

namespace ResMonitor.Web.Tests.Accounts;

/// <summary>
/// Two regions in one instance (Drenthe and the test region Proefland): a region's werkbureau keeps its own region and
/// nothing else, through the pages, the API, the import and the change log; a national beheerder chooses the region
/// to work in; `user add` checks the region.
/// </summary>
public abstract partial class RegionRightsTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string Other = "proefregio";

    /// <summary>A project of the other region, from Register/TestRegion/projects.csv.</summary>
    private const string OtherProject = "PR-001";

    private const string OtherProjectName = "Proefpark Zonneweide";

    private Task SeedAsync() => SeedOnce.TestRegionAsync(Database, Factory);

    /// <summary>A client signed in as a new user of the role in the region (null: national).</summary>
    private async Task<HttpClient> SignedInAsync(string role, string? region)
    {
        var email = await AddUserAsync(Database, role, region: region, national: region is null);
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, email);
        return client;
    }

    private async Task<string> ProjectNameAsync(string id)
    {
        await using var db = Database.CreateContext();
        return await db.Projects.Where(p => p.Id == id).Select(p => p.Name).SingleAsync();
    }

    [Fact]
    public async Task A_regions_beheerder_cannot_open_or_change_a_project_of_another_region_on_the_pages()
    {
        await SeedAsync();
        var drenthe = await SignedInAsync("beheerder", "drenthe");

        var open = await drenthe.GetAsync($"/beheer/projecten/{OtherProject}");
        var token = TokenIn(await drenthe.GetStringAsync("/beheer"));
        var save = await drenthe.PostAsync($"/beheer/projecten/{OtherProject}", Form(token, new() { ["name"] = "Overgenomen", ["municipality"] = "GM9901" }));
        var list = await drenthe.GetStringAsync("/beheer/projecten");

        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(OtherProjectName, await ProjectNameAsync(OtherProject));
        Assert.DoesNotContain(OtherProjectName, list);

        // The other region's own werkbureau does see and open it.
        var proefland = await SignedInAsync("beheerder", Other);
        Assert.Contains(OtherProjectName, await proefland.GetStringAsync("/beheer/projecten"));
        Assert.Equal(HttpStatusCode.OK, (await proefland.GetAsync($"/beheer/projecten/{OtherProject}")).StatusCode);
    }

    [Fact]
    public async Task The_API_refuses_reading_and_writing_a_project_of_another_region()
    {
        await SeedAsync();
        var drenthe = await SignedInAsync("beheerder", "drenthe");
        var token = await EditingSupport.ApiTokenAsync(drenthe);

        var read = await drenthe.GetAsync($"/api/v1/projects/{OtherProject}");
        var write = await drenthe.SendAsync(EditingSupport.Put(OtherProject, new
        {
            version = 1,
            name = "Overgenomen via API",
            technique = "zon_op_land",
            municipality = "GM9901",
            capacityMw = 12.5m,
            source = "Testbron",
            sourceDate = "2025-01-01",
        }, token));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(OtherProjectName, await ProjectNameAsync(OtherProject));
    }

    [Fact]
    public async Task Reference_records_of_another_region_are_refused()
    {
        await SeedAsync();
        await using var db = Database.CreateContext();
        var municipality = await db.Organisations.Where(o => o.RegionId == Other && o.Code == "GM9901").Select(o => o.Id).SingleAsync();
        var target = await db.Targets.Where(t => t.RegionId == Other).Select(t => t.Id).FirstAsync();
        var drenthe = await SignedInAsync("beheerder", "drenthe");

        Assert.Equal(HttpStatusCode.Forbidden, (await drenthe.GetAsync($"/beheer/referentiegegevens/organisaties/{municipality}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drenthe.GetAsync($"/beheer/referentiegegevens/doelen/{target}")).StatusCode);
        var overview = await drenthe.GetStringAsync("/beheer/referentiegegevens");
        Assert.Contains("Aa en Hunze", overview);
        Assert.DoesNotContain("Proefdorp", overview);
    }

    [Fact]
    public async Task An_impasse_of_another_region_is_neither_listed_nor_opened_by_its_beheerder_or_lezer()
    {
        await SeedAsync();
        var national = await SignedInAsync("beheerder", null);
        await ChooseAsync(national, Other);
        var title = "Impasse in Proefland " + Guid.NewGuid().ToString("N")[..6];
        var newForm = TokenIn(await national.GetStringAsync("/beheer/impasses/nieuw"));
        var opened = await national.PostAsync("/beheer/impasses/nieuw", Form(newForm, new()
        {
            ["Titel"] = title, ["Onderwerp"] = "GridCongestion", ["Datum"] = "2026-01-15", ["Aanleiding"] = "NoConsensus",
        }));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var id = opened.Headers.Location!.ToString().Split('/')[^1];
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(Other, await db.Impasses.Where(i => i.Title == title).Select(i => i.RegionId).SingleAsync());
        }

        foreach (var role in new[] { "beheerder", "lezer" })
        {
            var drenthe = await SignedInAsync(role, "drenthe");
            Assert.Equal(HttpStatusCode.Forbidden, (await drenthe.GetAsync($"/beheer/impasses/{id}")).StatusCode);
            Assert.DoesNotContain(title, await drenthe.GetStringAsync("/beheer/impasses"));
        }

        var proefland = await SignedInAsync("lezer", Other);
        Assert.Contains(title, await proefland.GetStringAsync($"/beheer/impasses/{id}"));
    }

    [Fact]
    public async Task The_change_log_of_a_regions_beheerder_holds_its_own_region_only()
    {
        await SeedAsync();
        var drenthe = await SignedInAsync("beheerder", "drenthe");
        var national = await SignedInAsync("beheerder", null);

        var own = await drenthe.GetStringAsync($"/beheer/wijzigingen/csv?project={OtherProject}");
        var all = await national.GetStringAsync($"/beheer/wijzigingen/csv?project={OtherProject}");

        Assert.DoesNotContain(OtherProject, own);
        Assert.Contains(OtherProject, all);
        await using var db = Database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.TableName == "projects" && e.RowKey == OtherProject).ToListAsync();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(Other, e.RegionId));
    }

    [Fact]
    public async Task An_import_by_one_regions_werkbureau_refuses_a_row_in_another_regions_municipality_and_stores_nothing()
    {
        await SeedAsync();
        var drenthe = await SignedInAsync("beheerder", "drenthe");
        var file = Encoding.UTF8.GetBytes(
            "project_id,naam,techniek,gemeente,vermogen_mw,datum_in_procedure,datum_vergund\n" +
            "RR-1,Zonneveld Assen,zon op land,GM0106,10,2024-01-01,\n" +
            "RR-2,Zonneveld over de grens,zon op land,GM9901,10,2024-01-01,\n");
        var token = TokenIn(await drenthe.GetStringAsync("/beheer/import"));
        var response = await drenthe.PostAsync("/beheer/import?handler=Controleren", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "bestand", "grens.csv" },
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("er is niets ingelezen", page);
        Assert.Matches(@"<td class=""utrecht-table__cell"">3</td>\s*<td class=""utrecht-table__cell"">gemeente</td>\s*<td class=""utrecht-table__cell"">[^<]*GM9901", page);
        Assert.Contains("Gemeente Proefdorp (GM9901) hoort bij RES regio Proefland, niet bij deze regio: u kunt alleen projecten van uw eigen regio inlezen.", page);
        Assert.DoesNotContain("handler=Importeren", page);
        await using var db = Database.CreateContext();
        Assert.False(await db.Projects.AnyAsync(p => p.Id == "RR-1" || p.Id == "RR-2"));
    }

    [Fact]
    public async Task A_national_beheerder_chooses_the_region_to_work_in_and_a_regions_beheerder_cannot()
    {
        await SeedAsync();
        var national = await SignedInAsync("beheerder", null);
        var dashboard = await national.GetStringAsync("/beheer");
        Assert.Contains("landelijk: u werkt nu in RES regio Drenthe", dashboard);
        Assert.Contains($"<option value=\"{Other}\"", dashboard);

        await ChooseAsync(national, Other);

        Assert.Contains("landelijk: u werkt nu in RES regio Proefland", await national.GetStringAsync("/beheer"));
        var list = await national.GetStringAsync("/beheer/projecten");
        Assert.Contains(OtherProjectName, list);

        var drenthe = await SignedInAsync("beheerder", "drenthe");
        var own = await drenthe.GetStringAsync("/beheer");
        Assert.DoesNotContain("<select", own);
        Assert.Contains("RES regio Drenthe", own);
        var token = TokenIn(own);
        var refused = await drenthe.PostAsync("/beheer?handler=Regio", Form(token, new() { ["regio"] = Other }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(OtherProjectName, await drenthe.GetStringAsync("/beheer/projecten"));
    }

    [Fact]
    public async Task User_add_names_the_regions_when_the_region_does_not_exist_and_refuses_a_national_redacteur()
    {
        await SeedAsync();

        var unknown = await UserAddAsync("nergens@example.nl", "--role", "beheerder", "--region", "nergens");
        var both = await UserAddAsync("beide@example.nl", "--role", "beheerder", "--region", "drenthe", "--national");
        var redacteur = await UserAddAsync("red@example.nl", "--role", "redacteur", "--organisation", "GM0106", "--national");

        Assert.NotEqual(0, unknown.Code);
        Assert.Contains("De regio 'nergens' staat niet in het register. Kies een van: drenthe, proefregio.", unknown.Error);
        Assert.NotEqual(0, both.Code);
        Assert.Contains("Kies --region REGIO of --national, niet allebei.", both.Error);
        Assert.NotEqual(0, redacteur.Code);
        Assert.Contains("Een redacteur werkt voor een organisatie in één regio en kan niet landelijk zijn.", redacteur.Error);
        await using var db = Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "nergens@example.nl" || u.Email == "beide@example.nl" || u.Email == "red@example.nl"));

        var regional = await AddUserAsync(Database, "beheerder", region: Other);
        var everywhere = await AddUserAsync(Database, "lezer", national: true);
        var list = (await Database.RunAsync("user", "list")).Output;
        Assert.Matches($@"{Regex.Escape(regional)}\s+beheerder\s+{Other}", list);
        Assert.Matches($@"{Regex.Escape(everywhere)}\s+lezer\s+landelijk", list);
    }

    /// <summary>`resmonitor user add` with a password on standard input.</summary>
    private async Task<(int Code, string Error)> UserAddAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new ResMonitor.Cli.CliApp(output, error, Database.Clock) { Input = new StringReader("regio-wachtwoord-2030\n"), Variables = _ => null };
        var code = await cli.RunAsync(["--database", Database.Setting, "user", "add", .. args]);
        return (code, error.ToString());
    }

    private static async Task ChooseAsync(HttpClient client, string region)
    {
        var token = TokenIn(await client.GetStringAsync("/beheer"));
        var chosen = await client.PostAsync("/beheer?handler=Regio", Form(token, new() { ["regio"] = region }));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
    }
}

public sealed class SqliteRegionRightsTests(SqliteDatabase database) : RegionRightsTests<SqliteDatabase>(database);

public sealed class PostgresRegionRightsTests(PostgresDatabase database) : RegionRightsTests<PostgresDatabase>(database);
