using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Tests;

/// <summary>The public pages over HTTP: municipalities, map, projects, language and bad addresses, on both databases.</summary>
public abstract class PublicSiteTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_project_page_gives_the_competent_authority_rule_in_the_language_of_the_page()
    {
        var dutch = WebUtility.HtmlDecode(await Client.GetStringAsync("/projecten/VB-002"));
        var english = WebUtility.HtmlDecode(await Client.GetStringAsync("/projecten/VB-002?lang=en"));

        Assert.Contains("Regel: Gemeente: onder de grenzen voor provincie en Rijk.", dutch);
        Assert.Contains("Rule: Municipality: below the thresholds for province and state.", english);
        Assert.DoesNotContain("onder de grenzen", english);
    }

    [Fact]
    public async Task The_municipality_list_links_every_municipality_of_the_register()
    {
        await using var db = Database.CreateContext();
        var names = await db.Organisations.Where(o => o.RegionId == "drenthe" && o.Kind == OrganisationKind.Municipality).Select(o => o.Name).ToListAsync();

        var html = await Client.GetStringAsync("/gemeenten");

        Assert.Equal(12, names.Count);
        Assert.All(names, name => Assert.Contains($">{name}</a>", html));
        Assert.Contains("href=\"/gemeenten/aa-en-hunze\"", html);
        Assert.Contains("href=\"/gemeenten/midden-drenthe\"", html);
    }

    [Fact]
    public async Task Every_municipality_page_shows_its_projects_and_population_with_source()
    {
        await using var db = Database.CreateContext();
        var municipalities = await db.Organisations.Where(o => o.RegionId == "drenthe" && o.Kind == OrganisationKind.Municipality).ToListAsync();

        foreach (var municipality in municipalities)
        {
            var slug = Core.Slug.From(municipality.Name);
            var html = await Client.GetStringAsync($"/gemeenten/{slug}");
            var projects = await db.Projects.Where(p => p.MunicipalityId == municipality.Id).Select(p => p.Id).ToListAsync();

            Assert.Contains($"Gemeente {municipality.Name}", html);
            Assert.Contains(municipality.Code, html);
            Assert.Contains(municipality.PopulationSource!, html);
            Assert.All(projects, id => Assert.Contains($"href=\"/projecten/{id}\"", html));
        }
    }

    [Fact]
    public async Task The_map_shows_municipalities_projects_and_search_areas_and_lists_them_too()
    {
        await using var db = Database.CreateContext();
        var areas = await db.SearchAreas.Where(a => a.RegionId == "drenthe").Select(a => a.Name).ToListAsync();
        var located = await db.Projects.CountAsync(p => p.RegionId == "drenthe" && p.Latitude != null && p.Phase != Core.Projects.Phase.Withdrawn);

        var html = await Client.GetStringAsync("/kaart");

        Assert.NotEmpty(areas);
        Assert.Contains("<svg class=\"rm-map\"", html);
        var map = MapOf(html);
        Assert.Equal(12, CountOf(map, "class=\"rm-map__area "));
        Assert.Equal(areas.Count, CountOf(map, "class=\"rm-map__search-area\""));
        Assert.Equal(located, CountOf(map, "class=\"rm-map__point "));
        Assert.All(areas, name => Assert.Contains(WebUtility.HtmlEncode(name), html));
        Assert.Contains("Kaart als lijst", html);
        // Offline: nothing on the page is loaded from another server (no tile server, no CDN).
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public async Task The_map_can_show_one_technique()
    {
        await using var db = Database.CreateContext();
        var wind = await db.Projects.CountAsync(p => p.RegionId == "drenthe" && p.Technique == Technique.Wind && p.Latitude != null && p.Phase != Core.Projects.Phase.Withdrawn);

        var html = await Client.GetStringAsync("/kaart?techniek=wind");

        var map = MapOf(html);
        Assert.Equal(wind, CountOf(map, "class=\"rm-map__point "));
        Assert.Equal(wind, CountOf(map, "rm-map__point--wind\""));
        Assert.Contains("<option value=\"wind\" selected=\"selected\">", html);
    }

    [Theory]
    [InlineData("/kaart?techniek=kolen", "techniek")]
    [InlineData("/kaart?techniek=techniekneutraal", "techniek")]
    [InlineData("/?lang=fr", "lang")]
    [InlineData("/taal?naar=fr", "naar")]
    public async Task A_malformed_query_parameter_gives_a_Dutch_400_page_that_names_it(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ongeldig verzoek", html);
        Assert.Contains($"De parameter &#x27;{parameter}&#x27;", html);
        Assert.Contains("href=\"/\"", html);
    }

    [Theory]
    [InlineData("/gemeenten/atlantis")]
    [InlineData("/projecten/BESTAAT-NIET")]
    public async Task An_unknown_municipality_or_project_gives_a_Dutch_404_page_with_a_way_back(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Pagina niet gevonden", html);
        Assert.Contains("href=\"/gemeenten\"", html);
        Assert.Contains("Terug naar het overzicht", html);
    }

    [Fact]
    public async Task A_project_page_shows_capacity_phase_history_authority_ownership_and_source()
    {
        await using var db = Database.CreateContext();
        var project = await db.Projects.Include(p => p.PhaseHistory).FirstAsync(p => p.PhaseHistory.Count > 1 && p.LocalOwnershipPercent != null);

        var html = await Client.GetStringAsync($"/projecten/{project.Id}");

        Assert.Contains(WebUtility.HtmlEncode(project.Name), html);
        Assert.Contains(Core.DutchFormat.Capacity(project.CapacityMw), html);
        Assert.Contains("Bevoegd gezag", html);
        var timeline = html[html.IndexOf("id=\"fasen\"", StringComparison.Ordinal)..];
        timeline = timeline[..timeline.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Equal(project.PhaseHistory.Count, CountOf(timeline, "class=\"rm-timeline__step\""));
        Assert.Contains(Core.DutchFormat.Date(project.PhaseHistory.Max(h => h.Date)), html);
        Assert.Contains($"{project.LocalOwnershipPercent:0}%", html);
        Assert.Contains($"peildatum {Core.DutchFormat.Date(project.SourceDate)}", html);
        Assert.Contains("Voorbeeld.", html);
    }

    [Fact]
    public async Task The_language_switch_remembers_English_and_goes_back_to_the_same_page()
    {
        using var response = await Client.GetAsync("/taal?naar=en&terug=%2Fkaart%3Ftechniek%3Dwind");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/kaart?techniek=wind", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("lang=en", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "lang=en");
        using var english = await Client.SendAsync(request);
        var html = await english.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("How far is RES regio Drenthe?", html);
        Assert.Contains("Target 2030: 3.45 TWh", html);
        Assert.Contains("href=\"/taal?naar=nl&amp;terug=%2F\"", html);
    }

    [Fact]
    public async Task The_language_switch_never_sends_the_reader_to_another_site()
    {
        using var response = await Client.GetAsync("/taal?naar=en&terug=%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Dutch_is_the_default_and_every_page_links_the_English_version()
    {
        foreach (var url in new[] { "/", "/kaart", "/gemeenten", "/gemeenten/assen" })
        {
            var html = await Client.GetStringAsync(url);

            Assert.Contains("<html lang=\"nl\">", html);
            Assert.Contains($"href=\"/taal?naar=en&amp;terug={Uri.EscapeDataString(url)}\" lang=\"en\"", html);
        }
    }

    /// <summary>The map's own SVG, without the legend's sample markers.</summary>
    private static string MapOf(string html)
    {
        var start = html.IndexOf("<svg class=\"rm-map\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no map");
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }
}

public sealed class SqlitePublicSiteTests(SqliteDatabase database) : PublicSiteTests<SqliteDatabase>(database);

public sealed class PostgresPublicSiteTests(PostgresDatabase database) : PublicSiteTests<PostgresDatabase>(database);
