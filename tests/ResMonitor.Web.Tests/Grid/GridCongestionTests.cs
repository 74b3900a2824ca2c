using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Cli;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using static ResMonitor.Web.Tests.BeheerSession;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The grid congestion register (netcongestie) through /beheer/netcongestie on both databases: the grid signal it
/// gives, ending a record, Dutch messages next to the fields, who may write, the public list and the API, and the
/// example records that come and go with `seed`.
/// </summary>
public abstract partial class GridCongestionTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase, new()
{

    private static readonly string Today = TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Feed_in_congestion_gives_an_open_project_a_signal_with_the_record_and_ending_it_takes_the_signal_away()
    {
        var open = await AddProjectAsync("GM1730", Phase.InProcedure);
        var built = await AddProjectAsync("GM1730", Phase.Realised);
        await SignInAsAsync("beheerder");

        var id = await RecordAsync(Fields("gemeente:GM1730", "ENEXIS", "FeedIn", since: "2023-05-01", expected: "2028-06-30", reinforcement: "Station Zuidlaren (test)"));

        var signal = Assert.Single(await GridSignalsAsync(), s => s.GetProperty("subject").GetString() == open);
        Assert.DoesNotContain(await GridSignalsAsync(), s => s.GetProperty("subject").GetString() == built);
        var facts = signal.GetProperty("facts").GetString()!;
        Assert.Contains($"Netcongestie nr. {id}: leveringscongestie in de gemeente Tynaarlo bij Enexis Netbeheer sinds 1 mei 2023; verwacht einde: 30 juni 2028, na Station Zuidlaren (test).", facts);
        Assert.Contains("Bron: Capaciteitskaart Enexis (test), peildatum 1 oktober 2025.", facts);
        Assert.Equal($"/projecten/{open}", signal.GetProperty("link").GetString());
        Assert.Equal("2023-05-01", signal.GetProperty("since").GetString());

        using var visitor = Factory.CreateClient();
        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync("/signalen"));
        Assert.Contains(facts, page);
        Assert.DoesNotContain("Nog geen gegevens: dit signaal komt zodra", page);
        var list = WebUtility.HtmlDecode(await visitor.GetStringAsync("/netcongestie"));
        Assert.Contains($"id=\"netcongestie-{id}\"", list);
        Assert.Contains($"Nr. {id}. Bron: Capaciteitskaart Enexis (test), peildatum 1 oktober 2025.", list);

        var ended = await PostAsync($"/beheer/netcongestie/{id}", Fields("gemeente:GM1730", "ENEXIS", "FeedIn", since: "2023-05-01", expected: "2028-06-30", reinforcement: "Station Zuidlaren (test)", ended: Today));

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.DoesNotContain(await GridSignalsAsync(), s => s.GetProperty("subject").GetString() == open);
        Assert.Contains($"beëindigd op {TestClock.Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}", WebUtility.HtmlDecode(await visitor.GetStringAsync("/netcongestie")));
    }

    [Fact]
    public async Task Offtake_congestion_alone_gives_a_producing_project_no_signal()
    {
        var project = await AddProjectAsync("GM0119", Phase.Permitted);
        await SignInAsAsync("beheerder");

        var id = await RecordAsync(Fields("gemeente:GM0119", "RENDO", "Offtake", since: "2024-02-01"));

        Assert.DoesNotContain(await GridSignalsAsync(), s => s.GetProperty("subject").GetString() == project);
        Assert.Contains($"Nr. {id}. Bron:", WebUtility.HtmlDecode(await Client.GetStringAsync("/netcongestie")));
    }

    [Fact]
    public async Task An_end_before_the_start_an_unknown_area_and_a_missing_source_are_refused_next_to_their_fields_and_nothing_is_stored()
    {
        await SignInAsAsync("beheerder");
        var before = await CountAsync();

        var response = await PostAsync("/beheer/netcongestie/nieuw", Fields("gemeente:GM9999", "ENEXIS", "FeedIn", since: "2024-03-01", ended: "2024-02-01", source: ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("De netcongestie is niet vastgelegd. Verbeter wat bij de velden staat.", html);
        Assert.Contains("id=\"einde-fout\">Het einde (1 februari 2024) ligt vóór het begin (1 maart 2024).", html);
        Assert.Contains("id=\"gebied-fout\">Het gebied 'gemeente:GM9999' staat niet in het register.", html);
        Assert.Contains("id=\"bron-fout\">Geef de bron", html);
        Assert.Contains("aria-describedby=\"bron-uitleg bron-fout\"", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_unreadable_date_and_an_example_search_area_are_named_and_nothing_is_stored()
    {
        await SignInAsAsync("beheerder");
        var before = await CountAsync();

        var response = await PostAsync("/beheer/netcongestie/nieuw", Fields("zoekgebied:VB-ZG-01", "TENNET", "FeedIn", since: "1-3-2024"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"sinds-fout\">'1-3-2024' is geen datum; vul een datum in als jjjj-mm-dd.</p>", html);
        Assert.Contains("id=\"gebied-fout\">'Voorbeeld: zoekgebied wind Coevorden' is een verzonnen voorbeeldgebied", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_change_through_the_page_is_in_the_audit_trail_under_the_user_with_channel_web()
    {
        var email = await SignInAsAsync("beheerder");
        var id = await RecordAsync(Fields("gemeente:GM1701", "RENDO", "FeedIn", since: "2022-09-01"));

        var changed = await PostAsync($"/beheer/netcongestie/{id}", Fields("gemeente:GM1701", "RENDO", "FeedIn", since: "2022-09-01", expected: "2027-01-01"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using var db = Database.CreateContext();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.TableName == "grid_congestions" && a.RowKey == key).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(("web", email), (e.Channel, e.Actor)));
        Assert.Equal(AuditRecorder.RowField, entries[0].Field);
        Assert.Contains("\"source\":\"Capaciteitskaart Enexis (test)\"", entries[0].NewValue);
        Assert.Equal(("expected_end", (string?)null, "2027-01-01"), (entries[1].Field, entries[1].OldValue, entries[1].NewValue));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_a_municipality_redacteur_is_refused()
    {
        var anonymous = await Client.GetAsync("/beheer/netcongestie");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/inloggen", anonymous.Headers.Location!.ToString());

        await SignInAsAsync("redacteur", "GM0106");
        Assert.EndsWith("/fout/403", (await Client.GetAsync("/beheer/netcongestie")).Headers.Location!.AbsolutePath);
        Assert.EndsWith("/fout/403", (await Client.GetAsync("/beheer/netcongestie/nieuw")).Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("/beheer/netcongestie", await Client.GetStringAsync("/beheer"));
        var before = await CountAsync();
        var post = await Client.PostAsync("/beheer/netcongestie/nieuw", Form(TokenIn(await Client.GetStringAsync("/beheer")), Fields("gemeente:GM0106", "ENEXIS", "FeedIn", since: "2024-01-01")));
        Assert.EndsWith("/fout/403", post.Headers.Location!.AbsolutePath);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_grid_operator_redacteur_keeps_their_own_records_and_not_another_operators()
    {
        await SignInAsAsync("beheerder");
        var enexis = await RecordAsync(Fields("gemeente:GM1681", "ENEXIS", "FeedIn", since: "2023-01-01"));

        using var rendoClient = Factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignInAsAsync("redacteur", "RENDO", rendoClient);
        Assert.Contains("/beheer/netcongestie", await rendoClient.GetStringAsync("/beheer"));
        var list = WebUtility.HtmlDecode(await rendoClient.GetStringAsync("/beheer/netcongestie"));
        Assert.Contains("U legt netcongestie vast voor Rendo Netwerken", list);
        Assert.DoesNotContain($"href=\"/beheer/netcongestie/{enexis}\"", list);
        Assert.EndsWith("/fout/403", (await rendoClient.GetAsync($"/beheer/netcongestie/{enexis}")).Headers.Location!.AbsolutePath);
        var token = TokenIn(await rendoClient.GetStringAsync("/beheer/netcongestie/nieuw"));
        var foreign = await rendoClient.PostAsync($"/beheer/netcongestie/{enexis}", Form(token, Fields("gemeente:GM1681", "ENEXIS", "FeedIn", since: "2023-01-01", ended: Today)));
        Assert.EndsWith("/fout/403", foreign.Headers.Location!.AbsolutePath);
        var asEnexis = await rendoClient.PostAsync("/beheer/netcongestie/nieuw", Form(token, Fields("gemeente:GM1681", "ENEXIS", "Offtake", since: "2023-01-01")));
        Assert.EndsWith("/fout/403", asEnexis.Headers.Location!.AbsolutePath);

        var own = await rendoClient.PostAsync("/beheer/netcongestie/nieuw", Form(token, Fields("gemeente:GM1690", "RENDO", "Offtake", since: "2023-01-01")));

        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Null((await db.Congestions.AsNoTracking().SingleAsync(c => c.Id == enexis)).EndedOn);
    }

    [Fact]
    public async Task A_post_without_the_form_token_is_refused_and_stores_nothing()
    {
        await SignInAsAsync("beheerder");
        var before = await CountAsync();

        var response = await Client.PostAsync("/beheer/netcongestie/nieuw", new FormUrlEncodedContent(Fields("gemeente:GM0114", "ENEXIS", "FeedIn", since: "2024-01-01")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_seeded_examples_signal_only_open_example_projects_in_feed_in_congestion_and_the_API_lists_every_record()
    {
        // Other tests of this class add real projects, and example projects signal only in a register that holds
        // nothing else (decision 16): the examples' own signals are read from a freshly seeded register.
        var fresh = new TDatabase();
        await fresh.InitializeAsync();
        List<string?> subjects;
        try
        {
            subjects = (await GridSignalsAsync(fresh.Host))
                .Where(s => s.GetProperty("facts").GetString()!.Contains("Bron: Voorbeeldgegevens ResMonitor (verzonnen)", StringComparison.Ordinal))
                .Select(s => s.GetProperty("subject").GetString()).ToList();
        }
        finally
        {
            await fresh.DisposeAsync();
        }

        // Coevorden has example feed-in congestion: VB-008 (in procedure) and VB-010 (irrevocable), not VB-009 (realised).
        // Assen only offtake, De Wolden's ended in 2024.
        Assert.Equal(["VB-008", "VB-010"], subjects.Order());

        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/congestion"));
        var examples = json.RootElement.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("isExample").GetBoolean()).ToList();
        Assert.Equal(4, examples.Count);
        var coevorden = Assert.Single(examples, r => r.GetProperty("area").GetString() == "Coevorden");
        Assert.Equal("FeedIn", coevorden.GetProperty("kind").GetString());
        Assert.Equal("Enexis Netbeheer", coevorden.GetProperty("gridOperator").GetString());
        Assert.Equal("2029-12-31", coevorden.GetProperty("expectedEnd").GetString());
        Assert.True(coevorden.GetProperty("inForce").GetBoolean());
        Assert.Equal("Voorbeeldgegevens ResMonitor (verzonnen)", coevorden.GetProperty("source").GetString());
        Assert.Equal("2025-07-01", coevorden.GetProperty("sourceDate").GetString());
        Assert.False(Assert.Single(examples, r => r.GetProperty("area").GetString() == "De Wolden").GetProperty("inForce").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/regions/atlantis/congestion")).StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"/netcongestie\">netcongestie, met bron en peildatum</a>", await Client.GetStringAsync("/indicatoren/energie-infrastructuur"));
    }

    [Fact]
    public async Task Seed_without_examples_leaves_the_register_empty_and_seed_examples_brings_them_back()
    {
        var fresh = new TDatabase();
        await fresh.InitializeAsync();
        try
        {
            var removed = await fresh.RunAsync("seed", "--without-examples");
            Assert.True(removed.Code == 0, removed.Error);
            await using (var db = fresh.CreateContext())
            {
                Assert.Equal(0, await db.Congestions.CountAsync());
            }

            var again = await fresh.RunAsync("seed", "--examples");
            Assert.True(again.Code == 0, again.Error);
            await using var check = fresh.CreateContext();
            Assert.Equal(4, await check.Congestions.CountAsync(c => c.IsExample));
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    // ---------- helpers ----------

    private static Dictionary<string, string> Fields(
        string area, string gridOperator, string kind, string since, string expected = "", string reinforcement = "", string ended = "",
        string source = "Capaciteitskaart Enexis (test)", string sourceDate = "2025-10-01") => new()
    {
        ["Gebied"] = area,
        ["Netbeheerder"] = gridOperator,
        ["Soort"] = kind,
        ["Sinds"] = since,
        ["VerwachtEinde"] = expected,
        ["Verzwaring"] = reinforcement,
        ["Einde"] = ended,
        ["Bron"] = source,
        ["Peildatum"] = sourceDate,
    };

    private async Task<long> RecordAsync(Dictionary<string, string> fields)
    {
        var response = await PostAsync("/beheer/netcongestie/nieuw", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        return long.Parse(location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
    {
        var token = TokenIn(await Client.GetStringAsync("/beheer/netcongestie/nieuw"));
        return await Client.PostAsync(path, Form(token, fields));
    }

    private async Task<List<JsonElement>> GridSignalsAsync(MonitorFactory? host = null)
    {
        using var visitor = (host ?? Factory).CreateClient();
        var json = JsonDocument.Parse(await visitor.GetStringAsync("/api/v1/regions/drenthe/signals"));
        return json.RootElement.GetProperty("signals").EnumerateArray().Where(s => s.GetProperty("rule").GetString() == "NoGridCapacity").Select(s => s.Clone()).ToList();
    }

    private async Task<int> CountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Congestions.CountAsync();
    }

    /// <summary>A real (not example) project in a municipality, with one phase dated this year.</summary>
    private async Task<string> AddProjectAsync(string municipality, Phase phase)
    {
        await using var db = Database.CreateContext();
        var id = "NET-" + Guid.NewGuid().ToString("N")[..8];
        var date = new DateOnly(TestClock.Today.Year, 1, 1);
        db.Projects.Add(new Project
        {
            Id = id,
            RegionId = "drenthe",
            Name = "Zonnepark " + id,
            Technique = Technique.SolarOnLand,
            CapacityMw = 10,
            MunicipalityId = (await db.Organisations.FirstAsync(o => o.Code == municipality)).Id,
            Phase = phase,
            PhaseDate = date,
            Source = "Testbron",
            SourceDate = date,
            PhaseHistory = [new PhaseChange { ProjectId = id, Phase = phase, Date = date }],
        });
        await db.SaveChangesAsync();
        return id;
    }

    private Task<string> SignInAsAsync(string role, string? organisation = null, HttpClient? client = null) =>
        BeheerSession.SignInAsync(client ?? Client, Database, role, organisation);



}

public sealed class SqliteGridCongestionTests(SqliteDatabase database) : GridCongestionTests<SqliteDatabase>(database);

public sealed class PostgresGridCongestionTests(PostgresDatabase database) : GridCongestionTests<PostgresDatabase>(database);
