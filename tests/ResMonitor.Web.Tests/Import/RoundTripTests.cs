using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Export and import that round-trip, in CSV and XLSX, on SQLite and PostgreSQL: an unchanged file changes nothing
/// and logs nothing; one edited cell is one change with one audit entry; manual corrections stay unless the import
/// is told to overwrite them; a file with any error writes nothing.
/// </summary>
public abstract class RoundTripTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resmonitor-roundtrip-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<string> ExportAsync(string format, string? name = null)
    {
        var path = Path.Combine(_folder, name ?? $"register-{Guid.NewGuid():N}.{format}");
        var (code, _, error) = await database.RunAsync("export", "projects", "--format", format, "--output", path);
        Assert.True(code == 0, error);
        return path;
    }

    private async Task<(int Code, string Output, string Error)> ImportAsync(string path, params string[] options) =>
        await database.RunAsync(["import", "projects", path, .. options]);

    private async Task<ImportReport> ImportReportAsync(string path, bool dryRun = false, bool overwrite = false, string actor = "tester")
    {
        await using var db = database.CreateContext();
        db.Actor = new AuditActor(actor, "cli");
        var importer = new ProjectImporter(db, new ImportOptions(), database.Clock);
        return await importer.ImportFileAsync(new ImportRequest("drenthe", Path.GetFileName(path), dryRun) { OverwriteCorrections = overwrite }, path);
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEntry>> AuditSinceAsync(long id)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Id > id).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<string> NewProjectAsync(string columns = "datum_in_procedure,datum_vergund", string values = "2019-01-01,2020-06-15")
    {
        var id = "RT" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(_folder, $"new-{id}.csv");
        // A source of its own, as a supplier's file states it: a later import without one then visibly becomes the source.
        await File.WriteAllTextAsync(path, $"project_id,naam,techniek,gemeente,vermogen_mw,{columns},bron\n{id},Zonnepark {id},zon op land,GM0106,12.5,{values},Opgave leverancier {id}\n");
        var (code, _, error) = await ImportAsync(path);
        Assert.True(code == 0, error);
        return id;
    }

    /// <summary>A copy of an exported CSV with one cell of one project's row replaced.</summary>
    private static async Task<string> EditCsvAsync(string exported, string id, string column, string value, string name)
    {
        var lines = await File.ReadAllLinesAsync(exported);
        var header = lines[0].Split(',');
        var at = Array.IndexOf(header, column);
        var index = Array.FindIndex(lines, l => l.StartsWith(id + ",", StringComparison.Ordinal));
        var cells = lines[index].Split(',');
        Assert.Equal(header.Length, cells.Length);
        cells[at] = value;
        lines[index] = string.Join(',', cells);
        var path = Path.Combine(Path.GetDirectoryName(exported)!, name);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    // ---------- round trip ----------

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Importing_an_unchanged_export_changes_nothing_and_logs_nothing(string format)
    {
        await NewProjectAsync();
        var exported = await ExportAsync(format);
        var last = await LastAuditIdAsync();

        var report = await ImportReportAsync(exported);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Empty(report.Added);
        Assert.Empty(report.Changed);
        Assert.Equal(report.Rows, report.Unchanged);
        Assert.True(report.Rows > 20);
        Assert.Empty(await AuditSinceAsync(last));
    }

    [Fact]
    public async Task One_edited_csv_cell_is_one_change_with_one_audit_entry()
    {
        var id = await NewProjectAsync();
        var exported = await ExportAsync("csv");
        var edited = await EditCsvAsync(exported, id, ProjectCsv.Capacity, "14.75", "gemeente-assen-2025.csv");
        var last = await LastAuditIdAsync();

        var (code, output, error) = await ImportAsync(edited);

        Assert.True(code == 0, error);
        Assert.Contains("gewijzigd: 1", output);
        Assert.Contains("vermogen_mw: 12.5 → 14.75", output);
        var entry = Assert.Single(await AuditSinceAsync(last));
        Assert.Equal(("import", "gemeente-assen-2025.csv", "projects", id, "capacity_mw", "12.5", "14.75"),
            (entry.Channel, entry.Reason, entry.TableName, entry.RowKey, entry.Field, entry.OldValue, entry.NewValue));
        Assert.StartsWith("opdrachtregel (", entry.Actor);
        await using var db = database.CreateContext();
        Assert.Equal(14.75m, (await db.Projects.SingleAsync(p => p.Id == id)).CapacityMw);
    }

    [Fact]
    public async Task One_edited_xlsx_cell_is_one_change_with_one_audit_entry()
    {
        var id = await NewProjectAsync();
        var exported = await ExportAsync("xlsx");
        var edited = Path.Combine(_folder, "opgave-gemeente.xlsx");
        File.Copy(exported, edited);
        using (var document = SpreadsheetDocument.Open(edited, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var row = sheet.Descendants<Row>().Single(r => r.Elements<Cell>().First().InnerText == id);
            // The project has no owners yet, so the cell is not there: it goes in before the next filled-in column.
            var owners = Array.IndexOf(ProjectCsv.Columns, ProjectCsv.Owners);
            var next = row.Elements<Cell>().First(c => Array.FindIndex(ProjectCsv.Columns, x => c.CellReference!.Value == Letter(x) + row.RowIndex!.Value) > owners);
            row.InsertBefore(new Cell { CellReference = Letter(ProjectCsv.Owners) + row.RowIndex!.Value, DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Coöperatie Zon op Assen")) }, next);
            sheet.Save();
        }

        var last = await LastAuditIdAsync();
        var report = await ImportReportAsync(edited);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        var change = Assert.Single(report.Changed);
        Assert.Equal(new FieldChange(ProjectCsv.Owners, "", "Coöperatie Zon op Assen"), Assert.Single(change.Fields));
        var entry = Assert.Single(await AuditSinceAsync(last));
        Assert.Equal(("import", "opgave-gemeente.xlsx", "owners", null, "Coöperatie Zon op Assen", "tester"),
            (entry.Channel, entry.Reason, entry.Field, entry.OldValue, entry.NewValue, entry.Actor));
    }

    private static string Letter(string column)
    {
        var index = Array.IndexOf(ProjectCsv.Columns, column) + 1;
        var name = "";
        for (; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    [Fact]
    public async Task Xlsx_has_numbers_as_numbers_dates_as_dates_and_neutralised_formulas_that_import_back()
    {
        var id = "RT" + Guid.NewGuid().ToString("N")[..8];
        var csv = Path.Combine(_folder, $"formule-{id}.csv");
        await File.WriteAllTextAsync(csv,
            "project_id,naam,techniek,gemeente,vermogen_mw,datum_idee,eigenaren,participatie\n" +
            $"{id},\"=HYPERLINK(\"\"http://example.org\"\",\"\"klik\"\")\",wind,GM0106,\"1,234.5\",2024-01-01,+31 592 000000,@SUM(A1)\n");
        Assert.Equal(0, (await ImportAsync(csv)).Code);
        var exported = await ExportAsync("xlsx");

        using (var document = SpreadsheetDocument.Open(exported, false))
        {
            var row = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Single(r => r.Elements<Cell>().First().InnerText == id);
            Cell Cell(string column) => row.Elements<Cell>().Single(c => c.CellReference!.Value == Letter(column) + row.RowIndex!.Value);
            Assert.Equal("'=HYPERLINK(\"http://example.org\",\"klik\")", Cell(ProjectCsv.Name).InnerText);
            Assert.Equal("'+31 592 000000", Cell(ProjectCsv.Owners).InnerText);
            Assert.Equal("'@SUM(A1)", Cell(ProjectCsv.Participation).InnerText);
            var capacity = Cell(ProjectCsv.Capacity);
            Assert.Null(capacity.DataType);
            Assert.Equal("1234.5", capacity.CellValue!.Text);
            var idea = Cell("datum_idee");
            Assert.Null(idea.DataType);
            Assert.Equal(new DateTime(2024, 1, 1), DateTime.FromOADate(double.Parse(idea.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.NotNull(idea.StyleIndex);
        }

        var report = await ImportReportAsync(exported);
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Empty(report.Changed);
        await using var db = database.CreateContext();
        Assert.Equal("=HYPERLINK(\"http://example.org\",\"klik\")", (await db.Projects.SingleAsync(p => p.Id == id)).Name);
    }

    // ---------- audit shape ----------

    [Fact]
    public async Task A_new_project_is_one_entry_holding_the_row_exactly_as_the_change_tracker_writes_it()
    {
        var id = await NewProjectAsync("datum_in_procedure,datum_vergund,eigenaren,participatie", "2019-01-01,2020-06-15,\"Energiecoöperatie \"\"De Zon\"\" <Assen> & co\",Obligaties 'à 100 euro'");
        await using var db = database.CreateContext();
        var imported = await db.AuditEntries.AsNoTracking().Where(a => a.RowKey == id).ToListAsync();
        var entry = Assert.Single(imported);
        Assert.Equal((AuditRecorder.RowField, "import", "projects"), (entry.Field, entry.Channel, entry.TableName));
        Assert.Null(entry.OldValue);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.TableName != "projects" && a.NewValue!.Contains(id)));

        // The same project saved through EF: the same JSON but for the key.
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == id);
        project.Id = id + "-ef";
        project.PhaseHistory = [];
        db.Actor = new AuditActor("redacteur@assen.nl", "web");
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var tracked = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.RowKey == id + "-ef");
        Assert.Equal(entry.NewValue!.Replace($"\"{id}\"", $"\"{id}-ef\"", StringComparison.Ordinal), tracked.NewValue);
        var row = JsonSerializer.Deserialize<Dictionary<string, string>>(entry.NewValue!)!;
        Assert.Equal("12.5", row["capacity_mw"]);
        Assert.Equal("Permitted", row["phase"]);
        Assert.Equal("2020-06-15", row["phase_date"]);
        Assert.Equal("False", row["is_example"]);
        Assert.Equal("Energiecoöperatie \"De Zon\" <Assen> & co", row["owners"]);
    }

    [Fact]
    public async Task A_changed_phase_history_logs_the_added_and_removed_phase_rows_and_the_new_current_phase()
    {
        var id = await NewProjectAsync();
        var path = Path.Combine(_folder, "fasen.csv");
        await File.WriteAllTextAsync(path,
            $"project_id,naam,techniek,gemeente,vermogen_mw,datum_in_procedure,datum_vergund,datum_gerealiseerd\n{id},Zonnepark {id},zon op land,GM0106,12.5,,2020-06-15,2023-09-01\n");
        var last = await LastAuditIdAsync();

        var (code, output, error) = await ImportAsync(path);

        Assert.True(code == 0, error);
        Assert.Contains("datum_in_procedure: 2019-01-01 → (leeg)", output);
        Assert.Contains("datum_gerealiseerd: (leeg) → 2023-09-01", output);
        var entries = await AuditSinceAsync(last);
        Assert.All(entries, e => Assert.Equal(("import", "fasen.csv"), (e.Channel, e.Reason)));
        var removed = Assert.Single(entries, e => e.TableName == "phase_changes" && e.NewValue is null);
        Assert.Equal(AuditRecorder.RowField, removed.Field);
        Assert.Contains("\"phase\":\"InProcedure\"", removed.OldValue);
        var added = Assert.Single(entries, e => e.TableName == "phase_changes" && e.OldValue is null);
        Assert.Contains("\"phase\":\"Realised\"", added.NewValue);
        Assert.Contains($"\"project_id\":\"{id}\"", added.NewValue);
        Assert.Equal(("Permitted", "Realised"), entries.Where(e => e.Field == "phase").Select(e => (e.OldValue, e.NewValue)).Single());
        Assert.Equal(("2020-06-15", "2023-09-01"), entries.Where(e => e.Field == "phase_date").Select(e => (e.OldValue, e.NewValue)).Single());
        // A changed project takes the import as its source, in public words: who and when, not the file's name (the
        // reference date is today's already); the audit entry keeps the file name as its reason.
        Assert.Equal("Import door het werkbureau op 1 december 2026", entries.Single(e => e.Field == "source").NewValue);
        Assert.Equal(5, entries.Count);
        await using var db = database.CreateContext();
        var project = await db.Projects.Include(p => p.PhaseHistory).SingleAsync(p => p.Id == id);
        Assert.Equal(Phase.Realised, project.Phase);
        Assert.Equal([Phase.Permitted, Phase.Realised], project.PhaseHistory.OrderBy(h => h.Date).Select(h => h.Phase));
    }

    [Fact]
    public async Task A_permit_added_by_a_file_is_one_permit_row_entry()
    {
        var id = await NewProjectAsync();
        var path = Path.Combine(_folder, "vergunningen.csv");
        await File.WriteAllTextAsync(path,
            $"project_id,naam,techniek,gemeente,vermogen_mw,datum_in_procedure,datum_vergund,zaaknummer,vergunning_verleend\n{id},Zonnepark {id},zon op land,GM0106,12.5,2019-01-01,2020-06-15,Z-2020-001,2020-06-15\n");
        var last = await LastAuditIdAsync();

        Assert.Equal(0, (await ImportAsync(path)).Code);

        var entries = await AuditSinceAsync(last);
        var permit = Assert.Single(entries, e => e.TableName == "permits");
        Assert.Equal(AuditRecorder.RowField, permit.Field);
        Assert.Contains("\"case_number\":\"Z-2020-001\"", permit.NewValue);
        Assert.Contains("\"competent_authority\":\"Municipality\"", permit.NewValue);
    }

    // ---------- one transaction ----------

    [Fact]
    public async Task A_file_with_one_bad_row_writes_none_of_its_changes_or_new_projects()
    {
        var id = await NewProjectAsync();
        var fresh = "RT" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(_folder, "half-goed.csv");
        await File.WriteAllTextAsync(path,
            "project_id,naam,techniek,gemeente,vermogen_mw,datum_in_procedure,datum_vergund\n" +
            $"{id},Nieuwe naam,zon op land,GM0106,30,2019-01-01,2020-06-15\n" +
            $"{fresh},Nieuw project,wind,GM0106,10,2019-01-01,\n" +
            $"{fresh}b,Fout,wind,GM0106,-4,2019-01-01,\n");
        var last = await LastAuditIdAsync();

        var (code, _, error) = await ImportAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("Regel 4, kolom vermogen_mw", error);
        Assert.Contains("Er is niets opgeslagen", error);
        await using var db = database.CreateContext();
        var project = await db.Projects.SingleAsync(p => p.Id == id);
        Assert.Equal((12.5m, $"Zonnepark {id}"), (project.CapacityMw, project.Name));
        Assert.False(await db.Projects.AnyAsync(p => p.Id == fresh));
        Assert.Empty(await AuditSinceAsync(last));
    }

    [Fact]
    public async Task An_update_that_breaks_the_phase_rules_once_merged_is_refused_with_its_line()
    {
        var id = await NewProjectAsync();
        var path = Path.Combine(_folder, "te-vroeg.csv");
        await File.WriteAllTextAsync(path, $"project_id,naam,techniek,gemeente,vermogen_mw,datum_gerealiseerd,vergunning_verleend\n{id},X,zon op land,GM0106,12.5,2020-01-01,2020-06-15\n");

        var (code, _, error) = await ImportAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("Regel 2, kolom datum_gerealiseerd: Gerealiseerd (1 januari 2020) kan niet vóór de verlening", error);
    }

    // ---------- manual corrections ----------

    [Fact]
    public async Task A_manual_correction_is_kept_and_listed_unless_the_import_says_to_overwrite_it()
    {
        var id = await NewProjectAsync();
        await using (var db = database.CreateContext())
        {
            db.Actor = new AuditActor("redacteur@assen.nl", "web", "Gecontroleerd bij de omgevingsdienst");
            var project = await db.Projects.SingleAsync(p => p.Id == id);
            project.CapacityMw = 13.2m;
            await db.SaveChangesAsync();
        }

        var exported = await ExportAsync("csv");
        var file = await EditCsvAsync(exported, id, ProjectCsv.Capacity, "12.5", "leverancier.csv");
        file = await EditCsvAsync(file, id, ProjectCsv.Name, "Zonnepark Assen-Noord", "leverancier.csv");
        var last = await LastAuditIdAsync();

        var kept = await ImportReportAsync(file);

        Assert.True(kept.Succeeded, string.Join("\n", kept.Errors));
        var correction = Assert.Single(kept.KeptCorrections);
        Assert.Equal((id, ProjectCsv.Capacity, "13.2", "12.5", "redacteur@assen.nl"),
            (correction.ProjectId, correction.Column, correction.RegisterValue, correction.FileValue, correction.CorrectedBy));
        Assert.InRange(correction.CorrectedAt, TestClock.Start, database.Clock.GetUtcNow());
        var change = Assert.Single(kept.Changed);
        Assert.Equal([ProjectCsv.Name], change.Fields.Select(f => f.Column));
        Assert.Equal(["name"], (await AuditSinceAsync(last)).Select(e => e.Field));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(13.2m, (await db.Projects.SingleAsync(p => p.Id == id)).CapacityMw);
        }

        // The command line lists it too.
        var (_, output, _) = await ImportAsync(file, "--dry-run");
        Assert.Contains($"{id} (Zonnepark Assen-Noord), vermogen_mw: register 13.2, bestand 12.5; gecorrigeerd door redacteur@assen.nl", output);

        last = await LastAuditIdAsync();
        var overwritten = await ImportReportAsync(file, overwrite: true);

        Assert.Empty(overwritten.KeptCorrections);
        var entry = Assert.Single(await AuditSinceAsync(last));
        Assert.Equal(("capacity_mw", "13.2", "12.5", "import", "leverancier.csv"), (entry.Field, entry.OldValue, entry.NewValue, entry.Channel, entry.Reason));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(12.5m, (await db.Projects.SingleAsync(p => p.Id == id)).CapacityMw);
        }

        // Once overwritten by an import, the field is the import's again: a later file changes it without a flag.
        var later = await EditCsvAsync(file, id, ProjectCsv.Capacity, "12.8", "leverancier-2.csv");
        var next = await ImportReportAsync(later);
        Assert.Empty(next.KeptCorrections);
        Assert.Equal([ProjectCsv.Capacity], Assert.Single(next.Changed).Fields.Select(f => f.Column));
    }

    [Fact]
    public async Task A_phase_date_corrected_by_hand_is_kept()
    {
        var id = await NewProjectAsync();
        await using (var db = database.CreateContext())
        {
            db.Actor = new AuditActor("beheerder@drenthe.nl", "api");
            var row = await db.PhaseChanges.SingleAsync(c => c.ProjectId == id && c.Phase == Phase.Permitted);
            row.Date = new DateOnly(2020, 7, 1);
            await db.SaveChangesAsync();
        }

        var exported = await ExportAsync("csv");
        var file = await EditCsvAsync(exported, id, "datum_vergund", "2020-06-15", "oud.csv");

        var report = await ImportReportAsync(file);

        var kept = Assert.Single(report.KeptCorrections);
        Assert.Equal(("datum_vergund", "2020-07-01", "2020-06-15", "beheerder@drenthe.nl"), (kept.Column, kept.RegisterValue, kept.FileValue, kept.CorrectedBy));
        Assert.Empty(report.Changed);
    }

    // ---------- redacteur ----------

    [Fact]
    public async Task A_file_limited_to_one_municipality_refuses_rows_of_another_and_names_the_row()
    {
        var assen = await NewProjectAsync();
        var path = Path.Combine(_folder, "emmen.csv");
        await File.WriteAllTextAsync(path,
            "project_id,naam,techniek,gemeente,vermogen_mw,datum_idee\n" +
            $"{assen},Zonnepark {assen},zon op land,GM0106,12.5,2019-01-01\n" +
            $"RT{Guid.NewGuid():N},Windpark Emmen,wind,GM0114,10,2019-01-01\n");
        await using var db = database.CreateContext();
        var emmen = await db.Organisations.SingleAsync(o => o.Code == "GM0114");
        var importer = new ProjectImporter(db, new ImportOptions(), database.Clock);

        var report = await importer.ImportFileAsync(new ImportRequest("drenthe", "emmen.csv", DryRun: true) { OnlyMunicipality = emmen.Id, OnlyMunicipalityName = emmen.Name }, path);

        Assert.Equal(2, report.Errors.Count);
        Assert.Contains(report.Errors, e => e.Line == 2 && e.Column == ProjectCsv.Id && e.Message.Contains("u mag alleen projecten van Emmen wijzigen", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Errors, e => e.Line == 3);
    }

    // ---------- XLSX safety ----------

    [Fact]
    public async Task An_xlsx_that_unpacks_to_far_more_than_it_weighs_is_refused_unread()
    {
        var path = Path.Combine(_folder, "bom.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = Encoding.ASCII.GetBytes(new string(' ', 1 << 16));
            for (var i = 0; i < 160; i++)
            {
                await sheet.WriteAsync(block);
            }
        }

        Assert.True(new FileInfo(path).Length < 100_000);
        var (code, _, error) = await ImportAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("Het XLSX-bestand is verdacht: het deel 'xl/worksheets/sheet1.xml' pakt uit tot meer dan 200 keer zijn grootte", error);
    }

    [Fact]
    public async Task A_file_named_xlsx_that_is_not_a_workbook_is_refused_with_advice()
    {
        var path = Path.Combine(_folder, "kapot.xlsx");
        await File.WriteAllTextAsync(path, "project_id,naam\n");

        var (code, _, error) = await ImportAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("Dit is geen geldig XLSX-bestand", error);
    }
}

public sealed class SqliteRoundTripTests(SqliteDatabase database) : RoundTripTests<SqliteDatabase>(database);

public sealed class PostgresRoundTripTests(PostgresDatabase database) : RoundTripTests<PostgresDatabase>(database);
