using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Register;

namespace ResMonitor.Web.Tests.Register;

/// <summary>Every write raises the register version, and the site shows a write made outside it within seconds.</summary>
public abstract class RegisterVersionTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_change_to_a_project_and_an_import_each_raise_the_version_but_a_read_does_not()
    {
        await using var db = Database.CreateContext();
        var before = await RegisterVersionStore.ReadAsync(db);
        Assert.True(before > 0);

        await Client.GetStringAsync("/api/v1/regions/drenthe/summary");
        Assert.Equal(before, await RegisterVersionStore.ReadAsync(db));

        var project = await db.Projects.FirstAsync(p => p.Id == "VB-003");
        project.Name += " (gewijzigd)";
        await db.SaveChangesAsync();
        var afterSave = await RegisterVersionStore.ReadAsync(db);
        Assert.True(afterSave > before);

        var file = Path.Combine(Path.GetTempPath(), $"versie-{Guid.NewGuid():N}.csv");
        var export = await Database.RunAsync("export", "projects", "--format", "csv", "--output", file);
        Assert.True(export.Code == 0, export.Error);
        var csv = await File.ReadAllTextAsync(file);
        Assert.Contains("VB-001,", csv);
        await File.WriteAllTextAsync(file, csv.Replace("VB-001,", "VERSIE-1,", StringComparison.Ordinal));
        var (code, _, error) = await Database.RunAsync("import", "projects", file);
        File.Delete(file);
        Assert.True(code == 0, error);
        Assert.True(await RegisterVersionStore.ReadAsync(db) > afterSave);
    }

    [Fact]
    public async Task The_site_shows_a_write_made_outside_it_within_a_few_seconds()
    {
        var first = await TotalMwAsync();

        await using (var db = Database.CreateContext())
        {
            var project = await db.Projects.FirstAsync(p => p.Id == "VB-001");
            project.CapacityMw += 1000m;
            await db.SaveChangesAsync();
        }

        var seen = first;
        for (var i = 0; i < 50 && seen == first; i++)
        {
            await Task.Delay(100);
            seen = await TotalMwAsync();
        }

        Assert.NotEqual(first, seen);
    }

    private async Task<decimal> TotalMwAsync()
    {
        var json = await Client.GetFromJsonAsync<JsonElement>("/api/v1/regions/drenthe/summary");
        var total = json.GetProperty("total");
        return total.GetProperty("realisedMw").GetDecimal() + total.GetProperty("pipelineMw").GetDecimal()
            + total.GetProperty("ideaMwh").GetDecimal();
    }
}

public sealed class SqliteRegisterVersionTests(SqliteDatabase database) : RegisterVersionTests<SqliteDatabase>(database);

public sealed class PostgresRegisterVersionTests(PostgresDatabase database) : RegisterVersionTests<PostgresDatabase>(database);
