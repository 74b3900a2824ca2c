using System.Net;
using System.Text.Json;

namespace ResMonitor.Web.Tests;

/// <summary>The first page, the JSON summary and the OpenAPI document, over HTTP, on SQLite and on PostgreSQL.</summary>
public abstract class MonitorTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_home_page_shows_the_target_the_overview_and_their_sources_in_Dutch()
    {
        var html = await Client.GetStringAsync("/");

        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("Doel 2030: 3,45 TWh", html);
        Assert.Contains("Gerealiseerd is <strong>", html);
        Assert.Contains("vergund of in procedure", html);
        Assert.Contains("Bron doel: RES 1.0 regio Drenthe", html);
        Assert.Contains("1 juli 2021", html);
        Assert.Contains("3,499 TWh", html);
        Assert.Contains("2.881 vollasturen", html);
        Assert.Contains("Assen", html);
        Assert.Contains("voorbeeldgegevens", html, StringComparison.OrdinalIgnoreCase);
        // How current the projects are: their newest source (the examples' 1 July 2025), not the day the page is shown.
        Assert.Contains("Stand van de projecten: de nieuwste bron is van 1 juli 2025.", html);
        Assert.DoesNotContain("Stand van de projecten: 1 december 2026", html);
    }

    [Fact]
    public async Task The_summary_API_returns_the_same_figures_as_the_page()
    {
        using var response = await Client.GetAsync("/api/v1/regions/drenthe/summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("drenthe", root.GetProperty("region").GetString());
        Assert.Equal(3_450_000m, root.GetProperty("target").GetProperty("valueMwh").GetDecimal());
        Assert.Contains("RES 1.0", root.GetProperty("target").GetProperty("source").GetString());
        Assert.Equal(4, root.GetProperty("byTechnique").GetArrayLength());
        Assert.Equal(12, root.GetProperty("byMunicipality").GetArrayLength());

        var realised = root.GetProperty("total").GetProperty("realisedMwh").GetDecimal();
        var html = await Client.GetStringAsync("/");
        Assert.Contains($"Gerealiseerd is <strong>{Core.DutchFormat.Twh(realised)}</strong>", html);
    }

    [Fact]
    public async Task An_unknown_region_gives_a_Dutch_problem_description()
    {
        using var response = await Client.GetAsync("/api/v1/regions/atlantis/summary");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("De regio 'atlantis' staat niet in het register.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_summary()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/regions/{region}/summary", document);
    }

    [Fact]
    public async Task An_unknown_page_gives_a_Dutch_404_page_with_a_way_back()
    {
        using var response = await Client.GetAsync("/bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Pagina niet gevonden", html);
        Assert.Contains("href=\"/\"", html);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var response = await Client.GetAsync("/");

        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", string.Join(' ', response.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy"));
    }
}

public sealed class SqliteMonitorTests(SqliteDatabase database) : MonitorTests<SqliteDatabase>(database);

public sealed class PostgresMonitorTests(PostgresDatabase database) : MonitorTests<PostgresDatabase>(database);
