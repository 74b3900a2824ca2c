using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The default seed: Drenthe's real, publicly documented parks, each with its source, and no fictitious examples; the
/// examples only as a demonstration (`seed --examples`), and then a banner on every public page; the completeness of
/// the register against the CBS count. On SQLite and PostgreSQL, each test on a database seeded as `./run.sh` does.
/// </summary>
public abstract class RealDataTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private const string Banner = "Dit overzicht bevat verzonnen voorbeeldprojecten";

    /// <summary>A fresh database, migrated and seeded with `resmonitor seed` and nothing else, as ./run.sh makes it.</summary>
    private static async Task<TDatabase> DefaultSeededAsync()
    {
        var database = new TDatabase { Seeded = false };
        await database.InitializeAsync();
        var (code, output, error) = await database.RunAsync("seed");
        Assert.True(code == 0, error);
        Assert.Contains("18 echte projecten toegevoegd", output);
        return database;
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Lets the running host see a write by the command line at once instead of after its next refresh.</summary>
    private static async Task ObserveAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        database.Host.Services.GetRequiredService<RegisterVersion>().Observe(await RegisterVersionStore.ReadAsync(db));
    }

    [Fact]
    public async Task The_default_seed_holds_the_real_parks_with_their_sources_and_no_examples()
    {
        var database = await DefaultSeededAsync();
        try
        {
            await using (var db = database.CreateContext())
            {
                var projects = await db.Projects.AsNoTracking().ToListAsync();
                Assert.Equal(18, projects.Count);
                Assert.DoesNotContain(projects, p => p.IsExample);
                Assert.All(projects, p => Assert.False(string.IsNullOrWhiteSpace(p.Source), $"{p.Id} has no source"));
                Assert.All(projects, p => Assert.DoesNotContain("projects.csv", p.Source, StringComparison.Ordinal));
                var park = projects.Single(p => p.Id == "DR-W-001");
                Assert.Equal("Windpark De Drentse Monden en Oostermoer", park.Name);
                Assert.Equal(175.5m, park.CapacityMw);
                Assert.Contains("rvo.nl", park.Source, StringComparison.Ordinal);
                Assert.Null(park.LocalOwnershipPercent); // no source states it: unknown, not zero
                Assert.Equal(0, await db.Congestions.CountAsync(c => c.IsExample));
            }

            using var client = database.Host.CreateClient();
            var home = await PageAsync(client, "/");
            Assert.DoesNotContain(Banner, home);
            Assert.DoesNotContain("voorbeeldgegevens", home, StringComparison.OrdinalIgnoreCase);
            var project = await PageAsync(client, "/projecten/DR-Z-008");
            Assert.Contains("Zonnepark Hollandscheveld", project);
            Assert.Contains("PowerField", project);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_home_page_says_how_much_of_the_wind_CBS_counted_the_register_holds_with_its_source()
    {
        var database = await DefaultSeededAsync();
        try
        {
            using var client = database.Host.CreateClient();
            var home = await PageAsync(client, "/");

            // Realised by the end of 2022: De Drentse Monden en Oostermoer 175,5 + Weijerswold 12 + Coevorden 20,3
            // = 207,8 MW; Pottendijk (2023) does not count yet.
            Assert.Contains("Het register bevat 208 van de 246 MW wind die CBS telde (eind 2022).", home);
            Assert.Contains("70960ned", home);
            Assert.Contains("nader voorlopig", home);
            Assert.Contains("31 december 2022", home);
            Assert.Contains("3 echte projecten die eind 2022 gerealiseerd waren", home);
            Assert.DoesNotContain("MWp zon", home); // no CBS figure for solar is shipped: no sentence for it
            var openData = await PageAsync(client, "/open-data");
            Assert.Contains("Het register bevat 208 van de 246 MW wind die CBS telde (eind 2022; tabel 70960ned, nader voorlopig).", openData);
            // The sources are counted, not strung together: each stands on its project's page and in the downloads.
            Assert.Contains("in de kolommen bron en peildatum van de downloads (18 verschillende bronnen).", openData);
            Assert.DoesNotContain("PowerField", openData);
            var english = await PageAsync(client, "/?lang=en");
            Assert.Contains("The register holds 208 of the 246 MW of wind that CBS counted (end of 2022).", english);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Seed_examples_adds_them_with_a_banner_on_every_page_and_seed_without_examples_removes_them()
    {
        var database = await DefaultSeededAsync();
        try
        {
            using var client = database.Host.CreateClient();
            Assert.DoesNotContain(Banner, await PageAsync(client, "/kaart"));

            var (code, output, error) = await database.RunAsync("seed", "--examples");
            Assert.True(code == 0, error);
            Assert.Contains("29 voorbeeldprojecten toegevoegd", output);
            Assert.DoesNotContain("echte projecten toegevoegd", output); // the real parks are there already
            await ObserveAsync(database);

            foreach (var path in new[] { "/", "/kaart", "/gemeenten", "/gemeenten/emmen", "/projecten/DR-W-001", "/prognose", "/indicatoren", "/signalen", "/netcongestie", "/open-data" })
            {
                var html = await PageAsync(client, path);
                Assert.True(html.Contains(Banner, StringComparison.Ordinal), $"{path} has no example banner");
                Assert.Contains("(29 projecten, 4 netcongestieregels)", html);
            }

            // The examples never count as real parks in the completeness against CBS.
            Assert.Contains("Het register bevat 208 van de 246 MW wind die CBS telde (eind 2022).", await PageAsync(client, "/"));
            await using (var db = database.CreateContext())
            {
                Assert.Equal(18, await db.Projects.CountAsync(p => !p.IsExample));
                Assert.Equal(29, await db.Projects.CountAsync(p => p.IsExample));
            }

            var removed = await database.RunAsync("seed", "--without-examples");
            Assert.True(removed.Code == 0, removed.Error);
            Assert.Contains("29 voorbeeldprojecten verwijderd", removed.Output);
            await ObserveAsync(database);
            Assert.DoesNotContain(Banner, await PageAsync(client, "/"));
            Assert.DoesNotContain(Banner, await PageAsync(client, "/projecten/DR-W-001"));
            await using var check = database.CreateContext();
            Assert.Equal(18, await check.Projects.CountAsync());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Seeding_again_adds_no_real_project_twice_and_the_two_example_options_do_not_go_together()
    {
        var database = await DefaultSeededAsync();
        try
        {
            var again = await database.RunAsync("seed");
            Assert.True(again.Code == 0, again.Error);
            Assert.DoesNotContain("echte projecten toegevoegd", again.Output);

            var both = await database.RunAsync("seed", "--examples", "--without-examples");
            Assert.Equal(2, both.Code);
            Assert.Contains("--examples en --without-examples gaan niet samen", both.Error);

            await using var db = database.CreateContext();
            Assert.Equal(18, await db.Projects.CountAsync());
            Assert.Equal(1, await db.OfficialFigures.CountAsync());
            Assert.Equal(0, await db.Projects.CountAsync(p => p.IsExample));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_region_without_a_CBS_figure_shows_no_completeness_sentence()
    {
        var database = await DefaultSeededAsync();
        var folder = Directory.CreateTempSubdirectory("region-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "region.json"), """
                {
                  "id": "zonderbron", "name": "RES regio Zonder Bron",
                  "organisations": [ { "kind": "Municipality", "code": "GM0001", "name": "Testdorp" } ],
                  "targets": [ { "technique": null, "year": 2030, "valueMwh": 1000000, "source": "Test-RES", "referenceDate": "2021-07-01" } ],
                  "fullLoadHours": [ { "technique": "Wind", "hours": 3000, "validFrom": "2000-01-01", "source": "test" } ]
                }
                """);
            var seed = await database.RunAsync("seed", "--region-folder", folder);
            Assert.True(seed.Code == 0, seed.Error);

            using var client = database.Host.CreateClient();
            var other = await PageAsync(client, "/zonderbron");
            Assert.Contains("RES regio Zonder Bron", other);
            Assert.DoesNotContain("die CBS telde", other);
            Assert.DoesNotContain("Hoe volledig is het register?", other);
            Assert.DoesNotContain("die CBS telde", await PageAsync(client, "/zonderbron/open-data"));
            Assert.Contains("die CBS telde", await PageAsync(client, "/"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_official_figure_survives_a_backup_and_restore()
    {
        var database = await DefaultSeededAsync();
        var other = new TDatabase { Seeded = false };
        await other.InitializeAsync();
        var path = Path.Combine(Path.GetTempPath(), $"realdata-{Guid.NewGuid():N}.zip");
        try
        {
            Assert.Equal(0, (await database.RunAsync("backup", path)).Code);
            var restore = await other.RunAsync("restore", path);
            Assert.True(restore.Code == 0, restore.Error + restore.Output);
            await using var db = other.CreateContext();
            var figure = await db.OfficialFigures.AsNoTracking().SingleAsync();
            Assert.Equal(246m, figure.CapacityMw);
            Assert.Equal(new DateOnly(2022, 12, 31), figure.PeriodEnd);
            Assert.Equal("nader voorlopig", figure.Status);
        }
        finally
        {
            File.Delete(path);
            await other.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}

public sealed class SqliteRealDataTests : RealDataTests<SqliteDatabase>
{
    /// <summary>The site's first start on an empty SQLite file (./run.sh without the command line) seeds real data only.</summary>
    [Fact]
    public async Task The_first_start_of_the_site_seeds_the_real_parks_and_examples_only_when_configured()
    {
        var plain = new SqliteDatabase { Seeded = false };
        await plain.InitializeAsync();
        var demo = new SqliteDatabase { Seeded = false };
        await demo.InitializeAsync();
        try
        {
            using (var client = plain.Host.CreateClient())
            {
                Assert.DoesNotContain("Dit overzicht bevat verzonnen voorbeeldprojecten", await client.GetStringAsync("/"));
            }

            await using (var db = plain.CreateContext())
            {
                Assert.Equal(18, await db.Projects.CountAsync(p => !p.IsExample));
                Assert.Equal(0, await db.Projects.CountAsync(p => p.IsExample));
            }

            await using var configured = demo.Host.WithWebHostBuilder(b => b.UseSetting("Seed:Examples", "true"));
            using (var client = configured.CreateClient())
            {
                Assert.Contains("Dit overzicht bevat verzonnen voorbeeldprojecten", WebUtility.HtmlDecode(await client.GetStringAsync("/")));
            }

            await using var check = demo.CreateContext();
            Assert.Equal(18, await check.Projects.CountAsync(p => !p.IsExample));
            Assert.Equal(29, await check.Projects.CountAsync(p => p.IsExample));
        }
        finally
        {
            await plain.DisposeAsync();
            await demo.DisposeAsync();
        }
    }
}

public sealed class PostgresRealDataTests : RealDataTests<PostgresDatabase>;
