using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace ResMonitor.Core.Data;

/// <summary>
/// Inserts many new rows fast, inside the caller's transaction: prepared statements on SQLite, binary COPY on
/// PostgreSQL. Tables and columns come from the EF model, so there is one mapping, not two. Generated keys
/// (identity columns) are left to the database. On SQLite the statement is bound through SQLite's own API by
/// position, storing each value exactly as Microsoft.Data.Sqlite stores it; a column of any other type takes the
/// general path through ADO.NET parameters.
/// </summary>
public static class BulkWriter
{
    public static async Task InsertAsync<T>(ResMonitorDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never || !p.IsPrimaryKey()).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        var connection = db.Database.GetDbConnection();
        if (Register.RegisterVersionStore.FiguresTables.Contains(typeof(T)))
        {
            await Register.RegisterVersionStore.RaiseAsync(connection, transaction, ct);
        }

        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, columns, rows, ct);
        }
        else if (connection is SqliteConnection { Handle: { } handle } && columns.All(c => SqliteBindable(c)))
        {
            InsertSqlite(handle, table, columns, rows, ct);
        }
        else
        {
            await InsertPreparedAsync(connection, transaction, table, columns, rows, ct);
        }
    }

    /// <summary>
    /// PostgreSQL: takes the foreign keys of the tables of <paramref name="entities"/> off for the rest of the caller's
    /// transaction, to be put back, exactly as they were, by <see cref="ForeignKeys.RestoreAsync"/> before the commit.
    /// Putting a key back checks every row in one join, where a bulk load with the keys on checks each row on its own and
    /// locks its parent row (for 100,000 projects with their phase changes and permits about two thirds of the load's
    /// time). The tables are locked exclusively until the commit. SQLite: nothing (its checks are index lookups).
    /// </summary>
    public static async Task<ForeignKeys> SuspendForeignKeysAsync(ResMonitorDbContext db, IEnumerable<Type> entities, CancellationToken ct = default)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Foreign keys are suspended inside a transaction only.");
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            return new ForeignKeys(null, null, []);
        }

        var tables = entities.Select(t => (db.Model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not in the model.")).GetTableName()!).ToArray();
        var keys = new List<(string Table, string Name, string Definition)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = (NpgsqlTransaction)transaction;
            read.CommandText =
                "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid " +
                "WHERE k.contype = 'f' AND c.relname = ANY(@tables) AND pg_table_is_visible(c.oid) ORDER BY c.relname, k.conname";
            read.Parameters.AddWithValue("tables", tables);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (table, name, _) in keys)
        {
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", ct);
        }

        return new ForeignKeys(connection, transaction, keys);
    }

    /// <summary>Foreign keys taken off by <see cref="SuspendForeignKeysAsync"/>.</summary>
    public sealed class ForeignKeys(DbConnection? connection, DbTransaction? transaction, List<(string Table, string Name, string Definition)> keys)
    {
        /// <summary>Puts the keys back, each checking every row of its table: a row that breaks one fails the transaction.</summary>
        public async Task RestoreAsync(CancellationToken ct = default)
        {
            foreach (var (table, name, definition) in keys)
            {
                await ExecuteAsync(connection!, transaction!, $"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {definition}", ct);
            }

            keys.Clear();
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One prepared INSERT, executed per row. (Multi-row statements were slower: SQLite binds by name.)</summary>
    private static async Task InsertPreparedAsync<T>(
        DbConnection connection, DbTransaction transaction, string table, List<IProperty> columns, IReadOnlyCollection<T> rows,
        CancellationToken ct)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.GetColumnName()))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var values = columns.Select(ValueReader).ToArray();
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i](row) ?? DBNull.Value;
            }

            // Synchronous on purpose: SQLite's async calls are synchronous underneath, with a Task per row on top.
#pragma warning disable CA1849
            command.ExecuteNonQuery();
#pragma warning restore CA1849
        }
    }

    /// <summary>
    /// One statement, prepared once and bound by position for every row: per row only the values cross into SQLite.
    /// (Microsoft.Data.Sqlite looks every parameter up by name on every execution.) It runs on the connection, so
    /// inside the caller's transaction.
    /// </summary>
    private static void InsertSqlite<T>(sqlite3 handle, string table, List<IProperty> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.GetColumnName()))}) " +
                  $"VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})";
        var values = columns.Select(ValueReader).ToArray();
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        using (statement)
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < values.Length; i++)
                {
                    rc = BindSqlite(statement, i + 1, values[i](row));
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }

                rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(statement);
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }

                rc = raw.sqlite3_reset(statement);
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
    }

    /// <summary>The provider types <see cref="BindSqlite"/> stores the way Microsoft.Data.Sqlite does.</summary>
    private static bool SqliteBindable(IProperty property)
    {
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        var type = converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(bool)
               || type == typeof(double) || type == typeof(DateOnly) || type == typeof(DateTimeOffset);
    }

    /// <summary>As Microsoft.Data.Sqlite binds them: integers and booleans as INTEGER, dates as TEXT yyyy-MM-dd, times as TEXT with offset.</summary>
    private static int BindSqlite(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        // UTF-16 straight from the string, converted by SQLite itself; an empty span would bind NULL, so "" goes as text.
        string { Length: 0 } => raw.sqlite3_bind_text(statement, index, ""),
        string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double number when double.IsNaN(number) => throw new InvalidOperationException("Cannot store 'NaN' values."),
        double number => raw.sqlite3_bind_double(statement, index, number),
        DateOnly date => BindDate(statement, index, date),
        // As Microsoft.Data.Sqlite writes a DateTimeOffset parameter (and so as EF stores it).
        DateTimeOffset time => raw.sqlite3_bind_text16(statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture).AsSpan()),
        _ => throw new NotSupportedException($"{value.GetType().Name} has no SQLite binding here."),
    };

    private static int BindDate(sqlite3_stmt statement, int index, DateOnly date)
    {
        Span<char> text = stackalloc char[10];
        return date.TryFormat(text, out var length, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text16(statement, index, text[..length])
            : raw.sqlite3_bind_text(statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
    }

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, List<IProperty> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var types = columns.Select(c => NpgsqlType(c.GetColumnType())).ToArray();
        var values = columns.Select(ValueReader).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.GetColumnName()))}) FROM STDIN (FORMAT BINARY)", ct);
        // Synchronous writes: COPY buffers in memory and flushes in large blocks, so a Task per cell is pure overhead.
#pragma warning disable CA1849
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = values[i](row);
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    WriteTyped(importer, value, types[i]);
                }
            }
        }
#pragma warning restore CA1849

        await importer.CompleteAsync(ct);
    }

    /// <summary>Reads a property and converts it to what the provider stores (enum → text, decimal → REAL on SQLite).</summary>
    private static Func<object, object?> ValueReader(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        if (converter is null)
        {
            return getter.GetClrValue;
        }

        var convert = converter.ConvertToProvider;
        return row => getter.GetClrValue(row) is { } value ? convert(value) : null;
    }

    /// <summary>Typed writes: Npgsql resolves its converter once per type instead of once per boxed value.</summary>
    private static void WriteTyped(NpgsqlBinaryImporter importer, object value, NpgsqlTypes.NpgsqlDbType type)
    {
        switch (value)
        {
            case string text:
                importer.Write(text, type);
                break;
            case int number:
                importer.Write(number, type);
                break;
            case long number:
                importer.Write(number, type);
                break;
            case decimal number:
                importer.Write(number, type);
                break;
            case double number:
                importer.Write(number, type);
                break;
            case bool flag:
                importer.Write(flag, type);
                break;
            case DateOnly date:
                importer.Write(date, type);
                break;
            default:
                importer.Write(value, type);
                break;
        }
    }

    /// <summary>The COPY type of a column, resolved once per column rather than by name for every cell.</summary>
    private static NpgsqlTypes.NpgsqlDbType NpgsqlType(string columnType)
    {
        var parenthesis = columnType.IndexOf('(', StringComparison.Ordinal);
        return (parenthesis < 0 ? columnType : columnType[..parenthesis]) switch
        {
            "character varying" => NpgsqlTypes.NpgsqlDbType.Varchar,
            "text" => NpgsqlTypes.NpgsqlDbType.Text,
            "numeric" => NpgsqlTypes.NpgsqlDbType.Numeric,
            "date" => NpgsqlTypes.NpgsqlDbType.Date,
            "boolean" => NpgsqlTypes.NpgsqlDbType.Boolean,
            "integer" => NpgsqlTypes.NpgsqlDbType.Integer,
            "bigint" => NpgsqlTypes.NpgsqlDbType.Bigint,
            "double precision" => NpgsqlTypes.NpgsqlDbType.Double,
            "timestamp with time zone" => NpgsqlTypes.NpgsqlDbType.TimestampTz,
            var other => throw new NotSupportedException($"Column type {other} has no COPY mapping yet."),
        };
    }
}
