using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Web.Tests;

/// <summary>The `resmonitor` command: exit codes 0, 1 and 2, and plain-language messages.</summary>
public sealed class CommandLineTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Status_prints_a_readable_table_and_json_for_machines()
    {
        var table = await database.RunAsync("status");
        Assert.Equal(0, table.Code);
        Assert.Contains("Doel 2030: 3,45 TWh", table.Output);
        Assert.Contains("gerealiseerd", table.Output);
        Assert.Contains("Totaal", table.Output);

        var json = await database.RunAsync("status", "--json");
        Assert.Equal(0, json.Code);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(3_450_000m, document.RootElement.GetProperty("target").GetProperty("valueMwh").GetDecimal());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("status", "--colour")]
    [InlineData("import", "projects")]
    [InlineData("export", "projects", "--format", "xml")]
    [InlineData("export", "projects")]
    [InlineData("migrate", "now")]
    public async Task Bad_usage_exits_with_2_and_points_to_help(params string[] args)
    {
        var (code, _, error) = await database.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("resmonitor help", error);
    }

    [Fact]
    public async Task A_bad_database_setting_is_bad_usage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new Cli.CliApp(output, error, database.Clock).RunAsync(["--database", "mysql:x", "status"]);

        Assert.Equal(2, code);
        Assert.Contains("gebruik sqlite:PAD of postgres:Host=...", error.ToString());
    }

    [Fact]
    public async Task A_missing_import_file_is_a_failure_with_exit_code_1()
    {
        var (code, _, error) = await database.RunAsync("import", "projects", "/nergens/projecten.csv");

        Assert.Equal(1, code);
        Assert.Contains("bestaat niet", error);
    }

    [Theory]
    [InlineData("Gebruik: resmonitor import projects BESTAND", "import", "projects", "--help")]
    [InlineData("Gebruik: resmonitor import projects BESTAND", "help", "import", "projects")]
    [InlineData("--overwrite-corrections", "import", "projects", "-h")]
    [InlineData("--format csv|xlsx|json|geojson", "export", "projects", "--help")]
    public async Task Every_command_has_its_own_Dutch_help(string expected, params string[] args)
    {
        var (code, output, _) = await database.RunAsync(args);

        Assert.Equal(0, code);
        Assert.Contains(expected, output);
        Assert.Contains("Opties en woorden:", output);
    }

    [Fact]
    public async Task Version_prints_the_version_and_succeeds()
    {
        var (code, output, _) = await database.RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task Options_may_be_written_the_POSIX_way_with_an_equals_sign()
    {
        var (code, output, error) = await database.RunAsync("status", "--region=drenthe", "--json");

        Assert.True(code == 0, error);
        Assert.Contains("\"region\": \"drenthe\"", output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(true, "serve", "--urls", "http://127.0.0.1:5999")]
    [InlineData(true, "--urls", "http://127.0.0.1:5999")]
    [InlineData(true, "--environment=Development")]
    [InlineData(false, "--help")]
    [InlineData(false, "--version")]
    [InlineData(false, "--database", "sqlite:x.db", "status")]
    [InlineData(false, "import", "projects", "a.csv")]
    public void The_program_tells_the_web_host_from_a_command(bool server, params string[] args) =>
        Assert.Equal(server, Cli.CliApp.WantsServer(args));

    [Fact]
    public async Task Help_lists_every_command()
    {
        var (code, output, _) = await database.RunAsync("help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "serve", "migrate", "seed", "status", "import projects", "export projects", "backup BESTAND", "restore BESTAND [--force]" })
        {
            Assert.Contains(command, output);
        }
    }

    [Theory]
    [InlineData("csv", "project_id,naam,techniek,gemeente,vermogen_mw")]
    [InlineData("json", "\"projects\":[")]
    [InlineData("geojson", "\"FeatureCollection\"")]
    public async Task Export_writes_each_format_to_a_file(string format, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.{format}");
        var (code, output, error) = await database.RunAsync("export", "projects", "--format", format, "--output", path);

        Assert.True(code == 0, error);
        Assert.Contains(path, output);
        var content = await File.ReadAllTextAsync(path);
        File.Delete(path);
        Assert.Contains(expected, content);
        Assert.Contains("VB-001", content);
    }

    [Fact]
    public async Task An_exported_csv_imports_into_an_empty_register_unchanged()
    {
        var path = Path.Combine(Path.GetTempPath(), $"roundtrip-{Guid.NewGuid():N}.csv");
        Assert.Equal(0, (await database.RunAsync("export", "projects", "--format", "csv", "--output", path)).Code);
        var other = new SqliteDatabase();
        await other.InitializeAsync();
        try
        {
            Assert.Equal(0, (await other.RunAsync("seed", "--without-examples", "--skip-projects")).Code);
            var (code, output, error) = await other.RunAsync("import", "projects", path);
            Assert.True(code == 0, error);
            Assert.Contains("29 projecten ingelezen", output);

            var before = await database.RunAsync("status", "--json");
            var after = await other.RunAsync("status", "--json");
            Assert.Equal(
                JsonDocument.Parse(before.Output).RootElement.GetProperty("total").GetRawText(),
                JsonDocument.Parse(after.Output).RootElement.GetProperty("total").GetRawText());
        }
        finally
        {
            File.Delete(path);
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task Seeding_without_examples_removes_them()
    {
        var fresh = new SqliteDatabase();
        await fresh.InitializeAsync();
        try
        {
            Assert.Contains("29 projecten zijn verzonnen voorbeelden", (await fresh.RunAsync("status")).Output);
            var (code, output, _) = await fresh.RunAsync("seed", "--without-examples");

            Assert.Equal(0, code);
            Assert.Contains("29 voorbeeldprojecten verwijderd", output);
            Assert.DoesNotContain("voorbeelden", (await fresh.RunAsync("status")).Output);
            await using var db = fresh.CreateContext();
            Assert.False(await db.SearchAreas.AnyAsync(a => a.IsExample), "example search areas are left after seed --without-examples");
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }
}
