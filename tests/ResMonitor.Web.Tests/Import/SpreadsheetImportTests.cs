using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>
/// A spreadsheet as a civil servant makes it: semicolons, decimal commas, Dutch headers, municipality names, a status
/// with its date, no ids. Recognised headers, municipality names, generated stable ids, possible duplicates held back,
/// and each bad input with a clear message and nothing stored. SQLite and PostgreSQL.
/// </summary>
public abstract class SpreadsheetImportTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private const string Header = "Naam project;Techniek;Gemeente;Vermogen (MW);Status;Datum";

    private async Task<ImportReport> ImportAsync(string content, bool dryRun = false, string name = "opgave-vrijdag.csv",
        IReadOnlyDictionary<string, DuplicateDecision>? decisions = null)
    {
        await using var db = database.CreateContext();
        var importer = new ProjectImporter(db, new ImportOptions(), database.Clock);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await importer.ImportAsync(new ImportRequest("drenthe", name, dryRun) { Decisions = decisions ?? new Dictionary<string, DuplicateDecision>() }, stream, stream.Length);
    }

    private async Task<ImportReport> ImportBytesAsync(byte[] content, string name)
    {
        await using var db = database.CreateContext();
        var importer = new ProjectImporter(db, new ImportOptions(), database.Clock);
        using var stream = new MemoryStream(content);
        return await importer.ImportAsync(new ImportRequest("drenthe", name, false), stream, stream.Length);
    }

    private async Task<Project?> FindAsync(string name)
    {
        await using var db = database.CreateContext();
        return await db.Projects.Include(p => p.Municipality).Include(p => p.PhaseHistory).SingleOrDefaultAsync(p => p.Name == name);
    }

    private async Task<int> CountAsync(string nameContains)
    {
        await using var db = database.CreateContext();
        return await db.Projects.CountAsync(p => p.Name.Contains(nameContains));
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static string Messages(ImportReport report) => string.Join("\n", report.Errors);

    [Fact]
    public async Task A_civil_servants_spreadsheet_imports_with_names_status_and_generated_ids_and_again_changes_nothing()
    {
        var u = Unique();
        var file = $"{Header}\n" +
                   $"Zonnepark Veld {u};Zon;Borger-Odoorn;12,5;In bedrijf;3-4-2023\n" +
                   $"Windpark Dijk {u};Wind;aa en hunze;33,6;Vergund;15-6-2024\n" +
                   $"Zonnedak Sporthal {u};Zon op dak;GM0106;0,35;In procedure;1-2-2025\n";

        var report = await ImportAsync(file);

        Assert.True(report.Succeeded, Messages(report));
        Assert.Equal(3, report.Added.Count);
        Assert.All(report.Added, a => Assert.True(a.Generated));
        Assert.Contains(report.Added, a => a.ProjectId == $"drenthe-gm1681-zonnepark-veld-{u}");
        var solar = await FindAsync($"Zonnepark Veld {u}");
        Assert.NotNull(solar);
        Assert.Equal(("Borger-Odoorn", Technique.SolarOnLand, 12.5m, Phase.Realised, new DateOnly(2023, 4, 3)),
            (solar.Municipality!.Name, solar.Technique, solar.CapacityMw, solar.Phase, solar.PhaseDate!.Value));
        Assert.Equal("Import door het werkbureau op 1 december 2026", solar.Source);
        Assert.DoesNotContain("opgave-vrijdag", solar.Source);
        var wind = await FindAsync($"Windpark Dijk {u}");
        Assert.Equal(("Aa en Hunze", Technique.Wind, Phase.Permitted), (wind!.Municipality!.Name, wind.Technique, wind.Phase));
        Assert.Equal(Technique.SolarOnRoof, (await FindAsync($"Zonnedak Sporthal {u}"))!.Technique);

        // The same file again: the same ids, so nothing is added twice.
        var again = await ImportAsync(file, name: "opgave-vrijdag-2.csv");

        Assert.True(again.Succeeded, Messages(again));
        Assert.Empty(again.Added);
        Assert.Empty(again.HeldBack);
        Assert.Equal(3, again.Unchanged);
        Assert.Equal(1, await CountAsync($"Zonnepark Veld {u}"));
    }

    [Fact]
    public async Task A_status_that_moves_on_updates_the_project_found_by_name_and_municipality()
    {
        var u = Unique();
        Assert.True((await ImportAsync($"{Header}\nZonnepark Brink {u};zon op land;Coevorden;8,2;Vergund;1-3-2024\n")).Succeeded);

        var report = await ImportAsync($"{Header}\nZonnepark Brink {u};Zon;gemeente Coevorden;8,2;Gerealiseerd;1-10-2025\n");

        Assert.True(report.Succeeded, Messages(report));
        var changed = Assert.Single(report.Changed);
        Assert.Contains(changed.Fields, f => f.Column == "datum_gerealiseerd" && f.New == "2025-10-01");
        var project = await FindAsync($"Zonnepark Brink {u}");
        Assert.Equal(Phase.Realised, project!.Phase);
        Assert.Equal([Phase.Permitted, Phase.Realised], project.PhaseHistory.OrderBy(h => h.Date).Select(h => h.Phase));
    }

    [Fact]
    public async Task A_municipality_outside_the_region_is_refused_with_the_regions_names()
    {
        var u = Unique();
        var report = await ImportAsync($"{Header}\nZonnepark {u};Zon;Groningen;5;Vergund;1-3-2024\n");

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "gemeente"), (error.Line, error.Column));
        Assert.Equal("De gemeente 'Groningen' ligt niet in deze regio. Gemeenten in deze regio: Aa en Hunze, Assen, Borger-Odoorn, Coevorden, De Wolden, Emmen, Hoogeveen, Meppel, Midden-Drenthe, Noordenveld, Tynaarlo, Westerveld (of hun CBS-code, zoals GM1680).", error.Message);
        Assert.Equal(0, await CountAsync(u));
    }

    [Fact]
    public async Task An_ambiguous_municipality_name_is_refused_naming_the_candidates_and_the_valid_names()
    {
        var u = Unique();
        var report = await ImportAsync($"{Header}\nZonnepark {u};Zon;veld;5;Vergund;1-3-2024\n");

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "gemeente"), (error.Line, error.Column));
        Assert.StartsWith("'veld' past bij meer dan één gemeente (Noordenveld, Westerveld); schrijf de naam voluit. Gemeenten in deze regio: Aa en Hunze, Assen,", error.Message);
        Assert.Equal(0, await CountAsync(u));
    }

    [Fact]
    public async Task A_header_that_could_be_two_columns_is_refused_naming_both()
    {
        var u = Unique();
        var report = await ImportAsync($"{Header};Vergunning\nZonnepark {u};Zon;Assen;5;Vergund;1-3-2024;1-3-2024\n");

        var error = Assert.Single(report.Errors);
        Assert.True(error.Header);
        Assert.Contains("De kolom 'Vergunning' kan twee velden zijn", error.Message);
        Assert.Contains("vergunning_aangevraagd", error.Message);
        Assert.Contains("vergunning_verleend", error.Message);
        Assert.Equal([new UnknownColumn(7, "Vergunning")], report.UnknownColumns);
        Assert.Equal(0, report.BadRows);
        Assert.Equal(0, await CountAsync(u));
    }

    [Fact]
    public async Task Two_headers_that_mean_the_same_column_are_refused_naming_both()
    {
        var u = Unique();
        var report = await ImportAsync($"Naam project;Techniek;Gemeente;Vermogen (MW);Status;Datum;Projectnaam\nZonnepark {u};Zon;Assen;5;Vergund;1-3-2024;Ander {u}\n");

        var error = Assert.Single(report.Errors);
        Assert.Equal("De kolommen 'Naam project' (kolom 1) en 'Projectnaam' (kolom 7) betekenen allebei 'naam' (Naam project). Laat er één staan, of geef de andere een eigen naam.", error.Message);
        Assert.Equal(0, await CountAsync(u));
    }

    [Fact]
    public async Task A_status_without_a_date_and_a_date_without_a_status_are_errors_of_their_rows()
    {
        var u = Unique();
        var report = await ImportAsync($"{Header}\nZonnepark A {u};Zon;Assen;5;Vergund;\nZonnepark B {u};Zon;Emmen;6;;1-3-2024\nZonnepark C {u};Zon;Emmen;7;Gepland;1-3-2024\n");

        Assert.Equal(3, report.BadRows);
        Assert.Contains(report.Errors, e => e is { Line: 2, Column: "datum_status" } && e.Message.StartsWith("Bij de status 'Vergund' hoort een datum", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e is { Line: 3, Column: "status" } && e.Message.StartsWith("Er staat een datum (1 maart 2024) maar geen status", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e is { Line: 4, Column: "status" } && e.Message.StartsWith("Onbekende status 'Gepland'. Kies uit: Idee, In procedure, Vergund", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(u));
    }

    [Fact]
    public async Task A_status_column_without_its_date_column_is_a_header_error()
    {
        var report = await ImportAsync($"Naam project;Techniek;Gemeente;Vermogen (MW);Status\nZonnepark X;Zon;Assen;5;Vergund\n");

        var error = Assert.Single(report.Errors);
        Assert.True(error.Header);
        Assert.StartsWith("Er is een kolom status maar geen kolom met de datum van die status", error.Message);
    }

    [Fact]
    public async Task An_unknown_column_lists_the_allowed_columns_without_a_repository_path()
    {
        var report = await ImportAsync($"{Header};Opmerking intern\nZonnepark X;Zon;Assen;5;Vergund;1-3-2024;bellen\n");

        var error = Assert.Single(report.Errors);
        Assert.StartsWith("Onbekende kolom 'Opmerking intern'. Toegestane kolommen: project_id, naam, techniek, gemeente, vermogen_mw,", error.Message);
        Assert.Contains("Ook herkend: Project-id, Naam project,", error.Message);
        Assert.DoesNotContain("docs/", error.Message);
        Assert.DoesNotContain(".md", error.Message);
    }

    [Fact]
    public async Task A_matched_column_is_read_as_that_field_and_ignored_one_is_left_out()
    {
        var u = Unique();
        await using var db = database.CreateContext();
        var importer = new ProjectImporter(db, new ImportOptions(), database.Clock);
        var bytes = Encoding.UTF8.GetBytes($"{Header};Ontwikkelaar BV;Opmerking intern\nZonnepark Koppel {u};Zon;Meppel;4,4;Vergund;1-3-2024;Zon BV;bellen\n");
        using var stream = new MemoryStream(bytes);
        var mapping = new Dictionary<string, string> { [ImportColumns.Key("Ontwikkelaar BV")] = ProjectCsv.Owners, [ImportColumns.Key("Opmerking intern")] = ImportColumns.Ignore };

        var report = await importer.ImportAsync(new ImportRequest("drenthe", "koppel.csv", false) { ColumnMapping = mapping }, stream, stream.Length);

        Assert.True(report.Succeeded, Messages(report));
        Assert.Equal("Zon BV", (await FindAsync($"Zonnepark Koppel {u}"))!.Owners);
    }

    [Fact]
    public async Task A_possible_duplicate_is_held_back_until_decided_and_then_imported_as_decided()
    {
        var u = Unique();
        Assert.True((await ImportAsync($"{Header}\nZonnepark De Hooge Stoep {u};Zon;Emmen;21,7;Vergund;1-3-2024\n")).Succeeded);
        var existing = await FindAsync($"Zonnepark De Hooge Stoep {u}");
        var file = $"{Header}\nZonneveld Hooge Stoep {u};Zon;Emmen;21,7;Vergund;1-3-2024\nWindpark Ander {u};Wind;Tynaarlo;61,3;In procedure;1-5-2025\n";

        var dry = await ImportAsync(file, dryRun: true);

        var held = Assert.Single(dry.HeldBack);
        Assert.Equal((2, existing!.Id), (held.Line, held.ExistingId));
        Assert.Contains(held.Reasons, r => r.StartsWith("een gelijkende naam in dezelfde gemeente", StringComparison.Ordinal));
        Assert.Contains(held.Reasons, r => r.StartsWith("een vermogen binnen 5%", StringComparison.Ordinal));

        // Without a decision the row stays out; the other row goes in.
        var undecided = await ImportAsync(file);
        Assert.True(undecided.Succeeded, Messages(undecided));
        Assert.Single(undecided.HeldBack);
        Assert.Null(await FindAsync($"Zonneveld Hooge Stoep {u}"));
        Assert.NotNull(await FindAsync($"Windpark Ander {u}"));

        // "The same project": the row updates the register's project, no new one.
        var same = new Dictionary<string, DuplicateDecision> { [held.Key] = new(held.Key, existing.Id, "test", database.Clock.GetUtcNow()) };
        var updated = await ImportAsync(file.Replace("21,7", "22"), decisions: same);
        Assert.True(updated.Succeeded, Messages(updated));
        Assert.Empty(updated.HeldBack);
        Assert.Empty(updated.Added);
        await using (var db = database.CreateContext())
        {
            Assert.False(await db.Projects.AnyAsync(p => p.Id == held.Key));
            var project = await db.Projects.SingleAsync(p => p.Id == existing.Id);
            Assert.Equal(($"Zonneveld Hooge Stoep {u}", 22m), (project.Name, project.CapacityMw));
        }

        // "A new project": added under its own id.
        var other = $"{Header}\nZonnepark Hooge Stoep II {u};Zon;Emmen;22;Vergund;1-3-2024\n";
        var second = Assert.Single((await ImportAsync(other, dryRun: true)).HeldBack);
        var fresh = new Dictionary<string, DuplicateDecision> { [second.Key] = new(second.Key, null, "test", database.Clock.GetUtcNow()) };
        var added = await ImportAsync(other, decisions: fresh);
        Assert.True(added.Succeeded, Messages(added));
        Assert.Equal(second.Key, Assert.Single(added.Added).ProjectId);
        Assert.NotNull(await FindAsync($"Zonnepark Hooge Stoep II {u}"));
    }

    [Fact]
    public async Task A_row_within_500_metres_of_a_project_is_held_back()
    {
        var u = Unique();
        var header = Header + ";lat;lon";
        Assert.True((await ImportAsync($"{header}\nWindpark Noord {u};Wind;Hoogeveen;14,1;Vergund;1-3-2024;52,7301;6,4801\n")).Succeeded);

        var report = await ImportAsync($"{header}\nWindturbines Oostermoer {u};Wind;Hoogeveen;3;Vergund;1-3-2024;52,7330;6,4820\n", dryRun: true);

        var held = Assert.Single(report.HeldBack);
        Assert.Contains(held.Reasons, r => r.StartsWith("een ligging op ", StringComparison.Ordinal) && r.EndsWith(" m afstand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_filled_in_template_imports_and_a_changed_drop_down_value_gets_a_row_and_column_error()
    {
        var u = Unique();
        var template = ImportTemplate.Write("Drenthe", ["Assen", "Emmen"], new DateOnly(2026, 12, 1));
        using (var check = SpreadsheetDocument.Open(new MemoryStream(template), false))
        {
            var sheets = check.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["projecten", "lijsten", "Uitleg"], sheets);
            var first = (WorksheetPart)check.WorkbookPart.GetPartById(check.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var lists = first.Worksheet.Descendants<DataValidation>().Where(v => v.Type! == DataValidationValues.List).Select(v => v.Formula1!.Text).ToList();
            Assert.Equal(["lijsten!$A$2:$A$4", "lijsten!$B$2:$B$10", "lijsten!$C$2:$C$3"], lists);
        }

        var good = Fill(template, [$"Zonnepark Sjabloon {u}", "Zon op land", "Emmen", "9,9", "Vergund", "1-3-2024"]);
        var report = await ImportBytesAsync(good, "sjabloon.xlsx");
        Assert.True(report.Succeeded, Messages(report));
        Assert.Equal(Technique.SolarOnLand, (await FindAsync($"Zonnepark Sjabloon {u}"))!.Technique);

        var changed = Fill(template, [$"Zonnepark Anders {u}", "Zonne-energie", "Emmen", "9,9", "Vergund", "1-3-2024"]);
        var refused = await ImportBytesAsync(changed, "sjabloon-anders.xlsx");
        var error = Assert.Single(refused.Errors);
        Assert.Equal("Regel 2, kolom techniek: Onbekende techniek 'Zonne-energie': kies wind, zon op land of zon op dak (ook herkend: Zon, Zonnepark, Zonnedak, Windpark).", error.ToString());
        Assert.Null(await FindAsync($"Zonnepark Anders {u}"));
    }

    [Fact]
    public async Task The_command_line_writes_the_template_with_the_regions_municipalities()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sjabloon-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (code, output, error) = await database.RunAsync("import", "template", "--output", path);

            Assert.True(code == 0, error);
            Assert.Contains($"Sjabloon met 12 gemeenten geschreven naar {path}.", output);
            using var document = SpreadsheetDocument.Open(path, false);
            var workbook = document.WorkbookPart!;
            var lists = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "lijsten").Id!);
            Assert.Contains(lists.Worksheet.Descendants<Cell>(), c => c.InnerText == "Midden-Drenthe");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The template with one row filled in on its first sheet, as typed text.</summary>
    private static byte[] Fill(byte[] template, string[] values)
    {
        using var memory = new MemoryStream();
        memory.Write(template);
        using (var document = SpreadsheetDocument.Open(memory, true))
        {
            var workbook = document.WorkbookPart!;
            var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var row = new Row { RowIndex = 2 };
            for (var i = 0; i < values.Length; i++)
            {
                row.Append(new Cell { CellReference = $"{(char)('A' + i)}2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(values[i])) });
            }

            part.Worksheet.GetFirstChild<SheetData>()!.Append(row);
            part.Worksheet.Save();
        }

        return memory.ToArray();
    }
}

public sealed class SqliteSpreadsheetImportTests(SqliteDatabase database) : SpreadsheetImportTests<SqliteDatabase>(database);

public sealed class PostgresSpreadsheetImportTests(PostgresDatabase database) : SpreadsheetImportTests<PostgresDatabase>(database);
