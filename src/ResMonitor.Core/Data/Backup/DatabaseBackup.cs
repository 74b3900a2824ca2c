using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ResMonitor.Core.Data.Backup;

/// <summary>
/// Backup and restore of the whole register in one portable file, the same for SQLite and PostgreSQL: a ZIP with
/// manifest.json (format, schema version, creation time, per table its columns, rows and SHA-256) and per table one
/// JSON-lines file with one array of typed values per row. Tables and columns come from the EF model. Both directions
/// stream table by table, row by row. See docs/backup.md.
/// </summary>
public static class DatabaseBackup
{
    private const string HistoryTable = "schema_migrations";

    /// <summary>Writes a backup of every model table to <paramref name="path"/>, read in one snapshot.</summary>
    public static async Task<BackupSummary> CreateAsync(ResMonitorDbContext db, string path, TimeProvider clock, CancellationToken ct = default)
    {
        var tables = BackupTable.FromModel(db);
        var connection = db.Database.GetDbConnection();
        var temporary = path + ".part";
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // One read transaction: a consistent snapshot, also while others write (SQLite WAL, PostgreSQL MVCC).
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var schema = await AppliedAsync(connection, transaction, ct);
            var entries = new List<BackupTableEntry>();
            await using (var file = File.Create(temporary))
            {
                await using var archive = new ZipArchive(file, ZipArchiveMode.Create);
                foreach (var table in tables)
                {
                    entries.Add(await WriteTableAsync(archive, connection, transaction, table, ct));
                }

                var manifest = new BackupManifest(
                    BackupManifest.FormatName, BackupManifest.CurrentVersion, clock.GetUtcNow(),
                    connection is SqliteConnection ? "sqlite" : "postgres", schema, entries);
                var manifestEntry = archive.CreateEntry(BackupManifest.FileName, CompressionLevel.Optimal);
                await using var stream = await manifestEntry.OpenAsync(ct);
                await JsonSerializer.SerializeAsync(stream, manifest, BackupManifest.Json, ct);
            }

            await transaction.CommitAsync(ct);
            // Written to a side file first, so that a failed backup never leaves half a file under the real name.
            File.Move(temporary, path, overwrite: true);
            return new BackupSummary(ReadManifestFrom(path));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static BackupManifest ReadManifestFrom(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        return ReadManifest(archive);
    }

    private static async Task<BackupTableEntry> WriteTableAsync(
        ZipArchive archive, DbConnection connection, DbTransaction transaction, BackupTable table, CancellationToken ct)
    {
        var name = $"tables/{table.Name}.jsonl";
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        await using (var entryStream = await entry.OpenAsync(ct))
        await using (var buffered = new BufferedStream(entryStream, 1 << 16))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {table.ColumnList} FROM {table.Name}" +
                (table.KeyColumns.Count > 0 ? $" ORDER BY {string.Join(", ", table.KeyColumns)}" : "");
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            var buffer = new ArrayBufferWriter<byte>(4096);
            await using var json = new Utf8JsonWriter(buffer);
            while (await reader.ReadAsync(ct))
            {
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                json.WriteStartArray();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    table.Columns[i].WriteJson(json, table.Columns[i].Read(reader, i));
                }

                json.WriteEndArray();
                await json.FlushAsync(ct);
                buffer.Write("\n"u8);
                hash.AppendData(buffer.WrittenSpan);
                await buffered.WriteAsync(buffer.WrittenMemory, ct);
                rows++;
            }
        }

        return new BackupTableEntry(table.Name, name, rows, Convert.ToHexStringLower(hash.GetHashAndReset()),
            table.Columns.Select(c => new BackupColumnEntry(c.Name, c.Type)).ToList());
    }

    /// <summary>
    /// Replaces every row of every model table by the rows of the backup, in one transaction, keeping the keys.
    /// Refuses (and changes nothing) when the file is not a backup, is damaged, belongs to another schema, or when
    /// the database holds data and <paramref name="force"/> is not set.
    /// </summary>
    public static async Task<BackupSummary> RestoreAsync(ResMonitorDbContext db, string path, bool force, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Het bestand {path} bestaat niet.", path);
        }

        await using var file = File.OpenRead(path);
        using var archive = OpenArchive(file, path);
        var manifest = ReadManifest(archive);
        await VerifyAsync(archive, manifest, ct);
        var tables = BackupTable.FromModel(db);
        CheckTables(manifest, tables);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            CheckSchema(manifest.Schema, await AppliedAsync(connection, null, ct));
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (!force)
            {
                await RefuseWhenNotEmptyAsync(connection, transaction, tables, ct);
            }

            await DeleteAllAsync(connection, transaction, tables, ct);
            foreach (var table in tables)
            {
                var entry = manifest.Tables.Single(t => t.Name == table.Name);
                var inserted = await InsertTableAsync(archive.GetEntry(entry.File)!, connection, transaction, table, entry, ct);
                if (inserted != entry.Rows)
                {
                    throw new BackupException(BackupProblem.Damaged, $"De back-up is beschadigd: tabel {table.Name} heeft {inserted} rijen, het overzicht zegt {entry.Rows}.");
                }
            }

            await ResetIdentitiesAsync(connection, transaction, tables, ct);
            await Register.RegisterVersionStore.RaiseAsync(connection, transaction, ct);
            await transaction.CommitAsync(ct);
            return new BackupSummary(manifest);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Reads and checks a backup file without touching any database.</summary>
    public static async Task<BackupManifest> InspectAsync(string path, CancellationToken ct = default)
    {
        await using var file = File.OpenRead(path);
        using var archive = OpenArchive(file, path);
        var manifest = ReadManifest(archive);
        await VerifyAsync(archive, manifest, ct);
        return manifest;
    }

    private static ZipArchive OpenArchive(Stream file, string path)
    {
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new BackupException(BackupProblem.NotABackup, $"{Path.GetFileName(path)} is geen leesbare ResMonitor-back-up (geen ZIP-bestand, of beschadigd). Er is niets veranderd.", e);
        }
    }

    private static BackupManifest ReadManifest(ZipArchive archive)
    {
        var entry = archive.GetEntry(BackupManifest.FileName)
            ?? throw new BackupException(BackupProblem.NotABackup, "Dit bestand is geen ResMonitor-back-up: manifest.json ontbreekt. Er is niets veranderd.");
        BackupManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.Json);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new BackupException(BackupProblem.Damaged, "De back-up is beschadigd: manifest.json is onleesbaar. Er is niets veranderd.", e);
        }

        if (manifest is null || manifest.Format != BackupManifest.FormatName)
        {
            throw new BackupException(BackupProblem.NotABackup, "Dit bestand is geen ResMonitor-back-up. Er is niets veranderd.");
        }

        if (manifest.FormatVersion != BackupManifest.CurrentVersion)
        {
            throw new BackupException(BackupProblem.NotABackup,
                $"Deze back-up heeft formaatversie {manifest.FormatVersion}; deze versie van ResMonitor leest versie {BackupManifest.CurrentVersion}. Er is niets veranderd.");
        }

        if (manifest.Tables is null || manifest.Schema is null
            || manifest.Tables.Any(t => t is null || t.Name is null || t.File is null || t.Sha256 is null || t.Columns is null || t.Columns.Any(c => c is null)))
        {
            throw new BackupException(BackupProblem.Damaged, "De back-up is beschadigd: manifest.json is onvolledig. Er is niets veranderd.");
        }

        return manifest;
    }

    /// <summary>Checks every table file against the SHA-256 and row count of the manifest before anything is changed.</summary>
    private static async Task VerifyAsync(ZipArchive archive, BackupManifest manifest, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        foreach (var table in manifest.Tables)
        {
            var entry = archive.GetEntry(table.File)
                ?? throw new BackupException(BackupProblem.Damaged, $"De back-up is beschadigd: het bestand voor tabel {table.Name} ontbreekt. Er is niets veranderd.");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long lines = 0;
            try
            {
                await using var stream = await entry.OpenAsync(ct);
                int read;
                while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                }
            }
            catch (InvalidDataException e)
            {
                throw new BackupException(BackupProblem.Damaged, $"De back-up is beschadigd: tabel {table.Name} is onleesbaar. Er is niets veranderd.", e);
            }

            if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), table.Sha256, StringComparison.OrdinalIgnoreCase) || lines != table.Rows)
            {
                throw new BackupException(BackupProblem.Damaged,
                    $"De back-up is beschadigd: de controlesom van tabel {table.Name} klopt niet. Er is niets veranderd.");
            }
        }
    }

    private static void CheckTables(BackupManifest manifest, IReadOnlyList<BackupTable> tables)
    {
        foreach (var table in tables)
        {
            var entry = manifest.Tables.FirstOrDefault(t => t.Name == table.Name)
                ?? throw new BackupException(BackupProblem.SchemaMismatch, $"De back-up heeft geen tabel {table.Name}, die deze database wel heeft. Er is niets veranderd.");
            var expected = string.Join(", ", table.Columns.Select(c => $"{c.Name} {c.Type}"));
            var actual = string.Join(", ", entry.Columns.Select(c => $"{c.Name} {c.Type}"));
            if (expected != actual)
            {
                throw new BackupException(BackupProblem.SchemaMismatch,
                    $"De kolommen van tabel {table.Name} in de back-up ({actual}) verschillen van die in de database ({expected}). Er is niets veranderd.");
            }
        }

        var unknown = manifest.Tables.Select(t => t.Name).Except(tables.Select(t => t.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new BackupException(BackupProblem.SchemaMismatch,
                $"De back-up heeft tabellen die deze database niet kent: {string.Join(", ", unknown)}. Er is niets veranderd.");
        }
    }

    private static void CheckSchema(IReadOnlyList<BackupMigration> backup, IReadOnlyList<BackupMigration> database)
    {
        var inBackup = backup.Select(m => m.ToString()).ToHashSet(StringComparer.Ordinal);
        var inDatabase = database.Select(m => m.ToString()).ToHashSet(StringComparer.Ordinal);
        var onlyBackup = inBackup.Except(inDatabase).Order(StringComparer.Ordinal).ToList();
        var onlyDatabase = inDatabase.Except(inBackup).Order(StringComparer.Ordinal).ToList();
        if (onlyBackup.Count == 0 && onlyDatabase.Count == 0)
        {
            return;
        }

        var message = new StringBuilder("De back-up hoort bij een ander databaseschema dan deze database. Er is niets veranderd.");
        if (onlyBackup.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture,
                $" Alleen in de back-up: {string.Join(", ", onlyBackup)}. Werk de database eerst bij met 'resmonitor migrate' en herstel dan opnieuw.");
        }

        if (onlyDatabase.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture,
                $" Alleen in de database: {string.Join(", ", onlyDatabase)}. De back-up is van een ouder schema: herstel haar in een database met hetzelfde schema en werk die daarna bij met 'resmonitor migrate'.");
        }

        throw new BackupException(BackupProblem.SchemaMismatch, message.ToString());
    }

    private static async Task RefuseWhenNotEmptyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        // The roles are part of the schema (migration 0003 adds them), so a freshly migrated database counts as empty.
        var counts = await CountRowsAsync(connection, transaction, tables.Where(t => t.Name != "roles").ToList(), ct);
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return;
        }

        var projects = counts.GetValueOrDefault("projects");
        throw new BackupException(BackupProblem.TargetNotEmpty,
            $"De database is niet leeg: {projects.ToString("N0", Nl)} project{(projects == 1 ? "" : "en")} en {(total - projects).ToString("N0", Nl)} andere rijen " +
            "(regio's, partners, doelen, fasen, vergunningen) zouden worden overschreven. Herhaal met --force om ze te vervangen door de back-up. Er is niets veranderd.");
    }

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    private static async Task<Dictionary<string, long>> CountRowsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COUNT(*) FROM {table.Name}";
            counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task DeleteAllAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        if (connection is NpgsqlConnection)
        {
            // TRUNCATE is transactional in PostgreSQL and empties all tables at once, whatever their order.
            await ExecuteAsync(connection, transaction, $"TRUNCATE {string.Join(", ", tables.Select(t => t.Name))}", ct);
            return;
        }

        // Children before parents.
        foreach (var table in tables.Reverse())
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {table.Name}", ct);
        }

        if (await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'", ct) > 0)
        {
            // AUTOINCREMENT counters start again; the inserted keys set them to the highest restored key.
            await ExecuteAsync(connection, transaction,
                $"DELETE FROM sqlite_sequence WHERE name IN ({string.Join(", ", tables.Select(t => $"'{t.Name}'"))})", ct);
        }
    }

    private static async Task<long> InsertTableAsync(
        ZipArchiveEntry entry, DbConnection connection, DbTransaction transaction, BackupTable table, BackupTableEntry manifest, CancellationToken ct)
    {
        await using var stream = await entry.OpenAsync(ct);
        using var lines = new StreamReader(stream, Encoding.UTF8);
        var rows = ReadRows(lines, table, manifest, ct);
        return connection is NpgsqlConnection npgsql
            ? await CopyAsync(npgsql, table, rows, ct)
            : await InsertPreparedAsync(connection, transaction, table, rows, ct);
    }

    private static async IAsyncEnumerable<object?[]> ReadRows(
        StreamReader lines, BackupTable table, BackupTableEntry manifest, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long number = 0;
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            number++;
            var values = new object?[table.Columns.Count];
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() != values.Length)
                {
                    throw new FormatException($"{values.Length} waarden verwacht");
                }

                var i = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    values[i] = table.Columns[i].ReadJson(element);
                    i++;
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
            {
                throw new BackupException(BackupProblem.Damaged,
                    $"De back-up is beschadigd: rij {number} van tabel {manifest.Name} is onleesbaar ({e.Message}). Er is niets veranderd.", e);
            }

            yield return values;
        }
    }

    /// <summary>One prepared INSERT per row on SQLite, keys included.</summary>
    private static async Task<long> InsertPreparedAsync(
        DbConnection connection, DbTransaction transaction, BackupTable table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(ct);
        long count = 0;
        await foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = SqliteValue(table.Columns[i].ToProvider(row[i])) ?? DBNull.Value;
            }

            // Synchronous on purpose: SQLite's async calls are synchronous underneath, with a Task per row on top.
#pragma warning disable CA1849
            command.ExecuteNonQuery();
#pragma warning restore CA1849
            count++;
        }

        return count;
    }

    /// <summary>Values as EF Core stores them on SQLite (which Microsoft.Data.Sqlite would otherwise bind differently).</summary>
    private static object? SqliteValue(object? value) => value switch
    {
        Guid id => id.ToString().ToUpperInvariant(),
        decimal number => (double)number,
        _ => value,
    };

    /// <summary>Binary COPY on PostgreSQL, keys included (identity columns are GENERATED BY DEFAULT).</summary>
    private static async Task<long> CopyAsync(NpgsqlConnection connection, BackupTable table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var types = table.Columns.Select(c => NpgsqlType(c.StoreType)).ToArray();
        long count = 0;
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        await foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < types.Length; i++)
            {
                var value = table.Columns[i].ToProvider(row[i]);
                switch (value)
                {
                    case null:
                        await importer.WriteNullAsync(ct);
                        break;
                    case DateTime moment:
                        await importer.WriteAsync(types[i] == NpgsqlDbType.TimestampTz ? AsUtc(moment) : DateTime.SpecifyKind(moment, DateTimeKind.Unspecified), types[i], ct);
                        break;
                    case DateTimeOffset moment:
                        await importer.WriteAsync(moment.ToUniversalTime(), types[i], ct);
                        break;
                    default:
                        await importer.WriteAsync(value, types[i], ct);
                        break;
                }
            }

            count++;
        }

        await importer.CompleteAsync(ct);
        return count;
    }

    private static DateTime AsUtc(DateTime moment) => moment.Kind switch
    {
        DateTimeKind.Utc => moment,
        DateTimeKind.Local => moment.ToUniversalTime(),
        _ => DateTime.SpecifyKind(moment, DateTimeKind.Utc),
    };

    private static NpgsqlDbType NpgsqlType(string storeType)
    {
        var parenthesis = storeType.IndexOf('(', StringComparison.Ordinal);
        return (parenthesis < 0 ? storeType : storeType[..parenthesis]).Trim() switch
        {
            "character varying" or "varchar" => NpgsqlDbType.Varchar,
            "text" => NpgsqlDbType.Text,
            "numeric" => NpgsqlDbType.Numeric,
            "date" => NpgsqlDbType.Date,
            "boolean" => NpgsqlDbType.Boolean,
            "smallint" => NpgsqlDbType.Smallint,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "double precision" => NpgsqlDbType.Double,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" => NpgsqlDbType.Timestamp,
            "uuid" => NpgsqlDbType.Uuid,
            "bytea" => NpgsqlDbType.Bytea,
            "jsonb" => NpgsqlDbType.Jsonb,
            var other => throw new NotSupportedException($"De back-up kent het kolomtype {other} nog niet."),
        };
    }

    /// <summary>After inserting explicit keys, PostgreSQL identity sequences continue at the highest key + 1.</summary>
    private static async Task ResetIdentitiesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        if (connection is not NpgsqlConnection)
        {
            return;
        }

        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(c => c.IsIdentity))
            {
                await ExecuteAsync(connection, transaction,
                    $"SELECT setval(pg_get_serial_sequence('{table.Name}', '{column.Name}'), COALESCE((SELECT MAX({column.Name}) FROM {table.Name}), 0) + 1, false)", ct);
            }
        }
    }

    private static async Task<List<BackupMigration>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var exists = connection is NpgsqlConnection
            ? await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{HistoryTable}'", ct)
            : await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'", ct);
        var applied = new List<BackupMigration>();
        if (exists == 0)
        {
            return applied;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version, name FROM {HistoryTable} ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied.Add(new BackupMigration(reader.GetString(0), reader.GetString(1)));
        }

        return applied;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
