using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use, from --database or RESMONITOR_DATABASE: "sqlite:PATH" or "postgres:Host=...".
/// The web host and the command line read the same setting.
/// </summary>
public sealed record DatabaseSetting(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "RESMONITOR_DATABASE";
    public const string Default = "sqlite:data/resmonitor.db";

    public static DatabaseSetting Parse(string? value)
    {
        value = string.IsNullOrWhiteSpace(value) ? Default : value.Trim();
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = value["sqlite:".Length..];
            if (path.Length == 0)
            {
                throw new FormatException("Geef na 'sqlite:' het pad naar het databasebestand, bijvoorbeeld sqlite:data/resmonitor.db.");
            }

            return new(DatabaseProvider.Sqlite, path.Contains('=') ? path : $"Data Source={path}");
        }

        if (value.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase))
        {
            var connection = value["postgres:".Length..];
            if (!connection.Contains('='))
            {
                throw new FormatException("Geef na 'postgres:' een verbindingsreeks, bijvoorbeeld postgres:Host=localhost;Database=resmonitor;Username=resmonitor.");
            }

            return new(DatabaseProvider.Postgres, connection);
        }

        throw new FormatException($"Onbekende database '{value}': gebruik sqlite:PAD of postgres:Host=...");
    }

    public static DatabaseSetting FromEnvironment(string? explicitValue = null) =>
        Parse(explicitValue ?? Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The SQLite file, if any, so that its folder can be created.</summary>
    public string? SqlitePath => Provider == DatabaseProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>How often a command that failed on a transient PostgreSQL error (a restart, a dropped connection) is tried again.</summary>
    public const int MaxRetryCount = 5;

    /// <summary>The longest wait between two tries; the waits grow from about one second.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// PostgreSQL: EF Core's retrying execution strategy, so that a restart of the server costs no failed request (about
    /// 9 s of tries in all, see docs/decisions/0015-hardening.md). SQLite: a locked database is waited for up to the
    /// command timeout (Microsoft.Data.Sqlite's busy handling, 30 s unless the connection string sets
    /// <c>Default Timeout</c>).
    /// </summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(ConnectionString);
        }
        else
        {
            options.UseNpgsql(ConnectionString, o => o.EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, errorCodesToAdd: null));
        }

        // Every committed write is announced in the process, so that the site sees the new register version at once.
        options.AddInterceptors(Register.RegisterCommitInterceptor.Instance);
    }

    /// <summary>
    /// A bare connection (not opened), for a command that reads with plain SQL and needs nothing of EF: it does not pay
    /// for building the EF model (see docs/decisions/0017-import-export-speed.md).
    /// </summary>
    public System.Data.Common.DbConnection CreateConnection() => Provider == DatabaseProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString)
        : new Npgsql.NpgsqlConnection(ConnectionString);

    /// <param name="clock">The time of the context's audit entries; the system clock when not given.</param>
    public ResMonitorDbContext CreateContext(TimeProvider? clock = null)
    {
        var builder = new DbContextOptionsBuilder<ResMonitorDbContext>();
        Configure(builder);
        return new ResMonitorDbContext(builder.Options, clock ?? TimeProvider.System);
    }

    /// <summary>A description safe to print: no password.</summary>
    public override string ToString()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite ({SqlitePath})";
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL ({builder.Host}:{builder.Port}/{builder.Database})";
    }
}
