using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Core.Data;

public sealed record MigrationResult(IReadOnlyList<string> Applied, IReadOnlyList<string> AlreadyApplied);

/// <summary>
/// Applies the versioned SQL scripts in Data/Migrations/{sqlite,postgres} in order, each in its own transaction,
/// and records them in schema_migrations. See docs/decisions/0002-database-and-migrations.md.
/// </summary>
public static class Migrator
{
    private const string HistoryTable = "schema_migrations";

    public static async Task<MigrationResult> MigrateAsync(ResMonitorDbContext db, CancellationToken ct = default)
    {
        var provider = db.Database.IsSqlite() ? "sqlite" : "postgres";
        var scripts = Scripts(provider);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            if (provider == "sqlite")
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
            }

            await ExecuteAsync(connection, null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version VARCHAR(20) PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL);", ct);
            var done = await AppliedAsync(connection, ct);
            var applied = new List<string>();
            foreach (var (version, name, sql) in scripts)
            {
                if (done.Contains(version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, transaction, sql, ct);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = $"INSERT INTO {HistoryTable} (version, name, applied_at) VALUES (@v, @n, @a)";
                    AddParameter(record, "@v", version);
                    AddParameter(record, "@n", name);
                    AddParameter(record, "@a", db.Clock.GetUtcNow().ToString("O"));
                    await record.ExecuteNonQueryAsync(ct);
                }

                await transaction.CommitAsync(ct);
                applied.Add($"{version}_{name}");
            }

            return new(applied, scripts.Where(s => done.Contains(s.Version)).Select(s => $"{s.Version}_{s.Name}").ToList());
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Versions of the schema this build knows but the database has not got yet.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(ResMonitorDbContext db, CancellationToken ct = default)
    {
        var provider = db.Database.IsSqlite() ? "sqlite" : "postgres";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var done = await AppliedAsync(connection, ct);
            return Scripts(provider).Where(s => !done.Contains(s.Version)).Select(s => $"{s.Version}_{s.Name}").ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The same on an open connection of its own, without an EF context.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(DbConnection connection, DatabaseProvider provider, CancellationToken ct = default)
    {
        var done = await AppliedAsync(connection, ct);
        return Scripts(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres").Where(s => !done.Contains(s.Version)).Select(s => $"{s.Version}_{s.Name}").ToList();
    }

    internal static List<(string Version, string Name, string Sql)> Scripts(string provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                var file = Path.GetFileNameWithoutExtension(n[prefix.Length..]);
                var split = file.IndexOf('_', StringComparison.Ordinal);
                return (file[..split], file[(split + 1)..], Read(assembly, n));
            })
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, CancellationToken ct)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version FROM {HistoryTable}";
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                done.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No history table yet: nothing applied.
        }

        return done;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
