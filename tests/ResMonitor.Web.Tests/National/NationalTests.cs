using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core.Import;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Tests.National;

/// <summary>The shipped national files, read from the program itself, for the tests to compare with.</summary>
internal static class NationalFiles
{
    public static string Read(string name)
    {
        using var stream = typeof(ResMonitor.Core.National.NationalSeed).Assembly.GetManifestResourceStream($"reference/national/{name}")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>res-regions.csv as records by column name.</summary>
    public static List<Dictionary<string, string>> Regions()
    {
        var reader = new CsvReader(new StringReader(Read("res-regions.csv")));
        var header = reader.ReadHeader()!.Fields;
        return reader.ReadAll().Select(r => header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < r.Fields.Length ? r.Fields[x.i] : "")).ToList();
    }

    /// <summary>A folder holding a copy of the national files, with one of them changed.</summary>
    public static string CopyWith(string name, Func<string, string> change) => CopyWith((name, change));

    /// <summary>A folder holding a copy of the national files, with some of them changed.</summary>
    public static string CopyWith(params (string Name, Func<string, string> Change)[] changes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "resmonitor-national-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in (string[])["res-regions.csv", "gemeente-res.csv", "gemeenten-2024.geojson", "res-regions-2024.geojson"])
        {
            var text = Read(file);
            foreach (var (name, change) in changes.Where(c => c.Name == file))
            {
                text = change(text);
            }

            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }
}

/// <summary>
/// An instance seeded nationally (`seed --national`): 30 regions and 342 municipalities, each bid as the source gives it
/// (a range stays a range, a missing bid stays unknown), the national page, its CSV and JSON, the sums, and the bad
/// national files that must be refused with nothing stored.
/// </summary>
public abstract class NationalTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private Task SeedAsync() => SeedOnce.RunAsync(Database, Factory, "landelijk", SeedOnceAsync);

    private static async Task SeedOnceAsync(TestDatabase database)
    {
        var seed = await database.RunAsync("seed", "--national");
        Assert.True(seed.Code == 0, seed.Error);
        Assert.Contains("30 RES-regio's", seed.Output);

        // One real-looking park in Groningen with a measured yield, so that a second region has figures of its own.
        var file = Path.Combine(Path.GetTempPath(), $"groningen-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "project_id,naam,techniek,gemeente,vermogen_mw,datum_in_procedure,datum_vergund,datum_gerealiseerd,gemeten_opbrengst,opbrengst_eenheid,opbrengst_jaar,lokaal_eigendom_pct,bron,peildatum\n" +
            "GR-TEST-1,Testpark Groningen,wind,GM0014,10,2021-09-01,2022-03-01,2024-05-01,25000,MWh,2025,40,Testgegevens,2025-07-01\n" +
            "GR-TEST-2,Testveld Groningen,zon op land,GM0014,5,2022-09-01,2024-06-01,,,,,100,Testgegevens,2025-07-01\n");
        var import = await database.RunAsync("import", "projects", file, "--region", "groningen");
        Assert.True(import.Code == 0, import.Error + import.Output);
    }

    private async Task<(int Regions, int Bids, int Municipalities, int Targets)> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Regions.CountAsync(), await db.RegionBids.CountAsync(),
            await db.Organisations.CountAsync(o => o.Kind == ResMonitor.Core.Regions.OrganisationKind.Municipality), await db.Targets.CountAsync());
    }

    [Fact]
    public async Task A_national_seed_gives_30_regions_and_342_municipalities_and_seeding_again_changes_nothing()
    {
        await SeedAsync();
        var before = await CountsAsync();
        Assert.Equal(30, before.Regions);
        Assert.Equal(30, before.Bids);
        Assert.Equal(342, before.Municipalities);

        var again = await Database.RunAsync("seed", "--national");
        Assert.True(again.Code == 0, again.Error);
        Assert.Equal(before, await CountsAsync());

        // Drenthe keeps its own reference data: its name, its targets per technique and its real parks.
        await using var db = Database.CreateContext();
        Assert.Equal("RES regio Drenthe", (await db.Regions.SingleAsync(r => r.Id == "drenthe")).Name);
        Assert.Equal("ES03", (await db.RegionBids.SingleAsync(b => b.RegionId == "drenthe")).Code);
        Assert.True(await db.Targets.CountAsync(t => t.RegionId == "drenthe" && t.Technique != null && t.MunicipalityId == null) >= 3);
        Assert.Equal(18, await db.Projects.CountAsync(p => p.RegionId == "drenthe" && !p.IsExample));
        Assert.Equal(10, await db.Organisations.CountAsync(o => o.RegionId == "groningen"));
    }

    [Fact]
    public async Task The_stored_bids_and_sources_equal_res_regions_csv()
    {
        await SeedAsync();
        await using var db = Database.CreateContext();
        var bids = await db.RegionBids.ToDictionaryAsync(b => b.Code);
        decimal? Mwh(string text) => text.Length == 0 ? null : decimal.Parse(text, CultureInfo.InvariantCulture) * 1_000_000m;
        foreach (var row in NationalFiles.Regions())
        {
            var bid = bids[row["res_code"]];
            Assert.Equal(Mwh(row["bid_twh_res1"]), bid.BidMwh);
            Assert.Equal(Mwh(row["bid_twh_low"]), bid.LowMwh);
            Assert.Equal(Mwh(row["bid_twh_high"]), bid.HighMwh);
            Assert.Equal(row["source"], bid.Source);
            Assert.Equal(row["bid_mark"], bid.Mark);
            Assert.Equal(row["note"], bid.Note ?? "");
        }

        // Never zero: the three regions without a figure have none at all.
        Assert.Equal(["ES19", "ES21", "ES27"], bids.Values.Where(b => b.Kind == ResMonitor.Core.National.BidKind.Unknown).Select(b => b.Code).Order());
        Assert.Equal(["ES20", "ES23"], bids.Values.Where(b => b.Kind == ResMonitor.Core.National.BidKind.Range).Select(b => b.Code).Order());
        Assert.DoesNotContain(bids.Values, b => b.BidMwh == 0 || b.LowMwh == 0 || b.HighMwh == 0);
    }

    [Fact]
    public async Task The_national_page_shows_ranges_and_unknown_bids_as_such_and_links_each_region()
    {
        await SeedAsync();
        var response = await Client.GetAsync("/landelijk");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        string Row(string region)
        {
            var start = html.IndexOf($"data-region=\"{region}\"", StringComparison.Ordinal);
            Assert.True(start > 0, $"no row for {region}");
            return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        }

        Assert.Contains("2,80–3,20 TWh", Row("rotterdam-den-haag"));
        Assert.Contains("0,376–0,476 TWh", Row("hoeksche-waard"));
        Assert.Contains("onzeker", Row("hoeksche-waard"));
        foreach (var unknown in (string[])["goeree-overflakkee", "holland-rijnland", "noordoost-brabant"])
        {
            Assert.Contains("onbekend", Row(unknown));
            Assert.DoesNotContain("0,00 TWh", Row(unknown));
        }

        Assert.Contains("5,70 TWh", Row("groningen"));
        Assert.Contains("href=\"/groningen\"", Row("groningen"));
        Assert.Contains("nog geen projecten geregistreerd", Row("zeeland"));
        // The national sums warn that regions without any registered project do not count yet.
        var empty = System.Text.RegularExpressions.Regex.Count(html, "rm-national-empty\" colspan=\"4\"");
        Assert.InRange(empty, 1, 29);
        Assert.Contains($"Let op: {empty} van de 30 regio's hebben nog geen projecten in het register.", html);
        // How current the projects are: the newest source, not today's date.
        Assert.Matches(@"Stand van de projecten: de registers van de regio's; de nieuwste bron is van \d{1,2} [a-z]+ \d{4}\.", html);
        Assert.Contains("1 van 10 gemeenten", Row("groningen"));
        // Groningen has no full-load hours: its solar field in procedure has no yield, and the row says so.
        Assert.Contains("2 projecten, waarvan 1 zonder opbrengst", Row("groningen"));
        Assert.Contains("https://www.resgroningen.nl/default.aspx", Row("groningen"));
        // The sums: 25 single bids, 2 ranges, 3 unknown; the band of the bids 51,2 to 51,9 TWh.
        Assert.Contains("25 regio's noemen één getal (samen 48,0 TWh), 2 een bandbreedte; van 3 regio's is het bod onbekend", html);
        Assert.Contains("51,2 tot 51,9 TWh", html);
        Assert.Contains("Landelijk doel 2030: 35 TWh", html);
        // The map: an SVG with a link per region, and a legend; the menu has the page.
        Assert.Contains("<svg class=\"rm-map\"", html);
        Assert.Contains("aria-label=\"Zeeland: nog geen projecten geregistreerd\"", html);
        Assert.Contains("bod onbekend of nog geen projecten", html);
        Assert.Contains("href=\"/landelijk\" aria-current=\"page\"", html);
        // The comparison states each counting rule.
        Assert.Contains("Vergund vóór 2025", html);
        Assert.Contains("De opbrengst die door vastgelegde planuitval wegvalt", html);
    }

    [Fact]
    public async Task The_csv_and_json_give_ranges_and_unknown_bids_as_such()
    {
        await SeedAsync();
        var csv = await Client.GetStringAsync("/open-data/landelijk/regios.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(31, lines.Length);
        var reader = new CsvReader(new StringReader(csv));
        var header = reader.ReadHeader()!.Fields.ToList();
        var rows = reader.ReadAll().ToDictionary(r => r.Fields[0], r => r.Fields);
        string Cell(string code, string column) => rows[code][header.IndexOf(column)];
        Assert.Equal("onbekend", Cell("ES19", "bod_soort"));
        Assert.Equal("", Cell("ES19", "bod_twh"));
        Assert.Equal("", Cell("ES19", "nog_in_te_vullen_laag_mwh"));
        Assert.Equal("bandbreedte", Cell("ES23", "bod_soort"));
        Assert.Equal("2.8", Cell("ES23", "bod_laag_twh"));
        Assert.Equal("3.2", Cell("ES23", "bod_hoog_twh"));
        Assert.Equal("getal", Cell("ES01", "bod_soort"));
        Assert.Equal("5.7", Cell("ES01", "bod_twh"));

        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/national"));
        var regions = json.RootElement.GetProperty("regions").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(30, regions.Count);
        Assert.Equal("onbekend", regions["ES27"].GetProperty("bid").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, regions["ES27"].GetProperty("bid").GetProperty("bidMwh").ValueKind);
        Assert.Equal("bandbreedte", regions["ES20"].GetProperty("bid").GetProperty("kind").GetString());
        Assert.Equal(376_000m, regions["ES20"].GetProperty("bid").GetProperty("lowMwh").GetDecimal());
        Assert.Equal(476_000m, regions["ES20"].GetProperty("bid").GetProperty("highMwh").GetDecimal());
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("unknownBids").GetInt32());
        Assert.Equal(48_005_000m, totals.GetProperty("singleBidsMwh").GetDecimal());
    }

    [Fact]
    public async Task The_open_data_package_holds_the_national_table_with_its_columns_described()
    {
        await SeedAsync();
        await using var zipStream = await Client.GetStreamAsync("/open-data/drenthe/open-data.zip");
        using var zip = new System.IO.Compression.ZipArchive(zipStream);
        var entry = zip.GetEntry("landelijk-regios.csv");
        Assert.NotNull(entry);
        using (var reader = new StreamReader(entry.Open()))
        {
            var csv = await reader.ReadToEndAsync();
            Assert.Equal(await Client.GetStringAsync("/open-data/landelijk/regios.csv"), csv);
        }

        using var descriptor = new StreamReader(zip.GetEntry("datapackage.json")!.Open());
        using var package = JsonDocument.Parse(await descriptor.ReadToEndAsync());
        var resource = package.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("path").GetString() == "landelijk-regios.csv");
        Assert.Contains(resource.GetProperty("schema").GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "bod_soort");
    }

    [Fact]
    public async Task The_national_sums_equal_the_sum_of_the_regions_figures()
    {
        await SeedAsync();
        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/national"));
        var totals = json.RootElement.GetProperty("totals");
        var regions = json.RootElement.GetProperty("regions").EnumerateArray().ToList();
        decimal realised = 0, pipeline = 0;
        foreach (var region in regions)
        {
            // Each region's own overview, as its own API publishes it, is what the national table shows.
            using var summary = JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/regions/{region.GetProperty("region").GetString()}/summary"));
            var total = summary.RootElement.GetProperty("total");
            Assert.Equal(total.GetProperty("realisedMwh").GetDecimal(), region.GetProperty("realisedMwh").GetDecimal());
            Assert.Equal(total.GetProperty("pipelineMwh").GetDecimal(), region.GetProperty("pipelineMwh").GetDecimal());
            realised += total.GetProperty("realisedMwh").GetDecimal();
            pipeline += total.GetProperty("pipelineMwh").GetDecimal();
        }

        Assert.Equal(realised, totals.GetProperty("realisedMwh").GetDecimal());
        Assert.Equal(pipeline, totals.GetProperty("pipelineMwh").GetDecimal());
        Assert.Equal(regions.Sum(r => r.GetProperty("projects").GetInt32()), totals.GetProperty("projects").GetInt32());
        Assert.Equal(342, totals.GetProperty("municipalities").GetInt32());
        var groningen = regions.Single(r => r.GetProperty("code").GetString() == "ES01");
        Assert.Equal(25_000m, groningen.GetProperty("realisedMwh").GetDecimal());
        Assert.True(realised > 25_000m);
    }

    [Fact]
    public async Task A_regions_home_page_compares_it_with_the_national_average()
    {
        await SeedAsync();
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/groningen"));
        Assert.Contains("Ten opzichte van het landelijk gemiddelde", html);
        Assert.Contains("Groningen heeft 0% van haar RES 1.0-bod gerealiseerd; het landelijk gemiddelde is", html);
        Assert.Contains("href=\"/landelijk\"", html);
        // Every figure of the comparison with its source and date: the region's bid, the registers, the national target.
        Assert.Contains("Bron: het bod van Groningen: https://www.resgroningen.nl/default.aspx; de registers van de regio's, de nieuwste bron is van", html);
        Assert.Contains("landelijk doel: Klimaatakkoord (2019), hoofdstuk Elektriciteit: 35 TWh duurzame opwek op land (wind en zon > 15 kWp) in 2030 (28 juni 2019).", html);
        Assert.Matches(@"gerealiseerd tegen het landelijke doel van 35 TWh; \d+ van de 30 regio's hebben nog geen projecten in het register, dus dat getal is te laag\.", html);

        // A region without projects says so instead of a share of 0%.
        var zeeland = WebUtility.HtmlDecode(await Client.GetStringAsync("/zeeland"));
        Assert.Contains("Voor Zeeland zijn nog geen projecten geregistreerd, dus nog geen aandeel van het bod", zeeland);
        Assert.DoesNotContain("Zeeland heeft 0%", zeeland);
    }

    [Fact]
    public async Task A_bid_row_whose_region_code_does_not_exist_is_refused_with_nothing_stored()
    {
        await SeedAsync();
        var before = await CountsAsync();
        var folder = NationalFiles.CopyWith("res-regions.csv", csv => csv.Replace("\nES30,Zuid-Limburg,", "\nES31,Zuid-Limburg,", StringComparison.Ordinal));
        var result = await Database.RunAsync("seed", "--national", "--national-folder", folder);
        Assert.Equal(1, result.Code);
        Assert.Contains("res-regions.csv, regel 31: de regiocode ES31 bestaat niet", result.Error);
        Assert.Contains("Er is niets opgeslagen.", result.Error);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_municipality_in_two_regions_is_refused_with_nothing_stored()
    {
        await SeedAsync();
        var before = await CountsAsync();
        var folder = NationalFiles.CopyWith("gemeente-res.csv", csv => csv + "GM0014,Groningen,Fryslân,ES02,[V],1.000,\n");
        var result = await Database.RunAsync("seed", "--national", "--national-folder", folder);
        Assert.Equal(1, result.Code);
        Assert.Contains("gemeente-res.csv, regel 344: gemeente GM0014 (Groningen) staat in twee regio's: ES01 (regel 2) en ES02", result.Error);
        Assert.Equal(before, await CountsAsync());

        // Also against the register: Drenthe's Assen moved to Groningen in the file.
        var moved = NationalFiles.CopyWith(
            ("gemeente-res.csv", csv => csv.Replace("GM0106,Assen,Drenthe,ES03", "GM0106,Assen,Groningen,ES01", StringComparison.Ordinal)),
            ("res-regions.csv", csv => csv.Replace("Groningen,Groningen,10\n", "Groningen,Groningen,11\n", StringComparison.Ordinal)
                .Replace("Drenthe,Drenthe,12\n", "Drenthe,Drenthe,11\n", StringComparison.Ordinal)));
        var second = await Database.RunAsync("seed", "--national", "--national-folder", moved);
        Assert.Equal(1, second.Code);
        Assert.Contains("gemeente GM0106 (Assen) hoort volgens dit bestand bij ES01 ('groningen'), maar het register heeft haar al in regio 'drenthe'", second.Error);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_boundary_file_whose_codes_do_not_match_the_municipalities_is_refused_with_nothing_stored()
    {
        await SeedAsync();
        var before = await CountsAsync();
        var folder = NationalFiles.CopyWith("gemeenten-2024.geojson", geo => geo.Replace("\"statcode\": \"GM0014\"", "\"statcode\": \"GM9999\"", StringComparison.Ordinal)
            .Replace("\"statcode\":\"GM0014\"", "\"statcode\":\"GM9999\"", StringComparison.Ordinal));
        var result = await Database.RunAsync("seed", "--national", "--national-folder", folder);
        Assert.Equal(1, result.Code);
        Assert.Contains("gemeente GM0014 (Groningen) heeft geen grens in gemeenten-2024.geojson: de codes van het grenzenbestand passen niet bij de gemeenten", result.Error);
        Assert.Equal(before, await CountsAsync());
    }
}

public sealed class SqliteNationalTests(SqliteDatabase database) : NationalTests<SqliteDatabase>(database);

public sealed class PostgresNationalTests(PostgresDatabase database) : NationalTests<PostgresDatabase>(database);

/// <summary>One region stays the default: no national page, no menu entry, no comparison; `seed --regions` adds only the chosen ones.</summary>
public abstract class ChosenRegionsTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task One_region_has_no_national_page_and_seed_regions_adds_only_the_chosen_ones()
    {
        var single = await Client.GetAsync("/landelijk");
        Assert.Equal(HttpStatusCode.NotFound, single.StatusCode);
        var home = await Client.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/landelijk\"", home);
        Assert.DoesNotContain("landelijk gemiddelde", home);

        var unknown = await Database.RunAsync("seed", "--regions", "ES01,ES99");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("ES99", unknown.Error);

        var seed = await Database.RunAsync("seed", "--regions", "ES01,ES03");
        Assert.True(seed.Code == 0, seed.Error);
        await using var db = Database.CreateContext();
        Assert.Equal(["drenthe", "groningen"], (await db.Regions.Select(r => r.Id).ToListAsync()).Order());
        Assert.Equal(22, await db.Organisations.CountAsync(o => o.Kind == ResMonitor.Core.Regions.OrganisationKind.Municipality));
        Factory.Services.GetRequiredService<RegisterVersion>().Observe(await RegisterVersionStore.ReadAsync(db));

        var page = await Client.GetAsync("/landelijk");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/groningen\"", html);
        Assert.DoesNotContain("href=\"/zeeland\"", html);
    }
}

public sealed class SqliteChosenRegionsTests(SqliteDatabase database) : ChosenRegionsTests<SqliteDatabase>(database);

public sealed class PostgresChosenRegionsTests(PostgresDatabase database) : ChosenRegionsTests<PostgresDatabase>(database);
