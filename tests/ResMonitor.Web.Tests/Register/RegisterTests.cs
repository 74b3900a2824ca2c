using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Tests;

/// <summary>Schema, migrations and reference data from an empty database, on SQLite and on PostgreSQL.</summary>
public abstract class RegisterTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_migrated_schema_has_every_table_and_column_the_model_needs()
    {
        await using var db = database.CreateContext();
        var actual = await ColumnsAsync(db);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties())
            {
                Assert.Contains($"{table}.{property.GetColumnName()}", actual);
            }
        }

        // And nothing the model does not know, apart from the migration history and the register version (a counter
        // written in plain SQL, kept out of the model so that a backup does not carry it).
        var expected = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}")).ToHashSet();
        Assert.DoesNotContain(actual, c => !c.StartsWith("schema_migrations.", StringComparison.Ordinal)
            && c is not ("register_version.id" or "register_version.value") && !expected.Contains(c));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var (code, output, _) = await database.RunAsync("migrate");

        Assert.Equal(0, code);
        Assert.Contains("het schema is al bij", output);
    }

    [Fact]
    public async Task The_seed_holds_the_twelve_municipalities_with_code_population_date_source_and_boundary()
    {
        await using var db = database.CreateContext();
        var municipalities = await db.Organisations.Where(o => o.RegionId == "drenthe" && o.Kind == OrganisationKind.Municipality).ToListAsync();

        Assert.Equal(12, municipalities.Count);
        Assert.Equal(
            ["GM0106", "GM0109", "GM0114", "GM0118", "GM0119", "GM1680", "GM1681", "GM1690", "GM1699", "GM1701", "GM1730", "GM1731"],
            municipalities.Select(m => m.Code).Order());
        Assert.All(municipalities, m =>
        {
            Assert.True(m.Population > 10_000);
            Assert.NotNull(m.PopulationReferenceDate);
            Assert.Contains("CBS", m.PopulationSource);
            Assert.Contains("Polygon", m.BoundaryGeoJson);
            Assert.Contains("CBS / Kadaster", m.BoundarySource);
        });
        Assert.Equal(70_395, municipalities.Single(m => m.Name == "Assen").Population);
    }

    [Fact]
    public async Task The_seed_holds_the_province_water_boards_grid_operators_and_partners()
    {
        await using var db = database.CreateContext();
        var kinds = await db.Organisations.Where(o => o.RegionId == "drenthe").GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        Assert.Equal(1, kinds.Single(k => k.Key == OrganisationKind.Province).Count);
        Assert.Equal(4, kinds.Single(k => k.Key == OrganisationKind.WaterBoard).Count);
        Assert.Equal(3, kinds.Single(k => k.Key == OrganisationKind.GridOperator).Count);
        Assert.True(kinds.Single(k => k.Key == OrganisationKind.SocietalPartner).Count >= 5);
    }

    [Fact]
    public async Task The_target_and_its_split_are_seeded_with_sources()
    {
        await using var db = database.CreateContext();
        var targets = await db.Targets.Where(t => t.RegionId == "drenthe" && t.Year == 2030 && t.MunicipalityId == null).ToListAsync();

        Assert.Equal(3_450_000m, targets.Single(t => t.Technique == null).ValueMwh);
        Assert.Equal(3_499_000m, targets.Where(t => t.Technique != null).Sum(t => t.ValueMwh));
        Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
    }

    [Fact]
    public async Task Seeding_twice_duplicates_nothing()
    {
        var (code, _, error) = await database.RunAsync("seed", "--skip-projects");
        Assert.True(code == 0, error);

        await using var db = database.CreateContext();
        Assert.Equal(25, await db.Organisations.CountAsync(o => o.RegionId == "drenthe"));
        Assert.Equal(5, await db.Targets.CountAsync(t => t.RegionId == "drenthe" && t.MunicipalityId == null));
        Assert.Equal(5, await db.Targets.CountAsync(t => t.RegionId == "drenthe" && t.MunicipalityId != null));
        Assert.Equal(3, await db.FullLoadHours.CountAsync(h => h.RegionId == "drenthe"));
    }

    [Fact]
    public async Task A_second_region_is_a_folder_of_data_not_code()
    {
        var folder = Directory.CreateTempSubdirectory("region-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "region.json"), """
            {
              "id": "testregio", "name": "RES regio Test",
              "organisations": [ { "kind": "Municipality", "code": "GM0001", "name": "Testdorp" } ],
              "targets": [ { "technique": null, "year": 2030, "valueMwh": 1000000, "source": "Test-RES", "referenceDate": "2021-07-01" } ],
              "fullLoadHours": [ { "technique": "Wind", "hours": 3000, "validFrom": "2000-01-01", "source": "test" } ]
            }
            """);

        var (code, _, error) = await database.RunAsync("seed", "--region-folder", folder);
        Directory.Delete(folder, true);

        Assert.True(code == 0, error);
        var status = await database.RunAsync("status", "--region", "testregio");
        Assert.Equal(0, status.Code);
        Assert.Contains("RES regio Test", status.Output);
        Assert.Contains("Doel 2030: 1,00 TWh", status.Output);
    }

    private static async Task<HashSet<string>> ColumnsAsync(ResMonitorDbContext db)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            : "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'";
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}

public sealed class SqliteRegisterTests(SqliteDatabase database) : RegisterTests<SqliteDatabase>(database);

public sealed class PostgresRegisterTests(PostgresDatabase database) : RegisterTests<PostgresDatabase>(database);
