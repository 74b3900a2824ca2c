using System.Text;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Importing projects through `resmonitor import projects`: good files land whole, bad files land not at all and
/// the report says what is wrong and where. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class ImportTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private const string Header = "project_id,naam,techniek,gemeente,vermogen_mw,datum_in_procedure,datum_vergund,datum_gerealiseerd";

    private async Task<(int Code, string Output, string Error)> ImportAsync(string content, bool dryRun = false, bool bom = false, string? name = null)
    {
        var path = Path.Combine(Path.GetTempPath(), name ?? $"import-{Guid.NewGuid():N}.csv");
        var bytes = Encoding.UTF8.GetBytes(content);
        await File.WriteAllBytesAsync(path, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        try
        {
            return dryRun ? await database.RunAsync("import", "projects", path, "--dry-run") : await database.RunAsync("import", "projects", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<int> CountAsync(string prefix)
    {
        await using var db = database.CreateContext();
        return await db.Projects.CountAsync(p => p.Id.StartsWith(prefix));
    }

    private static string Prefix() => "T" + Guid.NewGuid().ToString("N")[..8] + "-";

    /// <summary>Asserts a refused import: exit code 1, the message names line and column, and nothing is stored.</summary>
    private async Task AssertRefused(string prefix, string content, string expected)
    {
        var (code, _, error) = await ImportAsync(content);
        Assert.Equal(1, code);
        Assert.Contains(expected, error);
        Assert.Contains("Er is niets opgeslagen", error);
        Assert.Equal(0, await CountAsync(prefix));
    }

    [Fact]
    public async Task A_good_file_stores_every_project_with_its_history_permit_and_converted_location()
    {
        var p = Prefix();
        var (code, output, error) = await ImportAsync(
            "project_id;naam;techniek;gemeente;vermogen_mw;rd_x;rd_y;datum_in_procedure;datum_vergund;datum_gerealiseerd;vergunning_verleend;lokaal_eigendom_pct\n" +
            $"{p}1;Windpark Test;wind;GM0114;\"42,5\";253000;533000;2019-01-01;2020-06-15;2023-09-01;2020-06-15;50\n" +
            $"{p}2;Zonnepark Test;zon op land;gm0106;12.5;;;1-3-2021;;;;\n");

        Assert.True(code == 0, error);
        Assert.Contains("2 projecten ingelezen", output);
        await using var db = database.CreateContext();
        var wind = await db.Projects.Include(x => x.PhaseHistory).Include(x => x.Permits).Include(x => x.Municipality).SingleAsync(x => x.Id == p + "1");
        Assert.Equal(42.5m, wind.CapacityMw);
        Assert.Equal("Emmen", wind.Municipality!.Name);
        Assert.Equal(Phase.Realised, wind.Phase);
        Assert.Equal(new DateOnly(2023, 9, 1), wind.PhaseDate);
        Assert.Equal([Phase.InProcedure, Phase.Permitted, Phase.Realised], wind.PhaseHistory.OrderBy(h => h.Date).Select(h => h.Phase));
        Assert.Equal(CompetentAuthority.Province, Assert.Single(wind.Permits).CompetentAuthority);
        Assert.InRange(wind.Latitude!.Value, 52.7, 52.8);
        Assert.InRange(wind.Longitude!.Value, 6.8, 6.95);
        var solar = await db.Projects.SingleAsync(x => x.Id == p + "2");
        Assert.Equal(12.5m, solar.CapacityMw);
        Assert.Equal(Phase.InProcedure, solar.Phase);
        Assert.False(solar.IsExample);
        // Without a bron column the public source says who imported it and when, never the (internal) file name.
        Assert.Equal("Import door het werkbureau op 1 december 2026", solar.Source);
    }

    [Fact]
    public async Task A_missing_column_is_named_and_nothing_is_stored()
    {
        var p = Prefix();
        await AssertRefused(p, $"project_id,naam,techniek,datum_vergund\n{p}1,X,wind,2020-01-01\n",
            "Regel 1, kolom gemeente: De verplichte kolom 'gemeente' ontbreekt.");
    }

    [Fact]
    public async Task An_unknown_municipality_code_is_refused()
    {
        var p = Prefix();
        await AssertRefused(p, $"{Header}\n{p}1,X,wind,GM0363,10,2020-01-01,,\n",
            "Regel 2, kolom gemeente: Onbekende gemeentecode 'GM0363'");
    }

    [Theory]
    [InlineData("-5", "groter dan 0 MW")]
    [InlineData("0", "groter dan 0 MW")]
    [InlineData("2500", "onwaarschijnlijk groot")]
    [InlineData("tien", "'tien' is geen getal")]
    [InlineData("\"1,234\"", "dubbelzinnig")]
    public async Task A_bad_capacity_is_refused_with_the_reason(string capacity, string reason)
    {
        var p = Prefix();
        await AssertRefused(p, $"{Header}\n{p}1,X,wind,GM0106,{capacity},2020-01-01,,\n", "Regel 2, kolom vermogen_mw: ");
        var (_, _, error) = await ImportAsync($"{Header}\n{p}1,X,wind,GM0106,{capacity},2020-01-01,,\n");
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task A_yield_without_unit_is_refused()
    {
        var p = Prefix();
        await AssertRefused(p, $"project_id,naam,techniek,gemeente,vermogen_mw,datum_gerealiseerd,gemeten_opbrengst\n{p}1,X,wind,GM0106,10,2020-01-01,28000\n",
            "Regel 2, kolom opbrengst_eenheid: Bij een gemeten opbrengst hoort een eenheid");
    }

    [Fact]
    public async Task The_import_applies_the_editors_rules_for_the_yield_year_and_text_lengths()
    {
        // One set of project rules: what the editor refuses, a file refuses too, named by line and column.
        var p = Prefix();
        var owners = new string('x', ProjectRules.MaxTextLength + 1);
        await AssertRefused(p,
            $"project_id,naam,techniek,gemeente,vermogen_mw,datum_gerealiseerd,gemeten_opbrengst,opbrengst_eenheid,opbrengst_jaar,eigenaren\n" +
            $"{p}1,X,wind,GM0106,10,2020-01-01,28000,MWh,1890,\n{p}2,Y,wind,GM0106,10,2020-01-01,,,,{owners}\n",
            "Regel 2, kolom opbrengst_jaar: Het jaar van de meting moet tussen 1990 en");
        var (_, _, error) = await ImportAsync(
            $"project_id,naam,techniek,gemeente,vermogen_mw,datum_gerealiseerd,eigenaren\n{p}2,Y,wind,GM0106,10,2020-01-01,{owners}\n");
        Assert.Contains("Regel 2, kolom eigenaren: De eigenaren is langer dan 2.000 tekens.", error);
    }

    [Fact]
    public async Task A_CSV_field_whose_quotes_are_not_closed_properly_is_refused_with_its_line()
    {
        var p = Prefix();
        await AssertRefused(p, $"{Header}\n{p}1,X,wind,GM0106,10,,,\n{p}2,\"Y\"z,wind,GM0106,10,,,\n", "Regel 3: een veld tussen aanhalingstekens");
    }

    [Fact]
    public async Task A_measured_yield_with_unit_is_stored_in_MWh()
    {
        var p = Prefix();
        var (code, _, error) = await ImportAsync(
            $"project_id,naam,techniek,gemeente,vermogen_mw,datum_gerealiseerd,gemeten_opbrengst,opbrengst_eenheid,opbrengst_jaar\n{p}1,X,wind,GM0106,10,2020-01-01,\"28,5\",GWh,2024\n");

        Assert.True(code == 0, error);
        await using var db = database.CreateContext();
        var project = await db.Projects.SingleAsync(x => x.Id == p + "1");
        Assert.Equal(28_500m, project.MeasuredYieldMwh);
        Assert.Equal(2024, project.MeasuredYieldYear);
    }

    [Fact]
    public async Task A_duplicate_id_within_the_file_points_to_the_first_line()
    {
        var p = Prefix();
        await AssertRefused(p, $"{Header}\n{p}1,X,wind,GM0106,10,2020-01-01,,\n{p}2,Y,wind,GM0106,10,2020-01-01,,\n{p}1,Z,wind,GM0106,10,2020-01-01,,\n",
            $"Regel 4, kolom project_id: Project-id '{p}1' staat ook al op regel 2 van dit bestand.");
    }

    [Fact]
    public async Task An_id_that_is_already_in_the_register_updates_that_project()
    {
        var p = Prefix();
        var first = await ImportAsync($"{Header}\n{p}1,X,wind,GM0106,10,2020-01-01,,\n");
        Assert.Equal(0, first.Code);

        var (code, output, error) = await ImportAsync($"{Header}\n{p}2,Y,wind,GM0106,10,2020-01-01,,\n{p}1,X again,wind,GM0106,10,2020-01-01,,\n");

        Assert.True(code == 0, error);
        Assert.Contains("1 nieuw, 1 gewijzigd", output);
        Assert.Contains("naam: X → X again", output);
        Assert.Equal(2, await CountAsync(p));
        await using var db = database.CreateContext();
        Assert.Equal("X again", (await db.Projects.SingleAsync(x => x.Id == p + "1")).Name);
    }

    [Fact]
    public async Task A_date_in_the_future_is_refused()
    {
        var p = Prefix();
        var future = TestClock.Today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await AssertRefused(p, $"{Header}\n{p}1,X,wind,GM0106,10,{future},,\n", "Regel 2, kolom datum_in_procedure: De datum");
    }

    [Fact]
    public async Task Dates_out_of_order_are_refused()
    {
        var p = Prefix();
        await AssertRefused(p, $"{Header}\n{p}1,X,wind,GM0106,10,2022-01-01,2021-01-01,\n",
            "Regel 2, kolom datum_vergund: 'vergund' (1 januari 2021) ligt vóór 'in procedure' (1 januari 2022).");
    }

    [Fact]
    public async Task RD_coordinates_outside_the_Netherlands_are_refused()
    {
        var p = Prefix();
        await AssertRefused(p, $"project_id,naam,techniek,gemeente,vermogen_mw,rd_x,rd_y,datum_vergund\n{p}1,X,wind,GM0106,10,450000,557000,2020-01-01\n",
            "Regel 2, kolom rd_x: De RD-coördinaten");
    }

    [Fact]
    public async Task Every_bad_row_is_reported_and_a_single_bad_row_stops_the_whole_file()
    {
        var p = Prefix();
        var (code, _, error) = await ImportAsync(
            $"{Header}\n{p}1,Goed,wind,GM0106,10,2020-01-01,,\n{p}2,Fout,wind,GM9999,10,2020-01-01,,\n{p}3,Goed,wind,GM0106,10,2020-01-01,,\n{p}4,Fout,kolen,GM0106,-1,2020-01-01,,\n");

        Assert.Equal(1, code);
        Assert.Contains("2 van 4 regels kloppen niet", error);
        Assert.Contains("Regel 3, kolom gemeente", error);
        Assert.Contains("Regel 5, kolom techniek: Onbekende techniek 'kolen'", error);
        Assert.Contains("Regel 5, kolom vermogen_mw", error);
        Assert.Equal(0, await CountAsync(p));
    }

    [Fact]
    public async Task Excel_files_with_BOM_semicolons_and_decimal_commas_are_read()
    {
        var p = Prefix();
        var (code, _, error) = await ImportAsync(
            $"project_id;naam;techniek;gemeente;vermogen_mw;datum_vergund;eigenaren\r\n{p}1;Zonnepark Coöperatie;zon op land;GM0119;7,25;1-2-2022;Energiecoöperatie Meppel\r\n", bom: true);

        Assert.True(code == 0, error);
        await using var db = database.CreateContext();
        var project = await db.Projects.SingleAsync(x => x.Id == p + "1");
        Assert.Equal("Zonnepark Coöperatie", project.Name);
        Assert.Equal(7.25m, project.CapacityMw);
        Assert.Equal(new DateOnly(2022, 2, 1), project.PhaseDate);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_with_advice()
    {
        var path = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.csv");
        var p = Prefix();
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes($"{Header}\n{p}1,Coöperatie,wind,GM0106,10,2020-01-01,,\n"));
        var (code, _, error) = await database.RunAsync("import", "projects", path);
        File.Delete(path);

        Assert.Equal(1, code);
        Assert.Contains("geen UTF-8", error);
        Assert.Equal(0, await CountAsync(p));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var (code, _, error) = await ImportAsync("");
        Assert.Equal(1, code);
        Assert.Contains("Het bestand is leeg", error);

        (code, _, error) = await ImportAsync(Header + "\n");
        Assert.Equal(1, code);
        Assert.Contains("alleen een kopregel", error);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_reading()
    {
        var p = Prefix();
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, $"{Header}\n{p}1,X,wind,GM0106,10,2020-01-01,,\n" + new string('#', 2000));
        await using (var db = database.CreateContext())
        {
            var importer = new Core.Import.ProjectImporter(db, new Core.Import.ImportOptions { MaxFileBytes = 1000 }, database.Clock);
            var report = await importer.ImportFileAsync("drenthe", path, dryRun: false);

            Assert.False(report.Succeeded);
            Assert.Equal("Het bestand is 2,1 kB groot; de grens is 1.000 bytes. Er is niets ingelezen.", Assert.Single(report.Errors).Message);
        }

        File.Delete(path);
        Assert.Equal(0, await CountAsync(p));
    }

    [Fact]
    public async Task A_long_file_with_one_bad_byte_near_its_end_stores_nothing()
    {
        var p = Prefix();
        var rows = string.Concat(Enumerable.Range(1, 3000).Select(i => $"{p}{i},Zonnepark {i},zon op land,GM0106,\"1,5\",2020-01-01,,\n"));
        var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, [.. Encoding.UTF8.GetBytes($"{Header}\n{rows}{p}x,Co"), 0xF6, .. "peratie,wind,GM0106,10,2020-01-01,,\n"u8]);
        try
        {
            var (code, _, error) = await database.RunAsync("import", "projects", path);

            Assert.Equal(1, code);
            Assert.Contains("geen UTF-8", error);
            Assert.Equal(0, await CountAsync(p));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_blank_first_line_is_reported_as_a_header_without_names()
    {
        var p = Prefix();
        await AssertRefused(p, $"\n{Header}\n{p}1,X,wind,GM0106,10,2020-01-01,,\n", "Regel 1, kolom 1: Deze kolom heeft geen naam.");
    }

    [Fact]
    public async Task A_dry_run_reports_and_stores_nothing()
    {
        var p = Prefix();
        var (code, output, _) = await ImportAsync($"{Header}\n{p}1,X,wind,GM0106,10,2020-01-01,,\n", dryRun: true);

        Assert.Equal(0, code);
        Assert.Contains("Proefdraai: er is niets opgeslagen", output);
        Assert.Equal(0, await CountAsync(p));

        var bad = await ImportAsync($"{Header}\n{p}1,X,wind,GM0106,-3,2020-01-01,,\n", dryRun: true);
        Assert.Equal(1, bad.Code);
        Assert.Contains("Regel 2, kolom vermogen_mw", bad.Error);
    }

    [Fact]
    public async Task An_unknown_column_is_refused_so_that_a_typo_never_drops_data()
    {
        var p = Prefix();
        await AssertRefused(p, $"{Header},vermogen_kw\n{p}1,X,wind,GM0106,10,2020-01-01,,,5\n", "Regel 1, kolom vermogen_kw: Onbekende kolom");
    }

    [Fact]
    public async Task A_stated_competent_authority_that_contradicts_the_rule_is_refused()
    {
        var p = Prefix();
        await AssertRefused(p, $"project_id,naam,techniek,gemeente,vermogen_mw,datum_vergund,bevoegd_gezag\n{p}1,X,wind,GM0106,30,2020-01-01,gemeente\n",
            "Regel 2, kolom bevoegd_gezag: Bevoegd gezag 'gemeente' past niet bij de regel: Provincie");
    }
}

public sealed class SqliteImportTests(SqliteDatabase database) : ImportTests<SqliteDatabase>(database);

public sealed class PostgresImportTests(PostgresDatabase database) : ImportTests<PostgresDatabase>(database);
