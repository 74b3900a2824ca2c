using Npgsql;
using ResMonitor.Cli;
using ResMonitor.Core.Data;

namespace ResMonitor.Web.Tests;

/// <summary>
/// A real, empty database for one test class, migrated and seeded through the `resmonitor` commands, so that the
/// same tests run against SQLite and PostgreSQL.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public string Setting { get; protected set; } = "";

    public DatabaseSetting Parsed => DatabaseSetting.Parse(Setting);

    public ResMonitorDbContext CreateContext() => Parsed.CreateContext();

    /// <summary>Runs the command line in-process and returns its exit code and output.</summary>
    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new CliApp(output, error, TimeProvider.System).RunAsync(["--database", Setting, .. args]);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>False for a database that is only migrated, with every table empty.</summary>
    public bool Seeded { get; init; } = true;

    public virtual async Task InitializeAsync()
    {
        var migrate = await RunAsync("migrate");
        Assert.True(migrate.Code == 0, migrate.Error);
        if (Seeded)
        {
            var seed = await RunAsync("seed");
            Assert.True(seed.Code == 0, seed.Error);
        }
    }

    public abstract Task DisposeAsync();
}

public sealed class SqliteDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resmonitor-test-").FullName;

    public SqliteDatabase() => Setting = $"sqlite:{Path.Combine(_folder, "test.db")}";

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>A fresh database on the server that ./test.sh starts (RESMONITOR_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresDatabase : TestDatabase
{
    private readonly string _name = "rm_test_" + Guid.NewGuid().ToString("N")[..12];
    private string _admin = "";

    public override async Task InitializeAsync()
    {
        _admin = Environment.GetEnvironmentVariable("RESMONITOR_TEST_POSTGRES")
            ?? throw new InvalidOperationException("RESMONITOR_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        Setting = "postgres:" + new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
