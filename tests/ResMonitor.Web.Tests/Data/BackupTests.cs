using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>
/// `resmonitor backup` and `resmonitor restore`: a restore gives back exactly the same rows in every table, refuses
/// bad files, other schemas and (without --force) a database with data, and then changes nothing.
/// Runs on SQLite and on PostgreSQL; <see cref="CrossProviderBackupTests"/> moves a backup between the two.
/// </summary>
public abstract class BackupTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase, new()
{
    protected static async Task<TDatabase> NewDatabaseAsync(bool seeded = true)
    {
        var fresh = new TDatabase { Seeded = seeded };
        await fresh.InitializeAsync();
        return fresh;
    }

    private static string TempFile(string extension = "zip") => Path.Combine(Path.GetTempPath(), $"backup-{Guid.NewGuid():N}.{extension}");

    /// <summary>Where an entry's data starts: after its local header (30 bytes), its name and its extra field.</summary>
    private static int CompressedDataOffset(byte[] zip, string entry)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(entry);
        var at = zip.AsSpan().IndexOf(name);
        Assert.True(at >= 30, $"{entry} is not in the backup.");
        var extra = zip[at - 2] | (zip[at - 1] << 8);
        return at + name.Length + extra;
    }

    private static async Task<string> BackupAsync(TestDatabase source)
    {
        var path = TempFile();
        var (code, output, error) = await source.RunAsync("backup", path);
        Assert.True(code == 0, error);
        Assert.Contains($"geschreven naar {path}", output);
        return path;
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_gives_identical_rows_in_every_table()
    {
        var source = await NewDatabaseAsync();
        var target = await NewDatabaseAsync(seeded: false);
        var path = "";
        try
        {
            await BackupData.AddUnusualProjectAsync(source);
            path = await BackupAsync(source);

            var (code, output, error) = await target.RunAsync("restore", path);

            Assert.True(code == 0, error);
            Assert.Contains("30 projecten", output);
            var expected = await TableSnapshot.ReadAsync(source);
            TableSnapshot.AssertEqual(expected, await TableSnapshot.ReadAsync(target));
            Assert.Equal(30, expected["projects"].Count);
            Assert.Contains(expected["projects"], row => row.Contains("regel 2 — 😀", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
            await source.DisposeAsync();
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task Restoring_over_other_data_is_refused_without_force_and_replaces_it_exactly_with_force()
    {
        var target = await NewDatabaseAsync();
        var path = await BackupAsync(database);
        try
        {
            await BackupData.AddUnusualProjectAsync(target);
            await using (var db = target.CreateContext())
            {
                var project = await db.Projects.FirstAsync(p => p.Id == "VB-001");
                project.Name = "Gewijzigd na de back-up";
                db.Projects.Remove(await db.Projects.FirstAsync(p => p.Id == "VB-002"));
                await db.SaveChangesAsync();
            }

            var before = await TableSnapshot.ReadAsync(target);

            var refused = await target.RunAsync("restore", path);

            Assert.Equal(1, refused.Code);
            Assert.Contains("De database is niet leeg: 29 projecten", refused.Error);
            Assert.Contains("--force", refused.Error);
            TableSnapshot.AssertEqual(before, await TableSnapshot.ReadAsync(target));

            var (code, _, error) = await target.RunAsync("restore", path, "--force");

            Assert.True(code == 0, error);
            TableSnapshot.AssertEqual(await TableSnapshot.ReadAsync(database), await TableSnapshot.ReadAsync(target));
        }
        finally
        {
            File.Delete(path);
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task New_rows_after_a_restore_continue_numbering_after_the_restored_keys()
    {
        var target = await NewDatabaseAsync();
        var path = await BackupAsync(database);
        try
        {
            long restoredMax;
            await using (var db = database.CreateContext())
            {
                restoredMax = await db.PhaseChanges.MaxAsync(c => c.Id);
            }

            // The target numbered further than the backup: after the restore the numbering follows the backup.
            await using (var db = target.CreateContext())
            {
                for (var i = 0; i < 5; i++)
                {
                    db.PhaseChanges.Add(new PhaseChange { ProjectId = "VB-001", Phase = Phase.Idea, Date = new DateOnly(2019, 1, 1 + i) });
                }

                await db.SaveChangesAsync();
            }

            Assert.Equal(0, (await target.RunAsync("restore", path, "--force")).Code);

            await using (var db = target.CreateContext())
            {
                var added = new PhaseChange { ProjectId = "VB-001", Phase = Phase.Permitted, Date = new DateOnly(2026, 1, 1), Note = "na herstel" };
                db.PhaseChanges.Add(added);
                var organisation = new Core.Regions.Organisation { RegionId = "drenthe", Kind = default, Code = "NIEUW-1", Name = "Nieuwe partner" };
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync();

                Assert.Equal(restoredMax + 1, added.Id);
                Assert.True(organisation.Id > 0);
            }
        }
        finally
        {
            File.Delete(path);
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_and_changes_nothing()
    {
        var target = await NewDatabaseAsync();
        var path = await BackupAsync(database);
        var changed = TempFile();
        var truncated = TempFile();
        var flipped = TempFile();
        try
        {
            await BackupData.AddUnusualProjectAsync(target);
            var before = await TableSnapshot.ReadAsync(target);

            // A row edited inside a well-formed archive: the checksum in the manifest catches it.
            BackupData.RewriteEntry(path, changed, "tables/projects.jsonl", text => text.Replace("Voorbeeld: Zonnepark Aa en Hunze 1", "Iets anders", StringComparison.Ordinal));
            var edited = await target.RunAsync("restore", changed, "--force");
            Assert.Equal(1, edited.Code);
            Assert.Contains("De back-up is beschadigd: de controlesom van tabel projects klopt niet", edited.Error);

            // Half a file, and one with a changed byte in the middle.
            var bytes = await File.ReadAllBytesAsync(path);
            await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
            var half = await target.RunAsync("restore", truncated, "--force");
            Assert.Equal(1, half.Code);
            Assert.Contains("geen leesbare ResMonitor-back-up", half.Error);

            // A byte inside the compressed rows of the projects table (not in a zip header field that the reader
            // ignores, such as the local copy of an entry's name, which a fixed offset may hit as the data grows).
            bytes[CompressedDataOffset(bytes, "tables/projects.jsonl") + 20] ^= 0x5A;
            await File.WriteAllBytesAsync(flipped, bytes);
            var flip = await target.RunAsync("restore", flipped, "--force");
            Assert.Equal(1, flip.Code);
            Assert.Contains("beschadigd", flip.Error);

            TableSnapshot.AssertEqual(before, await TableSnapshot.ReadAsync(target));
        }
        finally
        {
            foreach (var file in new[] { path, changed, truncated, flipped })
            {
                File.Delete(file);
            }

            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused_and_changes_nothing()
    {
        var csv = TempFile("csv");
        var zip = TempFile();
        try
        {
            var before = await TableSnapshot.ReadAsync(database);
            Assert.Equal(0, (await database.RunAsync("export", "projects", "--format", "csv", "--output", csv)).Code);
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            {
                archive.CreateEntryFromFile(csv, "projecten.csv");
            }

            var notZip = await database.RunAsync("restore", csv, "--force");
            var noManifest = await database.RunAsync("restore", zip, "--force");
            var missing = await database.RunAsync("restore", "/nergens/backup.zip", "--force");

            Assert.Equal(1, notZip.Code);
            Assert.Contains("is geen leesbare ResMonitor-back-up", notZip.Error);
            Assert.Equal(1, noManifest.Code);
            Assert.Contains("geen ResMonitor-back-up: manifest.json ontbreekt", noManifest.Error);
            Assert.Equal(1, missing.Code);
            Assert.Contains("bestaat niet", missing.Error);
            TableSnapshot.AssertEqual(before, await TableSnapshot.ReadAsync(database));
        }
        finally
        {
            File.Delete(csv);
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task A_backup_of_another_schema_is_refused_with_the_migrations_that_differ()
    {
        var path = await BackupAsync(database);
        var newer = TempFile();
        var older = TempFile();
        var unmigrated = await NewDatabaseAsync(seeded: false);
        try
        {
            var before = await TableSnapshot.ReadAsync(database);
            BackupData.RewriteEntry(path, newer, "manifest.json", text =>
            {
                var manifest = JsonNode.Parse(text)!;
                manifest["schema"]!.AsArray().Add(new JsonObject { ["version"] = "0099", ["name"] = "future_table" });
                return manifest.ToJsonString();
            });
            var removed = "";
            BackupData.RewriteEntry(path, older, "manifest.json", text =>
            {
                var manifest = JsonNode.Parse(text)!;
                var schema = manifest["schema"]!.AsArray();
                removed = $"{schema[^1]!["version"]}_{schema[^1]!["name"]}";
                schema.RemoveAt(schema.Count - 1);
                return manifest.ToJsonString();
            });

            var ahead = await database.RunAsync("restore", newer, "--force");
            var behind = await database.RunAsync("restore", older, "--force");

            Assert.Equal(1, ahead.Code);
            Assert.Contains("ander databaseschema", ahead.Error);
            Assert.Contains("Alleen in de back-up: 0099_future_table", ahead.Error);
            Assert.Contains("resmonitor migrate", ahead.Error);
            Assert.Equal(1, behind.Code);
            Assert.Contains($"Alleen in de database: {removed}", behind.Error);
            TableSnapshot.AssertEqual(before, await TableSnapshot.ReadAsync(database));
        }
        finally
        {
            File.Delete(path);
            File.Delete(newer);
            File.Delete(older);
            await unmigrated.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_backup_runs_while_another_connection_writes_and_leaves_out_what_it_has_not_committed()
    {
        var source = await NewDatabaseAsync();
        var path = "";
        try
        {
            await using var writer = source.CreateContext();
            // A transaction of its own runs under the execution strategy (PostgreSQL retries transient failures).
            await writer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await writer.Database.BeginTransactionAsync();
                writer.Projects.Add(BackupData.Project("BK-OPEN", (await writer.Organisations.FirstAsync(o => o.Code == "GM0106")).Id));
                await writer.SaveChangesAsync();

                path = await BackupAsync(source);
                await transaction.RollbackAsync();
            });

            using var archive = ZipFile.OpenRead(path);
            using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
            var projects = manifest.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "projects");
            Assert.Equal(29, projects.GetProperty("rows").GetInt64());
        }
        finally
        {
            File.Delete(path);
            await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_backup_into_a_missing_folder_fails_with_a_plain_message()
    {
        var (code, _, error) = await database.RunAsync("backup", "/nergens/map/backup.zip");

        Assert.Equal(1, code);
        Assert.Contains("De map /nergens/map bestaat niet", error);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("restore", "a.zip", "b.zip")]
    [InlineData("backup", "a.zip", "--force")]
    public async Task Bad_usage_exits_with_2(params string[] args)
    {
        var (code, _, error) = await database.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("resmonitor help", error);
    }
}

public sealed class SqliteBackupTests(SqliteDatabase database) : BackupTests<SqliteDatabase>(database);

public sealed class PostgresBackupTests(PostgresDatabase database) : BackupTests<PostgresDatabase>(database);

/// <summary>The way an installation moves: a backup of the embedded SQLite database restored into PostgreSQL, and back.</summary>
public sealed class CrossProviderBackupTests
{
    [Fact]
    public async Task A_sqlite_backup_restores_into_postgres_and_back_without_loss()
    {
        var sqlite = new SqliteDatabase();
        var postgres = new PostgresDatabase { Seeded = false };
        var back = new SqliteDatabase { Seeded = false };
        var toPostgres = Path.Combine(Path.GetTempPath(), $"backup-{Guid.NewGuid():N}.zip");
        var toSqlite = Path.Combine(Path.GetTempPath(), $"backup-{Guid.NewGuid():N}.zip");
        try
        {
            await sqlite.InitializeAsync();
            await postgres.InitializeAsync();
            await back.InitializeAsync();
            await BackupData.AddUnusualProjectAsync(sqlite);

            Assert.Equal(0, (await sqlite.RunAsync("backup", toPostgres)).Code);
            var restored = await postgres.RunAsync("restore", toPostgres);
            Assert.True(restored.Code == 0, restored.Error);
            TableSnapshot.AssertEqual(await TableSnapshot.ReadAsync(sqlite, portable: true), await TableSnapshot.ReadAsync(postgres, portable: true));

            Assert.Equal(0, (await postgres.RunAsync("backup", toSqlite)).Code);
            var returned = await back.RunAsync("restore", toSqlite);
            Assert.True(returned.Code == 0, returned.Error);
            TableSnapshot.AssertEqual(await TableSnapshot.ReadAsync(sqlite), await TableSnapshot.ReadAsync(back));

            var status = await postgres.RunAsync("status", "--json");
            Assert.Equal(
                JsonDocument.Parse((await sqlite.RunAsync("status", "--json")).Output).RootElement.GetProperty("total").GetRawText(),
                JsonDocument.Parse(status.Output).RootElement.GetProperty("total").GetRawText());
        }
        finally
        {
            File.Delete(toPostgres);
            File.Delete(toSqlite);
            await sqlite.DisposeAsync();
            await postgres.DisposeAsync();
            await back.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_postgres_backup_with_exact_decimals_restores_into_sqlite_with_the_same_values()
    {
        var postgres = new PostgresDatabase();
        var sqlite = new SqliteDatabase { Seeded = false };
        var path = Path.Combine(Path.GetTempPath(), $"backup-{Guid.NewGuid():N}.zip");
        try
        {
            await postgres.InitializeAsync();
            await sqlite.InitializeAsync();
            await BackupData.AddUnusualProjectAsync(postgres);

            Assert.Equal(0, (await postgres.RunAsync("backup", path)).Code);
            var (code, _, error) = await sqlite.RunAsync("restore", path);

            Assert.True(code == 0, error);
            TableSnapshot.AssertEqual(await TableSnapshot.ReadAsync(postgres, portable: true), await TableSnapshot.ReadAsync(sqlite, portable: true));
            await using var db = sqlite.CreateContext();
            var project = await db.Projects.SingleAsync(p => p.Id == "BK-1");
            Assert.Equal(12.345m, project.CapacityMw);
            Assert.Equal(1234567.891m, project.MeasuredYieldMwh);
            Assert.Equal(52.123456789012345, project.Latitude);
        }
        finally
        {
            File.Delete(path);
            await postgres.DisposeAsync();
            await sqlite.DisposeAsync();
        }
    }
}

internal static class BackupData
{
    public static Project Project(string id, int municipalityId) => new()
    {
        Id = id,
        RegionId = "drenthe",
        Name = "Zonnepark \"De Ötter\"; 'quote',\nregel 2 — 😀",
        Technique = Technique.SolarOnLand,
        CapacityMw = 12.345m,
        MunicipalityId = municipalityId,
        Latitude = 52.123456789012345,
        Longitude = 6.5,
        MeasuredYieldMwh = 1234567.891m,
        MeasuredYieldYear = 2024,
        Owners = "",
        LocalOwnershipPercent = 33.33m,
        Participation = null,
        Phase = Phase.Realised,
        PhaseDate = new DateOnly(2024, 2, 29),
        IsExample = false,
        Source = "Testbron",
        SourceDate = new DateOnly(2025, 7, 1),
    };

    /// <summary>A project with values that are easy to get wrong: quotes, a newline, emoji, decimals, a leap day, a gap in the keys.</summary>
    public static async Task AddUnusualProjectAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var project = Project("BK-1", (await db.Organisations.FirstAsync(o => o.Code == "GM0106")).Id);
        project.PhaseHistory =
        [
            new PhaseChange { ProjectId = "BK-1", Phase = Phase.Idea, Date = new DateOnly(2020, 1, 1), Note = "eerste" },
            new PhaseChange { ProjectId = "BK-1", Phase = Phase.InProcedure, Date = new DateOnly(2021, 3, 1) },
            new PhaseChange { ProjectId = "BK-1", Phase = Phase.Realised, Date = new DateOnly(2024, 2, 29), Note = "" },
        ];
        project.Permits = [new Permit { ProjectId = "BK-1", CompetentAuthority = CompetentAuthority.Municipality, CaseNumber = "Z/24/001", GrantedOn = new DateOnly(2022, 5, 17) }];
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        db.PhaseChanges.Remove(project.PhaseHistory[1]);
        await db.SaveChangesAsync();
    }

    /// <summary>Copies a backup with the text of one entry changed.</summary>
    public static void RewriteEntry(string source, string target, string entryName, Func<string, string> change)
    {
        using var input = ZipFile.OpenRead(source);
        using var output = ZipFile.Open(target, ZipArchiveMode.Create);
        foreach (var entry in input.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            using var writer = new StreamWriter(output.CreateEntry(entry.FullName).Open());
            writer.Write(entry.FullName == entryName ? change(text) : text);
        }
    }
}
