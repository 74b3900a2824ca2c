using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Tests.Register;

/// <summary>
/// A second region, seeded from a folder of data (Register/TestRegion: two invented municipalities), is browsable from
/// its own addresses without a code change; Drenthe stays under its own and the plain addresses.
/// </summary>
public abstract class RegionAddressTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string Id = "proefregio";

    private static string Folder => SeedOnce.TestRegionFolder;

    private Task SeedAsync() => SeedOnce.TestRegionAsync(Database, Factory);

    private async Task<string> PageAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return html;
    }

    [Fact]
    public async Task The_second_region_has_its_own_home_page()
    {
        await SeedAsync();
        var html = await PageAsync("/" + Id);

        Assert.Contains("RES regio Proefland", html);
        Assert.Contains("Proefdorp", html);
        Assert.DoesNotContain("RES regio Drenthe", html);
        Assert.DoesNotContain("Aa en Hunze", html);
        Assert.Contains($"href=\"/{Id}/gemeenten\"", html);
        // A region with only a regional target says so, instead of naming "no source" for targets it does not have.
        Assert.Contains("De regio heeft geen doelen per techniek vastgesteld; alleen het regionale doel geldt.", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("geen bron", html);
    }

    [Fact]
    public async Task Charts_on_the_second_regions_pages_link_rows_and_tables_under_its_address()
    {
        await SeedAsync();
        var html = await PageAsync($"/{Id}/indicatoren/opwek");
        Assert.Contains($"href=\"/{Id}/gemeenten/proefdorp\"", html);
        var csv = System.Text.RegularExpressions.Regex.Match(html, $"href=\"(/{Id}/grafieken/[a-z-]+\\.csv)\"");
        Assert.True(csv.Success, "no chart table under the region's address");

        var table = await Client.GetStringAsync(csv.Groups[1].Value);
        Assert.DoesNotContain("Aa en Hunze", table);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/onbekend/grafieken/trend.csv")).StatusCode);
    }

    [Fact]
    public async Task Drenthe_keeps_its_own_address_and_the_plain_one()
    {
        await SeedAsync();
        foreach (var path in (string[])["/drenthe", "/"])
        {
            var html = await PageAsync(path);
            Assert.Contains("RES regio Drenthe", html);
            Assert.Contains("Aa en Hunze", html);
            Assert.DoesNotContain("Proefdorp", html);
        }

        Assert.Contains("href=\"/gemeenten\"", await PageAsync("/"));
    }

    [Fact]
    public async Task Municipality_and_project_pages_show_the_second_regions_register()
    {
        await SeedAsync();
        var list = await PageAsync($"/{Id}/gemeenten");
        Assert.Contains($"href=\"/{Id}/gemeenten/proefdorp\"", list);
        Assert.Contains("Testerveen", list);
        Assert.DoesNotContain("href=\"/gemeenten/", list);
        Assert.DoesNotContain("Aa en Hunze", list);

        var municipality = await PageAsync($"/{Id}/gemeenten/proefdorp");
        Assert.Contains("Proefpark Zonneweide", municipality);
        Assert.Contains($"href=\"/{Id}/projecten/PR-001\"", municipality);
        Assert.DoesNotContain("Proefmolen Testerveen", municipality);

        var project = await PageAsync($"/{Id}/projecten/PR-001");
        Assert.Contains("Proefpark Zonneweide", project);
        Assert.Contains($"href=\"/{Id}/gemeenten/proefdorp\"", project);

        // A Drenthe project is not part of the second region's addresses.
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/{Id}/projecten/VB-001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/{Id}/gemeenten/aa-en-hunze")).StatusCode);
    }

    [Fact]
    public async Task Open_data_and_the_api_use_the_region_of_the_address()
    {
        await SeedAsync();
        var openData = await PageAsync($"/{Id}/open-data");
        Assert.Contains($"/open-data/{Id}/", openData);
        Assert.DoesNotContain("/open-data/drenthe/", openData);

        var csv = await Client.GetStringAsync($"/open-data/{Id}/projecten.csv");
        Assert.Contains("PR-001", csv);
        Assert.DoesNotContain("VB-001", csv);

        var response = await Client.GetAsync($"/api/v1/regions/{Id}/summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(12.5m, json.GetProperty("total").GetProperty("realisedMw").GetDecimal());
        Assert.Contains("Proefland", json.ToString());
    }

    [Theory]
    [InlineData("/onbekend")]
    [InlineData("/onbekend/gemeenten")]
    [InlineData("/onbekend/projecten/VB-001")]
    public async Task An_unknown_region_answers_a_Dutch_404_listing_the_regions(string path)
    {
        await SeedAsync();
        var response = await Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", html);
        Assert.Contains("De regio &#x27;onbekend&#x27; staat niet in het register", html);
        Assert.Contains($"href=\"/{Id}\"", html);
        Assert.Contains("href=\"/drenthe\"", html);
    }

    [Fact]
    public async Task A_missing_page_under_a_known_region_keeps_that_region_in_its_links()
    {
        await SeedAsync();
        var response = await Client.GetAsync($"/{Id}/projecten/BESTAAT-NIET");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", html);
        Assert.Contains($"href=\"/{Id}/gemeenten\"", html);
        Assert.Contains($"href=\"/{Id}/kaart\"", html);
        Assert.Contains("RES regio Proefland", html);
    }

    [Fact]
    public async Task With_two_regions_every_page_links_to_the_list_of_regions()
    {
        await SeedAsync();
        var html = await PageAsync($"/{Id}/kaart");

        Assert.Matches("<a class=\"utrecht-link\" href=\"/regios\">Alle [2-9] regio&#x27;s in deze monitor</a>", html);
    }

    [Fact]
    public async Task A_region_without_projects_yet_shows_its_zero_table_instead_of_an_empty_chart()
    {
        await SeedAsync();
        var folder = Directory.CreateTempSubdirectory("region-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Folder))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var text = (await File.ReadAllTextAsync(Path.Combine(folder, "region.json")))
                .Replace("\"id\": \"proefregio\"", "\"id\": \"leegregio\"", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "region.json"), text);
            // The copied folder holds the test region's projects.csv: this region is to stay without projects.
            var seed = await Database.RunAsync("seed", "--region-folder", folder, "--skip-projects");
            Assert.True(seed.Code == 0, seed.Error);
            await using (var db = Database.CreateContext())
            {
                Factory.Services.GetRequiredService<RegisterVersion>().Observe(await RegisterVersionStore.ReadAsync(db));
            }

            var html = await PageAsync("/leegregio");

            Assert.Contains("Nog niets te tekenen: alle waarden in de tabel hieronder zijn nul.", html);
            Assert.DoesNotContain("rm-chart--columns", html);
            Assert.Contains("rm-chart--columns", await PageAsync("/" + Id));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task The_regions_page_lists_both_regions()
    {
        await SeedAsync();
        var html = await PageAsync("/regios");

        Assert.Contains("RES regio Drenthe", html);
        Assert.Contains("RES regio Proefland", html);
        Assert.Contains($"href=\"/{Id}\"", html);
        Assert.Contains("href=\"/drenthe\"", html);
        Assert.Contains("0,78 (2030)", html);
        Assert.Contains("3,45 (2030)", html);
        // Every figure with its source and reference date.
        Assert.Contains("Testgegevens (verzonnen) (1 juli 2021)", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_broken_region_json_is_refused_naming_the_file_and_the_field_and_stores_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("region-").FullName;
        try
        {
            var text = (await File.ReadAllTextAsync(Path.Combine(Folder, "region.json")))
                .Replace("\"id\": \"proefregio\"", "\"id\": \"kapotteregio\"", StringComparison.Ordinal)
                .Replace("\"valueMwh\": 777000", "\"valueMwh\": \"veel\"", StringComparison.Ordinal);
            Assert.Contains("\"veel\"", text);
            await File.WriteAllTextAsync(Path.Combine(folder, "region.json"), text);

            var before = await CountsAsync();
            var (code, output, error) = await Database.RunAsync("seed", "--region-folder", folder);

            Assert.Equal(1, code);
            Assert.Contains("region.json", error + output);
            Assert.Contains("valueMwh", error + output);
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("\"municipality\": \"GM0000\", \"technique\": \"Wind\", \"valueMwh\": 1000", "targets[1].municipality 'GM0000' is geen gemeente van de regio; geldig zijn GM9901, GM9902.")]
    [InlineData("\"municipality\": \"GM9901\", \"technique\": \"Wind\", \"valueMwh\": -5", "targets[1].valueMwh moet groter dan 0 zijn.")]
    [InlineData("\"municipality\": \"GM9901\", \"valueMwh\": 1000", "targets[1] is een doel van gemeente 'GM9901' zonder techniek")]
    public async Task A_bad_municipal_target_in_region_json_is_refused_naming_the_target_and_stores_nothing(string target, string message)
    {
        var folder = Directory.CreateTempSubdirectory("region-").FullName;
        try
        {
            var text = (await File.ReadAllTextAsync(Path.Combine(Folder, "region.json")))
                .Replace("\"id\": \"proefregio\"", "\"id\": \"doelregio\"", StringComparison.Ordinal)
                .Replace("\"referenceDate\": \"2021-07-01\" }", $"\"referenceDate\": \"2021-07-01\" }},\n    {{ \"year\": 2030, {target}, \"source\": \"Test\", \"referenceDate\": \"2021-07-01\" }}", StringComparison.Ordinal);
            Assert.Contains(target, text);
            await File.WriteAllTextAsync(Path.Combine(folder, "region.json"), text);

            var before = await CountsAsync();
            var (code, output, error) = await Database.RunAsync("seed", "--region-folder", folder);

            Assert.Equal(1, code);
            Assert.Contains(message, error + output);
            Assert.Contains("Er is niets opgeslagen.", error + output);
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task A_control_character_in_region_json_is_refused_naming_the_file_the_line_and_the_field()
    {
        var folder = Directory.CreateTempSubdirectory("region-").FullName;
        try
        {
            var lines = (await File.ReadAllLinesAsync(Path.Combine(Folder, "region.json"))).ToList();
            var at = lines.FindIndex(l => l.Contains("\"id\": \"proefregio\"", StringComparison.Ordinal));
            lines[at] = lines[at].Replace("\"id\": \"proefregio\"", "\"id\": \"stuurregio\"", StringComparison.Ordinal);
            var name = lines.FindIndex(at + 1, l => l.TrimStart().StartsWith("\"name\"", StringComparison.Ordinal));
            lines[name] = lines[name].Replace("\"name\": \"", "\"name\": \"Proef\\u0001", StringComparison.Ordinal);
            Assert.Contains("\\u0001", lines[name]);
            await File.WriteAllLinesAsync(Path.Combine(folder, "region.json"), lines);

            var before = await CountsAsync();
            var (code, output, error) = await Database.RunAsync("seed", "--region-folder", folder);

            Assert.Equal(1, code);
            Assert.Contains($"region.json, regel {name + 1}: Het veld 'name' bevat een teken dat niet is toegestaan (U+0001, een stuurteken)", error + output);
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("kaart", "is al een webadres van de site zelf (/kaart)")]
    [InlineData("Mijn Regio", "mag alleen kleine letters, cijfers en streepjes bevatten")]
    public async Task A_region_id_that_cannot_be_an_address_is_refused_at_seed_and_stores_nothing(string id, string message)
    {
        var folder = Directory.CreateTempSubdirectory("region-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Folder))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var text = (await File.ReadAllTextAsync(Path.Combine(folder, "region.json")))
                .Replace("\"id\": \"proefregio\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "region.json"), text);

            var before = await CountsAsync();
            var (code, output, error) = await Database.RunAsync("seed", "--region-folder", folder);

            Assert.Equal(1, code);
            Assert.Contains("region.json", error + output);
            Assert.Contains(message, error + output);
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Every_first_segment_of_the_sites_own_addresses_is_reserved_for_region_ids()
    {
        var sources = Factory.Services.GetRequiredService<IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>>();
        var first = sources.SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.Count > 0 ? e.RoutePattern.PathSegments[0] : null)
            .Where(segment => segment is { IsSimple: true } && segment.Parts[0].IsLiteral)
            .Select(segment => ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)segment!.Parts[0]).Content)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var files = Directory.GetFileSystemEntries(Path.Combine(AppContext.BaseDirectory, "wwwroot")).Select(Path.GetFileName);

        Assert.Contains("kaart", first);
        var missing = first.Concat(files!).Where(s => !ResMonitor.Core.Regions.RegionId.Reserved.Contains(s!)).ToList();
        Assert.True(missing.Count == 0, "Not reserved for region ids: " + string.Join(", ", missing));
    }

    private async Task<(int Regions, int Organisations, int Targets, int Hours)> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Regions.CountAsync(), await db.Organisations.CountAsync(), await db.Targets.CountAsync(), await db.FullLoadHours.CountAsync());
    }
}

public sealed class SqliteRegionAddressTests(SqliteDatabase database) : RegionAddressTests<SqliteDatabase>(database);

public sealed class PostgresRegionAddressTests(PostgresDatabase database) : RegionAddressTests<PostgresDatabase>(database);
