using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Cli;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The upload page /beheer/import on both databases: the dry-run report first, then the confirmation without a new
/// upload; the file bound to its user; a redacteur limited to their municipality; form tokens; and the size limit,
/// also above the web server's own request limit, answered with a Dutch page.
/// </summary>
public abstract partial class ImportPageTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string Password = "projecten-inlezen-2025";
    private const string Header = "project_id,naam,techniek,gemeente,vermogen_mw,datum_in_procedure,datum_vergund";

    private async Task<string> NewUserAsync(string role, string? organisation = null)
    {
        var email = $"import-{Guid.NewGuid():N}@drenthe.example";
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliApp(output, error, Database.Clock) { Input = new StringReader(Password + "\n"), Variables = _ => null };
        string[] args = organisation is null ? ["user", "add", email, "--role", role] : ["user", "add", email, "--role", role, "--organisation", organisation];
        Assert.True(await cli.RunAsync(["--database", Database.Setting, .. args]) == 0, error.ToString());
        return email;
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        var token = TokenIn(await client.GetStringAsync("/inloggen"));
        var response = await client.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        // A client that follows redirects lands on /beheer.
        Assert.True(response.StatusCode == HttpStatusCode.Redirect || response.RequestMessage!.RequestUri!.AbsolutePath == "/beheer", $"sign-in: {response.StatusCode}");
    }

    private static MultipartFormDataContent Upload(string token, byte[] file, string name, bool overwrite = false)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "bestand", name },
        };
        if (overwrite)
        {
            form.Add(new StringContent("true"), "overschrijven");
        }

        return form;
    }

    private static async Task<HttpResponseMessage> CheckAsync(HttpClient client, byte[] file, string name, bool overwrite = false)
    {
        var token = TokenIn(await client.GetStringAsync("/beheer/import"));
        return await client.PostAsync("/beheer/import?handler=Controleren", Upload(token, file, name, overwrite));
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string page) =>
        client.PostAsync("/beheer/import?handler=Importeren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenIn(page),
            ["token"] = UploadToken().Match(page).Groups[1].Value,
            ["overschrijven"] = "false",
        }));

    private async Task<string> NewProjectAsync(string municipality = "GM0106")
    {
        var id = "UP" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(Path.GetTempPath(), $"{id}.csv");
        // A source of its own, as a supplier's file states it: a later import without one then visibly becomes the source.
        await File.WriteAllTextAsync(path, $"{Header},bron\n{id},Zonnepark {id},zon op land,{municipality},12.5,2019-01-01,2020-06-15,Opgave leverancier {id}\n");
        var (code, _, error) = await Database.RunAsync("import", "projects", path);
        File.Delete(path);
        Assert.True(code == 0, error);
        return id;
    }

    private static string Html(string page) => WebUtility.HtmlDecode(page);

    [Fact]
    public async Task A_beheerder_sees_the_full_dry_run_report_then_confirms_without_uploading_again()
    {
        var existing = await NewProjectAsync();
        var fresh = "UP" + Guid.NewGuid().ToString("N")[..8];
        var email = await NewUserAsync("beheerder");
        await SignInAsync(Client, email);
        var file = Encoding.UTF8.GetBytes($"{Header}\n{existing},Zonnepark {existing},zon op land,GM0106,14,2019-01-01,2020-06-15\n{fresh},Windpark Nieuw,wind,GM0106,20,2021-03-01,\n");

        var check = await CheckAsync(Client, file, "opgave-assen.csv");

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var page = Html(await check.Content.ReadAsStringAsync());
        Assert.Contains("Proefdraai: wat opgave-assen.csv zou doen", page);
        Assert.Matches($"<td class=\"utrecht-table__cell\">{existing} \\(Zonnepark {existing}\\)</td>\\s*<td class=\"utrecht-table__cell\">vermogen_mw</td>\\s*<td class=\"utrecht-table__cell\">12.5</td>\\s*<td class=\"utrecht-table__cell\">14</td>", page);
        Assert.Contains($"<td class=\"utrecht-table__cell\">{fresh}</td>", page);
        Assert.Contains("Importeren: 1 nieuw, 1 gewijzigd", page);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(12.5m, (await db.Projects.SingleAsync(p => p.Id == existing)).CapacityMw);
            Assert.False(await db.Projects.AnyAsync(p => p.Id == fresh));
        }

        var confirm = await ConfirmAsync(Client, page);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var done = Html(await confirm.Content.ReadAsStringAsync());
        // Three entries: the new project, the capacity, and the changed project's source (now this import, in public words).
        Assert.Contains("opgave-assen.csv is ingelezen: 1 nieuwe en 1 gewijzigde projecten, 3 regels in het auditlogboek", done);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(14m, (await db.Projects.SingleAsync(p => p.Id == existing)).CapacityMw);
            Assert.True(await db.Projects.AnyAsync(p => p.Id == fresh));
            var entry = await db.AuditEntries.SingleAsync(a => a.RowKey == existing && a.Field == "capacity_mw");
            Assert.Equal((email, "import", "opgave-assen.csv", "12.5", "14"), (entry.Actor, entry.Channel, entry.Reason, entry.OldValue, entry.NewValue));
        }

        // The kept file is gone once imported: confirming again is refused and changes nothing.
        var again = await ConfirmAsync(Client, page);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("Dit bestand is niet meer beschikbaar", Html(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Errors_are_listed_with_row_column_and_reason_and_nothing_can_be_confirmed()
    {
        var email = await NewUserAsync("beheerder");
        await SignInAsync(Client, email);
        var file = Encoding.UTF8.GetBytes($"{Header}\nUPX1,Goed,wind,GM0106,10,2020-01-01,\nUPX2,Fout,wind,GM0106,-3,2020-01-01,\n");

        var check = await CheckAsync(Client, file, "fout.csv");

        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        var page = Html(await check.Content.ReadAsStringAsync());
        Assert.Contains("Fouten: er is niets ingelezen (1 van 2 regels kloppen niet)", page);
        Assert.Matches("<td class=\"utrecht-table__cell\">3</td>\\s*<td class=\"utrecht-table__cell\">vermogen_mw</td>\\s*<td class=\"utrecht-table__cell\">Het vermogen moet groter dan 0 MW zijn", page);
        Assert.DoesNotContain("handler=Importeren", page);
    }

    [Fact]
    public async Task The_kept_file_belongs_to_the_user_who_uploaded_it()
    {
        var existing = await NewProjectAsync();
        await SignInAsync(Client, await NewUserAsync("beheerder"));
        var page = Html(await (await CheckAsync(Client, Encoding.UTF8.GetBytes($"{Header}\n{existing},Andere naam,zon op land,GM0106,12.5,2019-01-01,2020-06-15\n"), "naam.csv")).Content.ReadAsStringAsync());
        var token = UploadToken().Match(page).Groups[1].Value;
        Assert.Equal(48, token.Length);

        using var other = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(other, await NewUserAsync("beheerder"));
        var form = TokenIn(await other.GetStringAsync("/beheer/import"));
        var stolen = await other.PostAsync("/beheer/import?handler=Importeren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["token"] = token,
        }));

        Assert.Equal(HttpStatusCode.Gone, stolen.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Equal($"Zonnepark {existing}", (await db.Projects.SingleAsync(p => p.Id == existing)).Name);
    }

    [Fact]
    public async Task A_redacteur_may_import_only_the_projects_of_their_own_municipality()
    {
        var email = await NewUserAsync("redacteur", "GM0114");
        await SignInAsync(Client, email);
        Assert.Contains("/beheer/import", await Client.GetStringAsync("/beheer"));

        var check = await CheckAsync(Client, Encoding.UTF8.GetBytes($"{Header}\nUPE1,Windpark Emmen,wind,GM0114,10,2020-01-01,\nUPA1,Windpark Assen,wind,GM0106,10,2020-01-01,\n"), "emmen.csv");

        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        var page = Html(await check.Content.ReadAsStringAsync());
        Assert.Contains("Als redacteur leest u alleen projecten van Emmen in", page);
        Assert.Matches("<td class=\"utrecht-table__cell\">3</td>\\s*<td class=\"utrecht-table__cell\">gemeente</td>\\s*<td class=\"utrecht-table__cell\">Dit project ligt in GM0106; u mag alleen projecten van Emmen inlezen.", page);
    }

    [Fact]
    public async Task A_lezer_and_an_anonymous_visitor_cannot_import()
    {
        var anonymous = await Client.GetAsync("/beheer/import");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/inloggen", anonymous.Headers.Location!.ToString());

        await SignInAsync(Client, await NewUserAsync("lezer"));
        Assert.EndsWith("/fout/403", (await Client.GetAsync("/beheer/import")).Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("/beheer/import", await Client.GetStringAsync("/beheer"));
    }

    [Fact]
    public async Task A_post_without_the_form_token_is_refused()
    {
        await SignInAsync(Client, await NewUserAsync("beheerder"));
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\nUPT1,X,wind,GM0106,10,2020-01-01,\n")), "bestand", "x.csv" } };

        var response = await Client.PostAsync("/beheer/import?handler=Controleren", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Proefdraai", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_a_Dutch_message_whether_the_form_holds_it_or_not()
    {
        using var small = Factory.WithWebHostBuilder(b => b.UseSetting("Import:MaxFileBytes", "2000"));
        using var client = small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });
        await SignInAsync(client, await NewUserAsync("beheerder"));
        var row = "UPL1,Zonnepark,zon op land,GM0106,10,2020-01-01,\n";

        // Just over the limit: the form is read and the page says so.
        var over = await CheckAsync(client, Encoding.UTF8.GetBytes(Header + "\n" + string.Concat(Enumerable.Repeat(row, 60))), "groot.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("Het bestand is 2,9 kB groot; de grens is 2 kB. Er is niets ingelezen.", Html(await over.Content.ReadAsStringAsync()));

        // Far over it, more than the form may hold: read to the end and thrown away, then the same kind of page.
        var far = await CheckAsync(client, new byte[300_000], "heel-groot.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, far.StatusCode);
        var page = Html(await far.Content.ReadAsStringAsync());
        Assert.Contains("de grens is 2 kB. Er is niets ingelezen.", page);
        Assert.Contains("Bestand kiezen", page);
    }

    [Fact]
    public async Task On_the_real_web_server_an_upload_above_its_default_request_limit_gets_a_page_not_a_broken_connection()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var app = WebApp.Build(["--urls", url, "--database", Database.Setting], Database.Clock);
        await app.StartAsync();
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        await SignInAsync(client, await NewUserAsync("beheerder"));
        var row = Encoding.UTF8.GetBytes($"{Header}\nUPK1,Zonnepark,zon op land,GM0106,10,2020-01-01,\n");
        var blank = Encoding.UTF8.GetBytes(new string(' ', 1023) + "\n");

        // 35 MB: above Kestrel's default of about 28,6 MB, below the import limit of 50 MB. Checked, not refused. The
        // padding is blank lines (a free text longer than 2.000 characters is refused by the project rules, and one
        // CSV record longer than 4 M characters by the reader).
        var big = await CheckAsync(client, [.. row, .. Enumerable.Repeat(blank, 35 * 1024).SelectMany(b => b)], "groot.csv");
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        Assert.Contains("Proefdraai: wat groot.csv zou doen", Html(await big.Content.ReadAsStringAsync()));

        // 60 MB: above the import limit. The server reads it away and shows the message.
        var over = await CheckAsync(client, new byte[60 * 1024 * 1024], "te-groot.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("Het bestand is 60 MB groot; de grens is 50 MB.", Html(await over.Content.ReadAsStringAsync()));
        await app.StopAsync();
    }

    [Fact]
    public async Task The_open_data_workbook_download_imports_back_unchanged()
    {
        await NewProjectAsync();
        var response = await Client.GetAsync("/open-data/drenthe/projecten.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResMonitor.Core.Projects.ProjectXlsx.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("drenthe-projecten.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        await using var db = Database.CreateContext();
        var report = await new ResMonitor.Core.Import.ProjectImporter(db, new ResMonitor.Core.Import.ImportOptions(), Database.Clock)
            .ImportAsync(new ResMonitor.Core.Import.ImportRequest("drenthe", "drenthe-projecten.xlsx", DryRun: true), file, file.Length);
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(await db.Projects.CountAsync(), report.Unchanged);
        Assert.Empty(report.Changed);
        Assert.Contains("projecten.xlsx", await Client.GetStringAsync("/open-data"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string TokenIn(string html) =>
        FormToken().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No form token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex UploadToken();
}

public sealed class SqliteImportPageTests(SqliteDatabase database) : ImportPageTests<SqliteDatabase>(database);

public sealed class PostgresImportPageTests(PostgresDatabase database) : ImportPageTests<PostgresDatabase>(database);
