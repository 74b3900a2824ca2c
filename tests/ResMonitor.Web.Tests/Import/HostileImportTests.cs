using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Tests.Import;

namespace ResMonitor.Web.Tests.Import;

/// <summary>
/// Damaged and hostile files (a sheet cut off in a cell, zip headers that lie, parts of the wrong type, an encrypted
/// workbook, a shared string that is not there, bytes that are not UTF-8) and files over the row limit: on the command
/// line exit 1 with a Dutch message, on the upload page a 400 page with that message; never a stack trace, never a
/// 500, and nothing stored. SQLite and PostgreSQL.
/// </summary>
public abstract class HostileImportTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false), IDisposable
    where TDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resmonitor-hostile-").FullName;

    public new void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Prefix() => "H" + Guid.NewGuid().ToString("N")[..8] + "-";

    private async Task<int> CountAsync(string prefix)
    {
        await using var db = Database.CreateContext();
        return await db.Projects.CountAsync(p => p.Id.StartsWith(prefix));
    }

    private async Task<(int Code, string Output, string Error)> ImportAsync(string name, byte[] file, params string[] options)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, file);
        return await Database.RunAsync(["import", "projects", path, .. options]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] file)
    {
        var token = BeheerSession.TokenIn(await client.GetStringAsync("/beheer/import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "bestand", name },
        };
        return await client.PostAsync("/beheer/import?handler=Controleren", form);
    }

    private static void AssertNoTrace(string text)
    {
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_hostile_file_ends_the_command_line_with_exit_1_and_a_Dutch_message_and_stores_nothing()
    {
        var p = Prefix();
        foreach (var (name, file, expected) in HostileFiles.All(p))
        {
            var (code, _, error) = await ImportAsync(name, file);

            Assert.True(code == 1, $"{name}: exit {code}, {error}");
            Assert.True(error.Contains(expected, StringComparison.Ordinal), $"{name}: {error}");
            Assert.Contains("Er is niets opgeslagen", error);
            AssertNoTrace(error);
        }

        Assert.Equal(0, await CountAsync(p));
    }

    [Fact]
    public async Task Every_hostile_file_is_a_400_page_with_the_Dutch_message_on_the_upload_page()
    {
        var p = Prefix();
        var (client, _) = await EditingSupport.SignedInAsync(Factory, Database, "beheerder");
        foreach (var (name, file, expected) in HostileFiles.All(p))
        {
            using var response = await UploadAsync(client, name, file);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
            Assert.True(page.Contains(expected, StringComparison.Ordinal), $"{name}: {expected} not on the page");
            AssertNoTrace(page);
        }

        Assert.Equal(0, await CountAsync(p));
    }

    [Fact]
    public async Task The_same_files_undamaged_are_imported()
    {
        var p = Prefix();
        Assert.Equal(0, (await ImportAsync("goed.xlsx", HostileFiles.GoodWorkbook(p + "a", 3))).Code);
        Assert.Equal(0, (await ImportAsync("goed-gedeeld.xlsx", HostileFiles.GoodWorkbookWithSharedStrings(p + "b", 3))).Code);
        Assert.Equal(0, (await ImportAsync("goed.csv", HostileFiles.Csv(p + "c", 3))).Code);
        Assert.Equal(9, await CountAsync(p));
    }

    [Theory]
    [InlineData("te-veel.csv")]
    [InlineData("te-veel.xlsx")]
    public async Task A_file_with_more_rows_than_the_limit_is_refused_at_the_first_row_over_it(string name)
    {
        var p = Prefix();
        var file = name.EndsWith(".csv", StringComparison.Ordinal) ? HostileFiles.Csv(p, 6) : HostileFiles.GoodWorkbook(p, 6);

        var (code, _, error) = await ImportAsync(name, file, "--max-rows", "5");

        Assert.Equal(1, code);
        Assert.Contains("Het bestand heeft meer dan 5 projecten (regel 7 is de eerste daarboven); dat is de grens per bestand.", error);
        Assert.Contains("Er is niets opgeslagen", error);
        Assert.Equal(0, await CountAsync(p));

        (code, _, error) = await ImportAsync(name, file, "--max-rows", "6");
        Assert.True(code == 0, error);
        Assert.Equal(6, await CountAsync(p));

        Assert.Equal(2, (await ImportAsync(name, file, "--max-rows", "nul")).Code);
    }

    [Fact]
    public async Task The_upload_page_takes_its_row_limit_from_the_configuration()
    {
        var p = Prefix();
        using var limited = Factory.WithWebHostBuilder(b => b.UseSetting("Import:MaxRows", "3"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BeheerSession.SignInAsync(client, Database, "beheerder");

        using var response = await UploadAsync(client, "vier.xlsx", HostileFiles.GoodWorkbook(p, 4));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het bestand heeft meer dan 3 projecten (regel 5 is de eerste daarboven)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync(p));
    }

    [Fact]
    public async Task After_a_thousand_errors_the_file_is_not_read_further()
    {
        var p = Prefix();
        var rows = string.Concat(Enumerable.Range(1, 3000).Select(i => $"{p}{i},Park {i},wind,GM9999,10,2020-01-01\n"));
        var (code, _, error) = await ImportAsync("fouten.csv", Encoding.UTF8.GetBytes(string.Join(',', HostileFiles.Columns) + "\n" + rows));

        Assert.Equal(1, code);
        Assert.Contains("Na 1.000 fouten is het lezen gestopt bij regel 1002; verbeter deze eerst.", error);
        Assert.Contains("Regel 1001, kolom gemeente: Onbekende gemeentecode 'GM9999'", error);
        Assert.DoesNotContain("Regel 1002, kolom gemeente", error);
        Assert.Equal(0, await CountAsync(p));
    }
}

public sealed class SqliteHostileImportTests(SqliteDatabase database) : HostileImportTests<SqliteDatabase>(database);

public sealed class PostgresHostileImportTests(PostgresDatabase database) : HostileImportTests<PostgresDatabase>(database);
