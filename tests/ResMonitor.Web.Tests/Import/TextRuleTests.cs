using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core;
using static ResMonitor.Web.Tests.EditingSupport;

namespace ResMonitor.Web.Tests.Import;

/// <summary>
/// One rule for text in every channel (<see cref="TextRule"/>): control characters other than tab and line breaks
/// are refused with the field (and in a file the line and column), and every text the rule lets through goes into
/// both databases, every export format and back. SQLite and PostgreSQL.
/// </summary>
public abstract class TextRuleTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database), IDisposable
    where TDatabase : TestDatabase
{
    private const string Header = "project_id,naam,techniek,gemeente,vermogen_mw,lat,lon,eigenaren,bron,datum_in_procedure";

    private readonly string _folder = Directory.CreateTempSubdirectory("resmonitor-text-").FullName;

    /// <summary>Names a careless user or an attacker would try: all of them pass the rule.</summary>
    public static readonly string[] HostileNames =
    [
        "Zonnepark\tmet tab",
        "Windpark\r\nregel twee\nregel drie\rregel vier",
        "Zon 😀 🌞 👩‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "Park \u200F\u202Eمرحبا\u202C שלום\u200E",
        "\"Aanhalingstekens\" 'enkel' „Nederlands” «guillemets» ; , |",
        "=cmd|' /C calc'!A0",
        "+31 6 1234 5678",
        "-2+3",
        "@SUM(A1:A9)",
        "<script>alert(1)</script> &amp; ]]> <![CDATA[",
        "Park\u00A0met\u2028scheiding\u2029en\uFEFFBOM\u200Bzero-width",
        "_x0000_ en _x0001_ zoals Excel ze schrijft",
        string.Concat(Enumerable.Repeat("😀", 100)),
        "Z" + new string('é', 198) + "Z",
    ];

    public new void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Prefix() => "TX" + Guid.NewGuid().ToString("N")[..8] + "-";

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task<string> WriteAsync(string content, string extension = "csv")
    {
        var path = Path.Combine(_folder, $"import-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false));
        return path;
    }

    private async Task<int> CountAsync(string prefix)
    {
        await using var db = Database.CreateContext();
        return await db.Projects.CountAsync(p => p.Id.StartsWith(prefix));
    }

    /// <summary>Every character the rule allows in the Basic Multilingual Plane, in pieces that fit the owners field.</summary>
    internal static List<string> EveryAllowedCharacter()
    {
        var all = new StringBuilder("\t\r\n");
        for (var c = 0x20; c <= 0xFFFD; c++)
        {
            if (TextRule.IsAllowed([(char)c]))
            {
                all.Append((char)c);
            }
        }

        var text = all.ToString();
        // Brackets around each piece: the importer trims cells, and a piece must not start or end with a space.
        return Enumerable.Range(0, (text.Length + 1899) / 1900).Select(i => string.Concat("[", text.AsSpan(i * 1900, Math.Min(1900, text.Length - (i * 1900))), "]")).ToList();
    }

    [Fact]
    public void The_rule_refuses_control_characters_half_surrogates_and_non_characters_and_allows_the_rest()
    {
        Assert.All(HostileNames, name => Assert.True(TextRule.IsAllowed(name), name));
        Assert.Equal(4, TextRule.FirstForbidden("Park\0"));
        Assert.Equal(0, TextRule.FirstForbidden("\u0001"));
        Assert.Equal(1, TextRule.FirstForbidden("a\u007Fb"));
        Assert.Equal(1, TextRule.FirstForbidden("a\u0085b"));
        Assert.Equal(0, TextRule.FirstForbidden("\uD83D"));
        Assert.Equal(1, TextRule.FirstForbidden("a\uDE00"));
        Assert.Equal(0, TextRule.FirstForbidden("\uFFFF"));
        Assert.Equal(
            "De naam bevat een teken dat niet is toegestaan (U+0001, een stuurteken) op positie 3. Alleen tab en regeleinde zijn als stuurteken toegestaan; verwijder het teken (het is vaak onzichtbaar, bijvoorbeeld na kopiëren uit een ander programma).",
            TextRule.Check("ab\u0001", "De naam"));
    }

    [Fact]
    public async Task A_CSV_row_with_a_NUL_in_the_name_is_refused_with_line_and_column_and_stores_nothing()
    {
        var p = Prefix();
        var path = await WriteAsync($"{Header}\n{p}1,Goed park,wind,GM0106,10,,,,,2020-01-01\n{p}2,Zon\0park,zon op land,GM0106,5,,,,,2020-01-01\n");

        var (code, _, error) = await Database.RunAsync("import", "projects", path);

        Assert.Equal(1, code);
        Assert.Contains("Regel 3, kolom naam: De cel bevat een teken dat niet is toegestaan (U+0000, het nulteken) op positie 4.", error);
        Assert.Contains("Er is niets opgeslagen", error);
        Assert.False(error.Contains('\0', StringComparison.Ordinal), "The message quotes the NUL back.");
        Assert.Equal(0, await CountAsync(p));
        // The register stays exportable in every format.
        foreach (var format in new[] { "csv", "xlsx", "json", "geojson" })
        {
            var (exported, _, exportError) = await Database.RunAsync("export", "projects", "--format", format, "--output", Path.Combine(_folder, "out." + format));
            Assert.True(exported == 0, exportError);
        }
    }

    [Fact]
    public async Task A_control_character_in_any_column_of_a_CSV_is_named_by_line_and_column()
    {
        var p = Prefix();
        var path = await WriteAsync($"{Header}\n{p}1,Park,wind,GM0106,10,,,\"A\u001bB\",Bron\u0007,2020-01-01\n");

        var (code, _, error) = await Database.RunAsync("import", "projects", path);

        Assert.Equal(1, code);
        Assert.Contains("Regel 2, kolom eigenaren: De cel bevat een teken dat niet is toegestaan (U+001B, een stuurteken) op positie 2.", error);
        Assert.Contains("Regel 2, kolom bron: De cel bevat een teken dat niet is toegestaan (U+0007, een stuurteken) op positie 5.", error);
        Assert.Equal(0, await CountAsync(p));
    }

    [Fact]
    public async Task A_name_with_U0001_through_the_API_is_a_400_that_names_the_field_and_changes_nothing()
    {
        var id = await NewProjectAsync(Database, "GM0114");
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var token = await ApiTokenAsync(client);
        var state = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/api/v1/projects/{id}"))!.AsObject();
        state["name"] = "Zon\u0001park";
        state["reason"] = "Bel\u0007";

        var response = await client.SendAsync(Put(id, state, token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("U+0001", errors.GetProperty("name")[0].GetString());
        Assert.StartsWith("De naam bevat een teken dat niet is toegestaan", errors.GetProperty("name")[0].GetString());
        Assert.Contains("U+0007", errors.GetProperty("reason")[0].GetString());
        Assert.Equal("Testproject " + id, (await ProjectAsync(Database, id)).Name);
    }

    [Fact]
    public async Task The_command_line_refuses_control_characters_in_a_plan_failure_and_a_user_name_and_stores_nothing()
    {
        var id = await NewProjectAsync(Database, "GM0114");
        var (code, _, error) = await Database.RunAsync("plan-failure", "add", "--project", id, "--kind", "geen", "--date", "2025-06-01",
            "--reason", "netcapaciteit", "--explanation", "Geen\u0000aansluiting");

        Assert.Equal(1, code);
        Assert.Contains("De toelichting bevat een teken dat niet is toegestaan (U+0000, het nulteken) op positie 5.", error);
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.PlanFailures.AnyAsync(f => f.ProjectId == id));
        }

        var email = $"tekst-{Guid.NewGuid():N}@drenthe.example";
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var cli = new Cli.CliApp(output, errors, Database.Clock) { Input = new StringReader("een-lang-wachtwoord-2025\n"), Variables = _ => null };
        Assert.Equal(2, await cli.RunAsync(["--database", Database.Setting, "user", "add", email, "--role", "lezer", "--name", "Piet\u001bJansen"]));
        Assert.Contains("De naam (--name) bevat een teken dat niet is toegestaan (U+001B, een stuurteken) op positie 5.", errors.ToString());
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        }
    }

    [Fact]
    public async Task A_form_field_with_a_control_character_is_a_Dutch_400_page_that_names_the_field()
    {
        var id = await NewProjectAsync(Database, "GM0114");
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");

        var response = await EditAsync(client, id, new() { ["name"] = "Zon\u0002park" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Het veld 'name' bevat een teken dat niet is toegestaan (U+0002, een stuurteken) op positie 4.", html);
        Assert.Equal("Testproject " + id, (await ProjectAsync(Database, id)).Name);
        var reference = await client.GetStringAsync("/beheer/referentiegegevens");
        Assert.False(reference.Contains('\u0002', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_text_the_rule_lets_through_is_stored_exported_in_every_format_and_imports_back_unchanged()
    {
        var p = Prefix();
        var owners = EveryAllowedCharacter();
        var rows = new StringBuilder(Header + "\n");
        var expected = new Dictionary<string, (string Name, string Owners)>();
        var count = Math.Max(HostileNames.Length, owners.Count);
        for (var i = 0; i < count; i++)
        {
            var name = i < HostileNames.Length ? HostileNames[i] : $"Park {i}";
            var owner = i < owners.Count ? owners[i] : "Coöperatie";
            expected[$"{p}{i}"] = (name, owner);
            // The same text as owners (CSV and XLSX only) and as source (every format).
            rows.Append(CultureInvariant($"{p}{i},{Quote(name)},zon op land,GM0106,1.5,52.8,6.6,{Quote(owner)},{Quote(owner)},2020-01-01\n"));
        }

        var (code, output, error) = await Database.RunAsync("import", "projects", await WriteAsync(rows.ToString()));
        Assert.True(code == 0, error);
        Assert.Contains($"{count} projecten ingelezen", output);

        // Stored exactly, on SQLite and on PostgreSQL.
        await using (var db = Database.CreateContext())
        {
            var stored = await db.Projects.AsNoTracking().Where(x => x.Id.StartsWith(p)).ToDictionaryAsync(x => x.Id, x => (x.Name, x.Owners ?? ""));
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), stored.OrderBy(e => e.Key, StringComparer.Ordinal));
        }

        // Every export format takes them, and CSV and XLSX import back with no change at all.
        foreach (var format in new[] { "csv", "xlsx", "json", "geojson" })
        {
            var file = Path.Combine(_folder, $"export-{p}.{format}");
            var exported = await Database.RunAsync("export", "projects", "--format", format, "--output", file);
            Assert.True(exported.Code == 0, $"{format}: {exported.Error}");
            if (format is "csv" or "xlsx")
            {
                var again = await Database.RunAsync("import", "projects", file, "--dry-run");
                Assert.True(again.Code == 0, $"{format}: {again.Error}");
                // XML, and so a workbook, keeps a line break as LF (as Excel does): a text with a carriage return
                // comes back from XLSX with LF line breaks, and only those rows differ. CSV keeps every character.
                var withCarriageReturn = format == "xlsx" ? expected.Values.Count(e => (e.Name + e.Owners).Contains('\r', StringComparison.Ordinal)) : 0;
                Assert.True(again.Output.Contains($"nieuw: 0, gewijzigd: {withCarriageReturn},", StringComparison.Ordinal), again.Output[..Math.Min(500, again.Output.Length)]);
            }
            else
            {
                var strings = new HashSet<string>(StringComparer.Ordinal);
                Collect(JsonDocument.Parse(await File.ReadAllBytesAsync(file)).RootElement, strings);
                Assert.All(expected.Values, e => Assert.Contains(e.Name, strings));
                Assert.All(expected.Values, e => Assert.Contains(e.Owners, strings)); // as the source
            }
        }

        foreach (var download in new[] { "projecten.csv", "projecten-excel.csv", "projecten.xlsx", "projecten.geojson", "open-data.zip" })
        {
            using var response = await Client.GetAsync($"/open-data/drenthe/{download}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{download}: {response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
        }

        var fromApi = new HashSet<string>(StringComparer.Ordinal);
        Collect(JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/regions/drenthe/projects/{p}3")).RootElement, fromApi);
        Assert.Contains(HostileNames[3], fromApi);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/projecten/{p}3")).StatusCode);
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Collect(JsonElement element, HashSet<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, strings);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
        }
    }
}

public sealed class SqliteTextRuleTests(SqliteDatabase database) : TextRuleTests<SqliteDatabase>(database);

public sealed class PostgresTextRuleTests(PostgresDatabase database) : TextRuleTests<PostgresDatabase>(database);

/// <summary>The move to production (a SQLite backup restored into PostgreSQL) with every text the rule lets through.</summary>
public sealed class TextRuleBackupTests
{
    [Fact]
    public async Task A_sqlite_backup_holding_every_allowed_text_restores_into_postgres_exactly()
    {
        var sqlite = new SqliteDatabase();
        var postgres = new PostgresDatabase { Seeded = false };
        var path = Path.Combine(Path.GetTempPath(), $"backup-{Guid.NewGuid():N}.zip");
        try
        {
            await sqlite.InitializeAsync();
            await postgres.InitializeAsync();
            await using (var db = sqlite.CreateContext())
            {
                var municipality = (await db.Organisations.FirstAsync(o => o.Code == "GM0106")).Id;
                var owners = TextRuleTests<SqliteDatabase>.EveryAllowedCharacter();
                for (var i = 0; i < owners.Count; i++)
                {
                    var project = BackupData.Project($"TXB-{i}", municipality);
                    project.Name = i < TextRuleTests<SqliteDatabase>.HostileNames.Length ? TextRuleTests<SqliteDatabase>.HostileNames[i] : $"Park {i}";
                    project.Owners = owners[i];
                    project.Participation = owners[^(i + 1)];
                    db.Projects.Add(project);
                }

                await db.SaveChangesAsync();
            }

            Assert.Equal(0, (await sqlite.RunAsync("backup", path)).Code);
            var (code, _, error) = await postgres.RunAsync("restore", path);

            Assert.True(code == 0, error);
            TableSnapshot.AssertEqual(await TableSnapshot.ReadAsync(sqlite, portable: true), await TableSnapshot.ReadAsync(postgres, portable: true));
        }
        finally
        {
            File.Delete(path);
            await sqlite.DisposeAsync();
            await postgres.DisposeAsync();
        }
    }
}
