using System.Net;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The map at register size: 5,000 more projects in the region keep /kaart small (one marker per municipality, a
/// bounded list), and `?gemeente=` zooms in to the municipality's own projects.
/// </summary>
public abstract class MapScaleTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const int Added = 5_000;

    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task FillAsync()
    {
        await Once.WaitAsync();
        try
        {
            await using var db = Database.CreateContext();
            if (await db.Projects.AnyAsync(p => p.Id.StartsWith("MS-")))
            {
                return;
            }

            db.Actor = new AuditActor("testopzet", "cli");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var municipalities = await db.Organisations.Where(o => o.RegionId == "drenthe" && o.Kind == OrganisationKind.Municipality)
                .OrderBy(o => o.Code).ToListAsync();
            var techniques = new[] { Technique.Wind, Technique.SolarOnLand, Technique.SolarOnRoof };
            var random = new Random(7);
            for (var i = 0; i < Added; i++)
            {
                var id = $"MS-{i:00000}";
                var project = new Project
                {
                    Id = id, RegionId = "drenthe", Name = $"Schaalproject {i:00000}", Technique = techniques[i % 3], CapacityMw = 1m + (i % 5),
                    MunicipalityId = municipalities[i % municipalities.Count].Id, Phase = Phase.Realised, PhaseDate = new DateOnly(2023, 6, 1),
                    Latitude = 52.65 + (random.NextDouble() * 0.45), Longitude = 6.2 + (random.NextDouble() * 0.8),
                    Source = "Testbron", SourceDate = new DateOnly(2025, 1, 1),
                };
                project.PhaseHistory.Add(new PhaseChange { ProjectId = id, Phase = Phase.Realised, Date = new DateOnly(2023, 6, 1) });
                db.Projects.Add(project);
            }

            await db.SaveChangesAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task A_register_with_thousands_of_projects_keeps_the_map_page_under_300_KB_with_one_marker_per_municipality()
    {
        await FillAsync();
        await using var db = Database.CreateContext();
        var located = await db.Projects.CountAsync(p => p.RegionId == "drenthe" && p.Latitude != null && p.Phase != Phase.Withdrawn);

        using var response = await Client.GetAsync("/kaart");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var html = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(bytes.Length < 300_000, $"/kaart is {bytes.Length:N0} bytes");
        var map = MapOf(html);
        Assert.Equal(0, CountOf(map, "class=\"rm-map__point "));
        Assert.Equal(12, CountOf(map, "class=\"rm-map__cluster\""));
        // Every located project is counted in a marker: the markers' counts add up to the register's.
        var counts = System.Text.RegularExpressions.Regex.Matches(map, "class=\"rm-map__cluster-count\"[^>]*>([0-9.]+)</text>")
            .Sum(m => int.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(located, counts);
        Assert.Contains($"{located:#,0}".Replace(",", ".", StringComparison.Ordinal) + " projecten samengevoegd tot 12 groepen", html);
        // The list below the map stays bounded too: a table per municipality that links to its own map.
        Assert.Contains("Projecten op de kaart per gemeente", html);
        Assert.Contains("href=\"/kaart?gemeente=emmen\"", html);
        Assert.DoesNotContain("href=\"/projecten/MS-", html);
    }

    [Fact]
    public async Task Zoomed_to_a_municipality_the_map_shows_its_projects_one_by_one_and_the_list_pages()
    {
        await FillAsync();
        await using var db = Database.CreateContext();
        var emmen = await db.Organisations.SingleAsync(o => o.RegionId == "drenthe" && o.Name == "Emmen");
        var ids = await db.Projects.Where(p => p.MunicipalityId == emmen.Id && p.Latitude != null && p.Phase != Phase.Withdrawn)
            .OrderBy(p => p.Name).Select(p => p.Id).ToListAsync();

        var html = await Client.GetStringAsync("/kaart?gemeente=emmen");

        Assert.InRange(ids.Count, 400, 500);
        Assert.True(html.Length < 300_000, $"/kaart?gemeente=emmen is {html.Length:N0} characters");
        Assert.Contains("Kaart van gemeente Emmen", html);
        var map = MapOf(html);
        Assert.Equal(1, CountOf(map, "class=\"rm-map__area "));
        Assert.Equal(ids.Count, CountOf(map, "class=\"rm-map__point "));
        Assert.All(ids, id => Assert.Contains($"href=\"/projecten/{id}\"", map));
        Assert.Equal(0, CountOf(map, "class=\"rm-map__cluster\""));
        Assert.Contains("href=\"/kaart\"", html);
    }

    [Fact]
    public async Task An_unknown_municipality_or_a_malformed_page_on_the_map_gets_a_Dutch_answer()
    {
        using var unknown = await Client.GetAsync("/kaart?gemeente=atlantis");
        using var page = await Client.GetAsync("/kaart?pagina=nul");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("De parameter &#x27;pagina&#x27;", await page.Content.ReadAsStringAsync());
    }

    private static string MapOf(string html)
    {
        var start = html.IndexOf("<svg class=\"rm-map\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no map");
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }
}

public sealed class SqliteMapScaleTests(SqliteDatabase database) : MapScaleTests<SqliteDatabase>(database);

public sealed class PostgresMapScaleTests(PostgresDatabase database) : MapScaleTests<PostgresDatabase>(database);
