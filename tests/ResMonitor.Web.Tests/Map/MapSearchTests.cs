using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Finding your village on the map (/kaart?plaats=): a place centres the map and lists the nearest projects with
/// distance and direction, a municipality shows the municipality, no match gives suggestions; the project page says
/// where a project lies in words. The test register holds the example projects: "Voorbeeld: Zonnepark Borger-Odoorn 6"
/// lies about 1 km north-east of the centre of Exloo.
/// </summary>
public abstract class MapSearchTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{

    private async Task<string> PageAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return html;
    }

    private static string MapOf(string html)
    {
        var start = html.IndexOf("<svg class=\"rm-map", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no map");
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }

    private static List<string> NearbyOf(string html)
    {
        var start = html.IndexOf("<ol class=\"utrecht-ordered-list rm-nearby\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page lists no nearby projects");
        var list = html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(list, "<li[^>]*>(.*?)</li>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim())
            .ToList();
    }

    [Fact]
    public async Task A_village_centres_the_map_and_lists_the_nearest_projects_with_distance_and_direction()
    {
        var html = await PageAsync("/kaart?plaats=exloo");

        Assert.Contains("<h1 class=\"utrecht-heading-1\">Kaart rond Exloo</h1>", html);
        var map = MapOf(html);
        Assert.Contains(">Exloo</text>", map);
        Assert.Contains("rm-map__place--found", map);
        // Centred on Exloo: its own neighbourhood is on the map, Assen's projects 30 km away are not.
        Assert.Contains("href=\"/projecten/VB-006\"", map);
        Assert.DoesNotContain("href=\"/projecten/VB-003\"", map);
        var nearby = NearbyOf(html);
        Assert.Equal(10, nearby.Count);
        Assert.Equal("Voorbeeld: Zonnepark Borger-Odoorn 6 — 1 km ten noordoosten van Exloo; zon op land, gerealiseerd, 7,3 MW", nearby[0]);
        Assert.StartsWith("Voorbeeld: Zon op dak Borger-Odoorn 7 — 4 km ten noordoosten van Exloo", nearby[1]);
        Assert.Contains("value=\"exloo\"", html);
    }

    [Fact]
    public async Task Case_accents_and_hyphens_do_not_matter_and_english_pages_say_it_in_english()
    {
        var html = await PageAsync("/kaart?plaats=TWEEDE%20EXLOERMOND&lang=en");

        Assert.Contains("Map around Tweede Exloërmond", html);
        Assert.StartsWith("Voorbeeld: Zon op dak Borger-Odoorn 7 — 3 km west of Tweede Exloërmond; solar on roofs, under construction, 4.9 MW", NearbyOf(html)[0]);
        Assert.DoesNotContain(" ten ", html);
    }

    [Fact]
    public async Task A_search_without_a_match_gives_suggestions_and_a_dutch_message()
    {
        var html = await PageAsync("/kaart?plaats=Exlo");

        Assert.Contains("Geen plaats of gemeente gevonden met de naam 'Exlo'. Bedoelt u een van deze?", System.Text.RegularExpressions.Regex.Replace(html, @"<[^>]+>|\s+(?=\S)", m => m.Value.StartsWith('<') ? "" : " "));
        Assert.Contains("<a class=\"utrecht-link\" href=\"/kaart?plaats=Exloo\">Exloo</a>", html);
        Assert.DoesNotContain("Kaart rond", html);
        Assert.DoesNotContain("rm-nearby", html);
        // The map of the region is still there.
        Assert.Contains("<h1 class=\"utrecht-heading-1\">Kaart van de regio</h1>", html);
    }

    [Fact]
    public async Task A_municipality_name_shows_the_municipality()
    {
        var html = await PageAsync("/kaart?plaats=borger%20odoorn");

        Assert.Contains("Kaart van gemeente Borger-Odoorn", html);
        Assert.Equal(1, CountOf(MapOf(html), "class=\"rm-map__area "));
        Assert.DoesNotContain("Geen plaats of gemeente gevonden", html);
    }

    [Fact]
    public async Task A_municipality_with_a_town_of_its_name_offers_the_town()
    {
        var html = await PageAsync("/kaart?plaats=Emmen");

        Assert.Contains("Kaart van gemeente Emmen", html);
        Assert.Contains("href=\"/kaart?plaats=Emmen&als=plaats\">Toon de kaart rond de plaats Emmen</a>", html);
        var town = await PageAsync("/kaart?plaats=Emmen&als=plaats");
        Assert.Contains("Kaart rond Emmen", town);
        // Showing one technique stays on the town, not its municipality.
        Assert.Contains("<input type=\"hidden\" name=\"als\" value=\"plaats\">", town);
        Assert.Contains("Kaart rond Emmen", await PageAsync("/kaart?techniek=wind&plaats=Emmen&als=plaats"));
    }

    [Theory]
    [InlineData("/kaart?plaats=%01Exloo")]
    [InlineData("/kaart?plaats=" + "Exloooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo")]
    public async Task A_search_with_control_characters_or_too_long_is_refused_naming_the_parameter(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("De parameter 'plaats' moet een plaats- of gemeentenaam zijn van hoogstens 100 tekens", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_project_page_says_where_the_project_lies_and_shows_a_small_map()
    {
        var html = await PageAsync("/projecten/VB-006");
        var english = await PageAsync("/projecten/VB-006?lang=en");

        Assert.Contains("<span class=\"rm-nearest\">1 km ten noordoosten van Exloo</span>", html);
        Assert.Contains("<span class=\"rm-nearest\">1 km north-east of Exloo</span>", english);
        var map = MapOf(html);
        Assert.Contains("aria-labelledby=\"projectkaart\"", map);
        Assert.Contains(">Exloo</text>", map);
        Assert.Contains("class=\"rm-map__point rm-map__point--gerealiseerd rm-map__point--zon-op-land\"", map);
        Assert.Contains("href=\"/kaart?plaats=Exloo\"", html);
    }

    [Fact]
    public async Task A_marker_shows_status_as_well_as_technique()
    {
        var map = MapOf(await PageAsync("/kaart"));

        // VB-006 is realised, VB-007 under construction (permitted), VB-002 in procedure.
        Assert.Matches("<a href=\"/projecten/VB-006\"[^>]*><g class=\"rm-map__marker\"><rect class=\"rm-map__point rm-map__point--gerealiseerd rm-map__point--zon-op-land\"", map);
        Assert.Matches("<a href=\"/projecten/VB-007\"[^>]*><g class=\"rm-map__marker\"><path class=\"rm-map__point rm-map__point--vergund rm-map__point--zon-op-dak\"", map);
        Assert.Matches("<a href=\"/projecten/VB-002\"[^>]*><g class=\"rm-map__marker\"><path class=\"rm-map__point rm-map__point--in-procedure rm-map__point--zon-op-dak\"", map);
        // 44 map units wide: 24 px when the 608 units of the map fill 343 px at 375 px.
        Assert.Matches("<a href=\"/projecten/VB-006\"[^>]*><g class=\"rm-map__marker\"><rect [^>]*width=\"44\" height=\"44\"", map);
        // Towns are named on the region's map.
        Assert.Contains(">Assen</text>", map);
    }

    [Fact]
    public async Task A_region_without_a_places_file_says_that_place_search_is_not_possible()
    {
        await SeedOnce.TestRegionAsync(Database, Factory, withProjects: false);

        var html = await PageAsync("/proefregio/kaart?plaats=Proefdorp");
        var none = await PageAsync("/proefregio/kaart?plaats=Exloo");

        Assert.Contains("Voor deze regio is er geen lijst met plaatsen: zoeken op een plaatsnaam kan hier niet, zoeken op een gemeentenaam wel.", html);
        Assert.Contains("Kaart van gemeente Proefdorp", html);
        Assert.Contains("Geen plaats of gemeente gevonden met de naam 'Exloo'.", none);
    }
}

public sealed class SqliteMapSearchTests(SqliteDatabase database) : MapSearchTests<SqliteDatabase>(database);

public sealed class PostgresMapSearchTests(PostgresDatabase database) : MapSearchTests<PostgresDatabase>(database);
