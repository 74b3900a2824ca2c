using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The open data over HTTP, as a reuser meets it: the JSON API, the downloads (CSV, CSV for Excel, GeoJSON, ZIP with
/// datapackage.json), the DCAT catalogue and the /open-data page, with clear 400s and 404s. SQLite and PostgreSQL.
/// </summary>
public abstract class OpenDataTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];


    private async Task<int> CountAsync(Func<IQueryable<Project>, IQueryable<Project>>? filter = null)
    {
        await using var db = Database.CreateContext();
        var projects = db.Projects.Where(p => p.RegionId == "drenthe");
        return await (filter is null ? projects : filter(projects)).CountAsync();
    }

    private async Task<byte[]> DownloadAsync(string url, string expectedMediaType)
    {
        using var response = await Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(expectedMediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Header and rows of a CSV download, read with the register's own reader; BOM taken off.</summary>
    private static (string[] Header, List<string[]> Rows, char Separator) Csv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Bom) ? bytes[3..] : bytes);
        var reader = new CsvReader(new StringReader(text));
        var header = reader.ReadHeader()!.Fields;
        return (header, reader.ReadAll().Select(r => r.Fields).ToList(), reader.Separator);
    }

    private static JsonElement Json(byte[] bytes) => JsonDocument.Parse(bytes).RootElement.Clone();

    /// <summary>A municipality and technique with no project at all: an empty selection.</summary>
    private async Task<(string Code, string Technique)> EmptySelectionAsync()
    {
        await using var db = Database.CreateContext();
        var codes = await db.Organisations.Where(o => o.RegionId == "drenthe" && o.Kind == OrganisationKind.Municipality).Select(o => o.Code).ToListAsync();
        foreach (var code in codes)
        {
            foreach (var technique in new[] { Technique.Wind, Technique.SolarOnLand, Technique.SolarOnRoof })
            {
                if (!await db.Projects.AnyAsync(p => p.Municipality!.Code == code && p.Technique == technique))
                {
                    return (code, Core.Labels.TechniqueKey(technique));
                }
            }
        }

        throw new InvalidOperationException("Every municipality has every technique; the example data changed.");
    }

    [Fact]
    public async Task The_projects_CSV_has_the_import_header_one_row_per_project_and_no_BOM()
    {
        var bytes = await DownloadAsync("/open-data/drenthe/projecten.csv", "text/csv");

        Assert.False(bytes.AsSpan().StartsWith(Bom));
        var (header, rows, separator) = Csv(bytes);
        Assert.Equal(',', separator);
        Assert.Equal(ProjectCsv.Columns, header);
        Assert.Equal(await CountAsync(), rows.Count);
        var first = rows.Single(r => r[0] == "VB-001");
        Assert.Equal("19.9", first[Array.IndexOf(header, ProjectCsv.Capacity)]);
        Assert.Equal("Voorbeeldgegevens ResMonitor (verzonnen)", first[Array.IndexOf(header, ProjectCsv.Source)]);
        Assert.Equal("2025-07-01", first[Array.IndexOf(header, ProjectCsv.SourceDate)]);
    }

    [Fact]
    public async Task The_Excel_CSV_has_a_BOM_semicolons_and_decimal_commas()
    {
        var bytes = await DownloadAsync("/open-data/drenthe/projecten-excel.csv", "text/csv");

        Assert.True(bytes.AsSpan().StartsWith(Bom));
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("project_id;naam;techniek;gemeente;vermogen_mw;", text);
        var (header, rows, separator) = Csv(bytes);
        Assert.Equal(';', separator);
        Assert.Equal(ProjectCsv.Columns, header);
        Assert.Equal(await CountAsync(), rows.Count);
        var first = rows.Single(r => r[0] == "VB-001");
        Assert.Equal("19,9", first[Array.IndexOf(header, ProjectCsv.Capacity)]);
        Assert.Equal("52,99677", first[Array.IndexOf(header, ProjectCsv.Latitude)]);
    }

    [Theory]
    [InlineData("projecten.csv")]
    [InlineData("projecten-excel.csv")]
    public async Task Both_project_CSVs_import_into_an_empty_register(string file)
    {
        var path = Path.Combine(Path.GetTempPath(), $"open-data-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, await DownloadAsync("/open-data/drenthe/" + file, "text/csv"));
        var other = new SqliteDatabase();
        await other.InitializeAsync();
        try
        {
            Assert.Equal(0, (await other.RunAsync("seed", "--without-examples", "--skip-projects")).Code);
            var (code, output, error) = await other.RunAsync("import", "projects", path);
            Assert.True(code == 0, error);
            Assert.Contains($"{await CountAsync()} projecten ingelezen", output);
        }
        finally
        {
            File.Delete(path);
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_projects_GeoJSON_holds_every_project_with_a_location_as_a_point()
    {
        var root = Json(await DownloadAsync("/open-data/drenthe/projecten.geojson", "application/geo+json"));

        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(await CountAsync(q => q.Where(p => p.Latitude != null)), features.Count);
        Assert.All(features, f => Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.All(features, f => Assert.True(f.GetProperty("properties").TryGetProperty("sourceDate", out _)));
    }

    [Fact]
    public async Task The_filters_select_the_same_projects_in_the_API_and_the_downloads()
    {
        var expected = await CountAsync(q => q.Where(p => p.Technique == Technique.Wind && p.Phase == Phase.Realised));
        Assert.True(expected > 0);

        var (_, rows, _) = Csv(await DownloadAsync("/open-data/drenthe/projecten.csv?techniek=wind&fase=gerealiseerd", "text/csv"));
        var api = Json(Encoding.UTF8.GetBytes(await Client.GetStringAsync("/api/v1/regions/drenthe/projects?techniek=wind&fase=gerealiseerd")));

        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal("wind", r[2]));
        var projects = api.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(expected, projects.Count);
        Assert.All(projects, p => Assert.Equal("gerealiseerd", p.GetProperty("phase").GetString()));
        Assert.Equal("wind", api.GetProperty("filter").GetProperty("techniek").GetString());

        // An empty value means "no selection", as the page's form sends "all".
        var (_, all, _) = Csv(await DownloadAsync("/open-data/drenthe/projecten.csv?techniek=&fase=", "text/csv"));
        Assert.Equal(await CountAsync(), all.Count);

        var assen = await CountAsync(q => q.Where(p => p.Municipality!.Code == "GM0106"));
        var (_, assenRows, _) = Csv(await DownloadAsync("/open-data/drenthe/projecten-excel.csv?gemeente=gm0106", "text/csv"));
        Assert.Equal(assen, assenRows.Count);
    }

    [Fact]
    public async Task An_empty_selection_gives_header_only_CSVs_an_empty_FeatureCollection_and_an_empty_list()
    {
        var (code, technique) = await EmptySelectionAsync();
        var query = $"?gemeente={code}&techniek={technique}";

        var csv = Encoding.UTF8.GetString(await DownloadAsync("/open-data/drenthe/projecten.csv" + query, "text/csv"));
        Assert.Equal(string.Join(',', ProjectCsv.Columns) + "\r\n", csv);
        var excel = await DownloadAsync("/open-data/drenthe/projecten-excel.csv" + query, "text/csv");
        Assert.Equal([.. Bom, .. Encoding.UTF8.GetBytes(string.Join(';', ProjectCsv.Columns) + "\r\n")], excel);
        var geo = Json(await DownloadAsync("/open-data/drenthe/projecten.geojson" + query, "application/geo+json"));
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(0, geo.GetProperty("features").GetArrayLength());
        var api = Json(Encoding.UTF8.GetBytes(await Client.GetStringAsync("/api/v1/regions/drenthe/projects" + query)));
        Assert.Equal(0, api.GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public async Task The_municipality_files_hold_every_municipality_with_figures_and_boundaries()
    {
        var (header, rows, _) = Csv(await DownloadAsync("/open-data/drenthe/gemeenten.csv", "text/csv"));
        Assert.Equal(12, rows.Count);
        Assert.Equal(["gemeente", "naam", "inwoners"], header[..3]);
        Assert.Contains("peildatum", header);
        Assert.Contains("bron", header);
        var assen = rows.Single(r => r[0] == "GM0106");
        Assert.Equal("70395", assen[2]);

        var excel = await DownloadAsync("/open-data/drenthe/gemeenten-excel.csv", "text/csv");
        Assert.True(excel.AsSpan().StartsWith(Bom));
        var (excelHeader, excelRows, separator) = Csv(excel);
        Assert.Equal(';', separator);
        var pipelineMw = Array.IndexOf(excelHeader, "vergund_of_in_procedure_mw");
        Assert.Equal(assen[pipelineMw].Replace('.', ','), excelRows.Single(r => r[0] == "GM0106")[pipelineMw]);

        var geo = Json(await DownloadAsync("/open-data/drenthe/gemeenten.geojson", "application/geo+json"));
        var features = geo.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(12, features.Count);
        Assert.All(features, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
        Assert.Contains("CBS", features[0].GetProperty("properties").GetProperty("grens_bron").GetString());

        var one = Csv(await DownloadAsync("/open-data/drenthe/gemeenten.csv?gemeente=GM0106", "text/csv"));
        Assert.Equal("GM0106", Assert.Single(one.Rows)[0]);
    }

    [Fact]
    public async Task The_municipalities_API_gives_the_figures_of_the_summary_with_source_and_reference_date()
    {
        var list = Json(Encoding.UTF8.GetBytes(await Client.GetStringAsync("/api/v1/regions/drenthe/municipalities")));
        var summary = Json(Encoding.UTF8.GetBytes(await Client.GetStringAsync("/api/v1/regions/drenthe/summary")));

        var municipalities = list.GetProperty("municipalities").EnumerateArray().ToList();
        Assert.Equal(12, municipalities.Count);
        Assert.False(string.IsNullOrEmpty(list.GetProperty("source").GetString()));
        foreach (var line in summary.GetProperty("byMunicipality").EnumerateArray())
        {
            var m = municipalities.Single(x => x.GetProperty("code").GetString() == line.GetProperty("key").GetString());
            Assert.Equal(Math.Round(line.GetProperty("realisedMwh").GetDecimal(), 1), m.GetProperty("realisedMwh").GetDecimal());
            Assert.Equal(line.GetProperty("projects").GetInt32(), m.GetProperty("projects").GetInt32());
            Assert.Equal(summary.GetProperty("referenceDate").GetString(), m.GetProperty("referenceDate").GetString());
            Assert.False(string.IsNullOrEmpty(m.GetProperty("source").GetString()));
        }

        var assen = Json(Encoding.UTF8.GetBytes(await Client.GetStringAsync("/api/v1/regions/drenthe/municipalities/GM0106")));
        Assert.Equal("Assen", assen.GetProperty("name").GetString());
        Assert.Equal("2025-01-01", assen.GetProperty("populationReferenceDate").GetString());
    }

    [Fact]
    public async Task One_project_comes_with_its_history_source_and_reference_date()
    {
        var project = Json(Encoding.UTF8.GetBytes(await Client.GetStringAsync("/api/v1/regions/drenthe/projects/VB-001")));

        Assert.Equal("Voorbeeld: Zonnepark Aa en Hunze 1", project.GetProperty("name").GetString());
        Assert.Equal("zon_op_land", project.GetProperty("technique").GetString());
        Assert.Equal("GM1680", project.GetProperty("municipality").GetString());
        Assert.Equal("Voorbeeldgegevens ResMonitor (verzonnen)", project.GetProperty("source").GetString());
        Assert.Equal("2025-07-01", project.GetProperty("sourceDate").GetString());
        Assert.True(project.GetProperty("phaseHistory").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("/api/v1/regions/drenthe/projects?techniek=kernfusie", "techniek", "zon_op_land")]
    [InlineData("/api/v1/regions/drenthe/projects?fase=bijna", "fase", "in_procedure")]
    [InlineData("/api/v1/regions/drenthe/projects?gemeente=Assen", "gemeente", "GM0106")]
    [InlineData("/api/v1/regions/drenthe/projects?gemeente=GM0363", "gemeente", "GM0106")]
    [InlineData("/api/v1/regions/drenthe/projects?gemeent=GM0106", "gemeent", "gemeente")]
    [InlineData("/api/v1/regions/drenthe/projects?techniek=wind&techniek=zon_op_dak", "techniek", "techniek")]
    [InlineData("/api/v1/regions/drenthe/municipalities?techniek=wind", "techniek", "gemeente")]
    [InlineData("/api/v1/regions/drenthe/municipalities/Assen", "code", "GM0106")]
    [InlineData("/api/v1/regions/drenthe/projects/twee%20woorden", "id", "64")]
    [InlineData("/open-data/drenthe/projecten.csv?fase=klaar", "fase", "gerealiseerd")]
    [InlineData("/open-data/drenthe/projecten-excel.csv?techniek=zon", "techniek", "zon_op_dak")]
    [InlineData("/open-data/drenthe/projecten.geojson?gemeente=GM12345", "gemeente", "GM0106")]
    [InlineData("/open-data/drenthe/gemeenten.csv?gemeente=%3D1%2B1", "gemeente", "GM0106")]
    [InlineData("/open-data/drenthe/gemeenten.geojson?fase=idee", "fase", "gemeente")]
    public async Task A_malformed_parameter_gives_a_400_in_Dutch_that_names_it_and_what_is_allowed(string url, string parameter, string allowed)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = Json(Encoding.UTF8.GetBytes(body));
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains($"'{parameter}'", problem.GetProperty("title").GetString());
        Assert.Contains(allowed, problem.GetProperty("detail").GetString());
        Assert.StartsWith("Ongeldige parameter", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/regions/atlantis/projects", "De regio 'atlantis' staat niet in het register.")]
    [InlineData("/api/v1/regions/atlantis/municipalities", "De regio 'atlantis' staat niet in het register.")]
    [InlineData("/api/v1/regions/drenthe/projects/BESTAAT-NIET", "Het project 'BESTAAT-NIET' staat niet in het register van RES regio Drenthe.")]
    [InlineData("/api/v1/regions/drenthe/municipalities/GM0363", "De gemeente 'GM0363' hoort niet bij RES regio Drenthe.")]
    [InlineData("/open-data/atlantis/projecten.csv", "De regio 'atlantis' staat niet in het register.")]
    [InlineData("/open-data/atlantis/open-data.zip", "De regio 'atlantis' staat niet in het register.")]
    public async Task An_unknown_region_municipality_or_project_gives_a_Dutch_404(string url, string detail)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_ZIP_holds_every_file_and_a_datapackage_json_that_describes_each_of_them()
    {
        var bytes = await DownloadAsync("/open-data/drenthe/open-data.zip", "application/zip");
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);

        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(["projecten.csv", "projecten-excel.csv", "projecten.geojson", "gemeenten.csv", "gemeenten-excel.csv", "gemeenten.geojson", "datapackage.json"], names);

        byte[] Read(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        Assert.Equal(await CountAsync(), Csv(Read("projecten.csv")).Rows.Count);
        var package = Json(Read("datapackage.json"));
        Assert.Equal("resmonitor-drenthe", package.GetProperty("name").GetString());
        Assert.Equal("CC-BY-4.0", package.GetProperty("licenses")[0].GetProperty("name").GetString());
        Assert.True(package.GetProperty("sources").GetArrayLength() >= 2);
        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(names.Where(n => n != "datapackage.json"), resources.Select(r => r.GetProperty("path").GetString()));
        foreach (var resource in resources)
        {
            var path = resource.GetProperty("path").GetString()!;
            Assert.Equal("utf-8", resource.GetProperty("encoding").GetString());
            Assert.False(string.IsNullOrEmpty(resource.GetProperty("mediatype").GetString()));
            Assert.False(string.IsNullOrEmpty(resource.GetProperty("format").GetString()));
            if (path.EndsWith(".csv", StringComparison.Ordinal))
            {
                var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
                Assert.Equal(Csv(Read(path)).Header, fields.Select(f => f.GetProperty("name").GetString()));
                Assert.All(fields, f => Assert.Contains(f.GetProperty("type").GetString(), new[] { "string", "number", "integer", "date", "boolean" }));
                Assert.Equal(path.Contains("excel", StringComparison.Ordinal) ? ";" : ",", resource.GetProperty("dialect").GetProperty("delimiter").GetString());
            }
        }

        var capacity = resources[0].GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "vermogen_mw");
        Assert.Equal("number", capacity.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_ZIP_follows_the_selection()
    {
        var (code, technique) = await EmptySelectionAsync();
        var bytes = await DownloadAsync($"/open-data/drenthe/open-data.zip?gemeente={code}&techniek={technique}", "application/zip");
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("projecten.csv")!.Open());

        Assert.Equal(string.Join(',', ProjectCsv.Columns) + "\r\n", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task The_DCAT_catalogue_parses_and_lists_a_distribution_for_every_download()
    {
        using var response = await Client.GetAsync("/open-data/catalogus");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rdf+xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());

        XNamespace rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", dcat = "http://www.w3.org/ns/dcat#", dct = "http://purl.org/dc/terms/";
        var dataset = Assert.Single(document.Descendants(dcat + "Dataset"));
        Assert.Single(document.Descendants(dcat + "Catalog"));
        Assert.Contains(dataset.Elements(dct + "title"), t => t.Attribute(XNamespace.Xml + "lang")?.Value == "nl");
        Assert.Contains(dataset.Elements(dct + "title"), t => t.Attribute(XNamespace.Xml + "lang")?.Value == "en");
        Assert.Contains(dataset.Elements(dct + "description"), t => t.Attribute(XNamespace.Xml + "lang")?.Value == "en");
        Assert.Equal("http://creativecommons.org/licenses/by/4.0/deed.nl", dataset.Element(dct + "license")?.Attribute(rdf + "resource")?.Value);
        Assert.NotNull(dataset.Element(dct + "publisher"));
        Assert.NotNull(dataset.Element(dcat + "contactPoint"));
        Assert.NotNull(dataset.Element(dcat + "theme"));
        Assert.NotNull(dataset.Element(dct + "spatial"));
        Assert.NotNull(dataset.Element(dct + "language"));

        await using var db = Database.CreateContext();
        var latest = await db.Projects.Where(p => p.RegionId == "drenthe").MaxAsync(p => p.SourceDate);
        Assert.Equal(latest.ToString("yyyy-MM-dd"), dataset.Element(dct + "modified")?.Value);

        var distributions = dataset.Descendants(dcat + "Distribution").ToList();
        var downloads = distributions.Select(d => d.Element(dcat + "downloadURL")?.Attribute(rdf + "resource")?.Value).OfType<string>().ToList();
        Assert.Equal(8, downloads.Count);
        Assert.Equal(9, distributions.Count);
        Assert.All(distributions, d => Assert.StartsWith("http://localhost/", d.Element(dcat + "accessURL")?.Attribute(rdf + "resource")?.Value));
        Assert.All(distributions, d => Assert.NotNull(d.Element(dcat + "mediaType")));
        Assert.All(distributions, d => Assert.StartsWith("http://publications.europa.eu/resource/authority/file-type/", d.Element(dct + "format")?.Attribute(rdf + "resource")?.Value));
        foreach (var url in downloads)
        {
            using var download = await Client.GetAsync(new Uri(url).PathAndQuery);
            Assert.True(download.StatusCode == HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task Every_open_data_endpoint_is_described_in_the_OpenAPI_document()
    {
        var document = Json(Encoding.UTF8.GetBytes(await Client.GetStringAsync("/openapi/v1.json")));
        var paths = document.GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/v1/regions/{region}/municipalities", "/api/v1/regions/{region}/municipalities/{code}",
            "/api/v1/regions/{region}/projects", "/api/v1/regions/{region}/projects/{id}",
            "/open-data/{region}/projecten.csv", "/open-data/{region}/projecten-excel.csv", "/open-data/{region}/projecten.geojson",
            "/open-data/{region}/gemeenten.csv", "/open-data/{region}/gemeenten-excel.csv", "/open-data/{region}/gemeenten.geojson",
            "/open-data/{region}/open-data.zip", "/open-data/catalogus",
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            var get = item.GetProperty("get");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()));
            Assert.False(string.IsNullOrEmpty(get.GetProperty("description").GetString()));
        }

        var parameters = paths.GetProperty("/api/v1/regions/{region}/projects").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["region", "gemeente", "techniek", "fase", "peildatum"], parameters);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_a_formula_are_neutralised_and_import_back_unchanged()
    {
        var id = "F" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(Path.GetTempPath(), $"formula-{id}.csv");
        await File.WriteAllTextAsync(path,
            "project_id,naam,techniek,gemeente,vermogen_mw,datum_idee,eigenaren,participatie,bron,peildatum\n" +
            $"{id},\"=HYPERLINK(\"\"http://example.org\"\",\"\"klik\"\")\",wind,GM0106,1,2024-01-01,+31 592 000000,@SUM(A1),-2+3,2024-06-01\n");
        try
        {
            var (code, _, error) = await Database.RunAsync("import", "projects", path);
            Assert.True(code == 0, error);

            var (header, rows, _) = Csv(await DownloadAsync("/open-data/drenthe/projecten-excel.csv?gemeente=GM0106", "text/csv"));
            var row = rows.Single(r => r[0] == id);
            Assert.Equal("'=HYPERLINK(\"http://example.org\",\"klik\")", row[Array.IndexOf(header, ProjectCsv.Name)]);
            Assert.Equal("'+31 592 000000", row[Array.IndexOf(header, ProjectCsv.Owners)]);
            Assert.Equal("'@SUM(A1)", row[Array.IndexOf(header, ProjectCsv.Participation)]);
            Assert.Equal("'-2+3", row[Array.IndexOf(header, ProjectCsv.Source)]);
            var municipalities = Encoding.UTF8.GetString(await DownloadAsync("/open-data/drenthe/gemeenten.csv", "text/csv"));
            Assert.DoesNotContain(",=", municipalities);

            // The API gives the text as it is; only spreadsheet files carry the quote.
            var project = Json(Encoding.UTF8.GetBytes(await Client.GetStringAsync($"/api/v1/regions/drenthe/projects/{id}")));
            Assert.Equal("=HYPERLINK(\"http://example.org\",\"klik\")", project.GetProperty("name").GetString());
        }
        finally
        {
            File.Delete(path);
            await using var db = Database.CreateContext();
            await db.Projects.Where(p => p.Id == id).ExecuteDeleteAsync();
            // Written past the register's own paths: raise its version as every writer must, so the site sees it.
            await Core.Register.RegisterVersionStore.RaiseAsync(db);
        }
    }

    [Fact]
    public async Task The_open_data_page_lists_every_download_the_API_the_licence_and_the_reference_date()
    {
        var html = await Client.GetStringAsync("/open-data");

        Assert.Contains("<h1 class=\"utrecht-heading-1\">Open data</h1>", html);
        foreach (var file in new[] { "projecten.csv", "projecten-excel.csv", "projecten.geojson", "gemeenten.csv", "gemeenten-excel.csv", "gemeenten.geojson", "open-data.zip" })
        {
            Assert.Contains($"href=\"/open-data/drenthe/{file}\"", html);
        }

        Assert.Contains("href=\"/openapi/v1.json\"", html);
        Assert.Contains("href=\"/open-data/catalogus\"", html);
        Assert.Contains("CC BY 4.0", html);
        Assert.Contains("1 juli 2025", html);
        Assert.Contains($"{await CountAsync()} rijen", html);

        var english = await Client.GetStringAsync("/open-data?lang=en");
        Assert.Contains("Files to download", english);
        Assert.Contains("1 July 2025", english);
    }

    [Fact]
    public async Task The_page_form_narrows_the_download_links()
    {
        var html = await Client.GetStringAsync("/open-data?gemeente=gm0106&techniek=wind&fase=");

        Assert.Contains("href=\"/open-data/drenthe/projecten.csv?gemeente=GM0106&amp;techniek=wind\"", html);
        Assert.Contains("href=\"/open-data/drenthe/gemeenten.csv?gemeente=GM0106\"", html);
        Assert.Contains("<option value=\"GM0106\" selected=\"selected\">", html);
    }

    [Theory]
    [InlineData("/open-data?fase=onzin", "fase")]
    [InlineData("/open-data?techniek=kernfusie", "techniek")]
    [InlineData("/open-data?gemeente=GM0363", "gemeente")]
    public async Task A_bad_selection_on_the_page_gives_the_Dutch_400_page_that_names_the_parameter(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"De parameter &#x27;{parameter}&#x27; kent de waarde", html);
    }

    [Fact]
    public async Task The_language_parameter_is_no_selection_error_on_the_API_or_the_downloads()
    {
        using var api = await Client.GetAsync("/api/v1/regions/drenthe/projects?lang=en&techniek=wind");
        using var file = await Client.GetAsync("/open-data/drenthe/gemeenten.csv?lang=nl");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }
}

public sealed class SqliteOpenDataTests(SqliteDatabase database) : OpenDataTests<SqliteDatabase>(database);

public sealed class PostgresOpenDataTests(PostgresDatabase database) : OpenDataTests<PostgresDatabase>(database);
