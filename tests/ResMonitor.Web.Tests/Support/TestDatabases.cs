using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ResMonitor.Cli;
using ResMonitor.Core.Data;

namespace ResMonitor.Web.Tests;

/// <summary>
/// A real database for one test class, migrated and (unless <see cref="Seeded"/> is false) seeded through the
/// `resmonitor` commands, so that the same tests run against SQLite and PostgreSQL; with the class's web host
/// (<see cref="Host"/>) and the fake clock both read (<see cref="Clock"/>). The commands run once per kind of database
/// in a test run; each class gets a copy (a file copy for SQLite, a template for PostgreSQL).
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private readonly Lock _hostLock = new();
    private MonitorFactory? _host;

    public string Setting { get; protected set; } = "";

    public DatabaseSetting Parsed => DatabaseSetting.Parse(Setting);

    /// <summary>The clock of this database's commands and web host: <see cref="TestClock.Start"/>, never the real one.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    /// <summary>
    /// The monitor on this database, shared by the tests of a class (started on first use, stopped with the
    /// database). A test that needs other settings makes its own with <c>Host.WithWebHostBuilder</c>.
    /// </summary>
    public MonitorFactory Host
    {
        get
        {
            lock (_hostLock)
            {
                return _host ??= new MonitorFactory(this);
            }
        }
    }

    public ResMonitorDbContext CreateContext() => Parsed.CreateContext(Clock);

    /// <summary>Runs the command line in-process (on <see cref="Clock"/>) and returns its exit code and output.</summary>
    public Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(Setting, Clock, args);

    /// <summary>False for a database that is only migrated, with every table empty.</summary>
    public bool Seeded { get; init; } = true;

    /// <summary>Migrates (and seeds) the database of <see cref="Setting"/>; the SQLite and PostgreSQL kinds copy a prepared one instead.</summary>
    public virtual Task InitializeAsync() => PrepareAsync(Setting, Seeded);

    public abstract Task DisposeAsync();

    /// <summary>Stops the shared host, if it was started; call before removing the database.</summary>
    protected async Task StopHostAsync()
    {
        MonitorFactory? host;
        lock (_hostLock)
        {
            (host, _host) = (_host, null);
        }

        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    protected static async Task<(int Code, string Output, string Error)> RunAsync(string setting, TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new CliApp(output, error, clock).RunAsync(["--database", setting, .. args]);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Removes a prepared database when the test run ends; a run that is killed leaves it to the throwaway server or temp folder.</summary>
    protected static void AtExit(Action remove) => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try
        {
            remove();
        }
        catch (Exception e) when (e is IOException or NpgsqlException or InvalidOperationException)
        {
            // Best effort: the server may already be gone.
        }
    };

    /// <summary>`resmonitor migrate`, and `seed` when <paramref name="seeded"/>, on the database of the setting.</summary>
    protected static async Task PrepareAsync(string setting, bool seeded)
    {
        var clock = TestClock.Create();
        var migrate = await RunAsync(setting, clock, "migrate");
        Assert.True(migrate.Code == 0, migrate.Error);
        if (seeded)
        {
            // The example projects only, as before real projects were seeded by default: the figures the tests check.
            var seed = await RunAsync(setting, clock, "seed", "--examples", "--skip-projects");
            Assert.True(seed.Code == 0, seed.Error);
        }
    }
}

public sealed class SqliteDatabase : TestDatabase
{
    /// <summary>The migrated (and seeded) files every class copies: made once per test run.</summary>
    private static readonly Lazy<Task<string>> SeededFile = new(() => MakeFileAsync(seeded: true));
    private static readonly Lazy<Task<string>> EmptyFile = new(() => MakeFileAsync(seeded: false));

    private readonly string _folder = Directory.CreateTempSubdirectory("resmonitor-test-").FullName;

    public SqliteDatabase() => Setting = $"sqlite:{Path.Combine(_folder, "test.db")}";

    public override async Task InitializeAsync()
    {
        var source = await (Seeded ? SeededFile : EmptyFile).Value;
        File.Copy(source, Path.Combine(_folder, "test.db"));
    }

    public override async Task DisposeAsync()
    {
        await StopHostAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<string> MakeFileAsync(bool seeded)
    {
        var folder = Directory.CreateTempSubdirectory("resmonitor-template-").FullName;
        AtExit(() => Directory.Delete(folder, recursive: true));
        var path = Path.Combine(folder, "template.db");
        await PrepareAsync($"sqlite:{path}", seeded);
        // Closing every connection folds a write-ahead log back into the file, so that one file is the whole database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return path;
    }
}

/// <summary>A fresh database on the server that ./test.sh starts (RESMONITOR_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresDatabase : TestDatabase
{
    /// <summary>The migrated (and seeded) databases every class copies as a template: made once per test run.</summary>
    private static readonly Lazy<Task<string>> SeededTemplate = new(() => MakeTemplateAsync(seeded: true));
    private static readonly Lazy<Task<string>> EmptyTemplate = new(() => MakeTemplateAsync(seeded: false));

    /// <summary>PostgreSQL copies a template only while nobody else copies or uses it.</summary>
    private static readonly SemaphoreSlim Copying = new(1, 1);

    private readonly string _name = NewName();

    public override async Task InitializeAsync()
    {
        var template = await (Seeded ? SeededTemplate : EmptyTemplate).Value;
        await Copying.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE {_name} TEMPLATE {template}");
        }
        finally
        {
            Copying.Release();
        }

        Setting = SettingFor(_name);
    }

    public override async Task DisposeAsync()
    {
        await StopHostAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static string Admin => Environment.GetEnvironmentVariable("RESMONITOR_TEST_POSTGRES")
        ?? throw new InvalidOperationException("RESMONITOR_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");

    private static string NewName() => "rm_test_" + Guid.NewGuid().ToString("N")[..12];

    private static string SettingFor(string name, bool pooling = true) =>
        "postgres:" + new NpgsqlConnectionStringBuilder(Admin) { Database = name, Pooling = pooling }.ConnectionString;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> MakeTemplateAsync(bool seeded)
    {
        var name = NewName() + (seeded ? "_seeded" : "_empty");
        await ExecuteAsync($"CREATE DATABASE {name}");
        AtExit(() => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult());
        // Without pooling: a template can only be copied while no connection is open on it.
        await PrepareAsync(SettingFor(name, pooling: false), seeded);
        return name;
    }
}
