using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ResMonitor.Core.Data;

/// <summary>
/// Inserts many new rows fast, inside the caller's transaction: prepared statements on SQLite, binary COPY on
/// PostgreSQL. Tables and columns come from the EF model, so there is one mapping, not two. Generated keys
/// (identity columns) are left to the database.
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
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, columns, rows, ct);
        }
        else
        {
            await InsertPreparedAsync(connection, transaction, table, columns, rows, ct);
        }
    }

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
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ProviderValue(columns[i], row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, List<IProperty> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var types = columns.Select(c => StoreTypeName(c.GetColumnType())).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.GetColumnName()))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ProviderValue(columns[i], row);
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, types[i], ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static object? ProviderValue(IProperty property, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    /// <summary>"character varying(64)" → "character varying": COPY wants the type name without modifiers.</summary>
    private static string StoreTypeName(string columnType)
    {
        var parenthesis = columnType.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? columnType : columnType[..parenthesis];
    }
}
