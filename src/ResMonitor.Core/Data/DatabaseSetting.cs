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

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(ConnectionString);
        }
        else
        {
            options.UseNpgsql(ConnectionString);
        }

        // Every committed write is announced in the process, so that the site sees the new register version at once.
        options.AddInterceptors(Register.RegisterCommitInterceptor.Instance);
    }

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
