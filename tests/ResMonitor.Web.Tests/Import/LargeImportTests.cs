using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Web.Tests;

/// <summary>
/// A load large enough for the bulk path (on PostgreSQL the foreign keys are checked once after the load, not per
/// row): everything arrives, and afterwards the register still guards its links as before (a project's history goes
/// with it; no phase change of an unknown project). SQLite and PostgreSQL.
/// </summary>
public abstract class LargeImportTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private const int Generated = 1_200;

    private async Task ImportGeneratedAsync()
    {
        var csv = new StringBuilder("project_id,naam,techniek,gemeente,vermogen_mw,datum_idee,datum_in_procedure,datum_vergund,bevoegd_gezag,zaaknummer,bron,peildatum\n");
        for (var i = 0; i < Generated; i++)
        {
            csv.Append(CultureInvariant($"BL-{i:D5},Bulkproject {i},zon op land,GM0106,{1 + (i % 20)},2022-01-01,2023-01-01,{(i % 2 == 0 ? "2024-01-01" : "")},gemeente,Z-{i},Testregister,2025-01-01\n"));
        }

        var path = Path.Combine(Path.GetTempPath(), $"bulk-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        try
        {
            var (code, output, error) = await database.RunAsync("import", "projects", path);
            Assert.True(code == 0, error);
            Assert.Contains($"nieuw: {Generated},", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    [Fact]
    public async Task A_large_import_stores_every_project_with_its_history_and_the_links_are_guarded_afterwards()
    {
        await ImportGeneratedAsync();

        await using var db = database.CreateContext();
        Assert.Equal(Generated, await db.Projects.CountAsync(p => p.Id.StartsWith("BL-")));
        Assert.Equal(Generated * 2 + Generated / 2, await db.PhaseChanges.CountAsync(c => c.ProjectId.StartsWith("BL-")));
        Assert.Equal(Generated, await db.Permits.CountAsync(c => c.ProjectId.StartsWith("BL-")));

        // A phase change of a project that is not in the register is refused by the database.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO phase_changes (project_id, phase, date) VALUES ('BL-NOT-THERE', 'Idea', '2024-01-01')"));

        // Removing a project still removes its history and permit with it.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM projects WHERE id = 'BL-00001'");
        Assert.Equal(0, await db.PhaseChanges.CountAsync(c => c.ProjectId == "BL-00001"));
        Assert.Equal(0, await db.Permits.CountAsync(c => c.ProjectId == "BL-00001"));
        Assert.Equal(Generated - 1, await db.Projects.CountAsync(p => p.Id.StartsWith("BL-")));
    }
}

public sealed class SqliteLargeImportTests(SqliteDatabase database) : LargeImportTests<SqliteDatabase>(database);

public sealed class PostgresLargeImportTests(PostgresDatabase database) : LargeImportTests<PostgresDatabase>(database);
