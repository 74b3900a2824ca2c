using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Cli;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Data;
using ResMonitor.Core.History;
using ResMonitor.Core.Projects;
using static ResMonitor.Web.Tests.BeheerSession;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Change log, version history and time travel, from a crafted sequence of writes whose audit entries are dated at
/// known moments: project HIST-1 is created on 1 March 2024 (in procedure, 10 MW, with a permit), grows to 12 MW on
/// 1 June, gets the phase 'vergund' (dated 20 August) on 1 September, and loses its permit on 1 October.
/// </summary>
public abstract partial class HistoryTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string Id = "HIST-1";
    private const string Editor = "hist-redacteur@example.nl";
    private const string ImportFile = "projecten-2024-10.csv";

    private static readonly SemaphoreSlim Once = new(1, 1);

    // ---------- the register on each day ----------

    [Fact]
    public async Task The_register_on_each_day_is_exactly_as_it_was_known_then()
    {
        await ScenarioAsync();
        await using var db = Database.CreateContext();

        async Task<RegisterState> On(int month, int day) => await RegisterAsOf.LoadAsync(db, new DateOnly(2024, month, day), TimeZoneInfo.Utc);

        var before = await On(2, 29);
        Assert.Null(before.Project(Id));
        Assert.DoesNotContain(before.Permits, p => p.ProjectId == Id);
        Assert.DoesNotContain(before.PhaseChanges, c => c.ProjectId == Id);

        var created = (await On(3, 1)).Project(Id)!;
        Assert.Equal(10m, created.CapacityMw);
        Assert.Equal(Phase.InProcedure, created.Phase);
        Assert.Equal("Emmen", created.Municipality!.Name);
        Assert.Equal("Z-2024-17", Assert.Single(created.Permits).CaseNumber);

        Assert.Equal(10m, (await On(5, 31)).Project(Id)!.CapacityMw);
        Assert.Equal(12m, (await On(6, 1)).Project(Id)!.CapacityMw);

        var unknownStep = (await On(8, 31)).Project(Id)!;
        Assert.Equal(Phase.InProcedure, unknownStep.Phase);
        Assert.Single(unknownStep.PhaseHistory);
        var permitted = (await On(9, 1)).Project(Id)!;
        Assert.Equal(Phase.Permitted, permitted.Phase);
        Assert.Equal(new DateOnly(2024, 8, 20), permitted.PhaseDate);

        var permit = Assert.Single((await On(9, 30)).Project(Id)!.Permits);
        Assert.Equal(new DateOnly(2024, 2, 20), permit.AppliedOn);
        Assert.Equal(CompetentAuthority.Province, permit.CompetentAuthority);
        Assert.Empty((await On(10, 1)).Project(Id)!.Permits);

        // The seed has no audit entries: every other project is there on every day, as it is now.
        Assert.Equal(await db.Projects.CountAsync() - 1, before.Projects.Count);
    }

    [Fact]
    public async Task Days_built_from_the_same_stored_rows_do_not_change_each_other_or_the_rows()
    {
        await ScenarioAsync();
        await using var db = Database.CreateContext();
        var name = await db.Projects.Where(p => p.Id == "VB-002").Select(p => p.Name).SingleAsync();
        var rows = await RegisterRows.LoadAsync(db);

        var before = await RegisterAsOf.BuildAsync(db, rows, new DateOnly(2024, 11, 29), TimeZoneInfo.Utc, replay: true);
        var after = await RegisterAsOf.BuildAsync(db, rows, new DateOnly(2024, 11, 30), TimeZoneInfo.Utc, replay: true);
        var beforeAgain = await RegisterAsOf.BuildAsync(db, rows, new DateOnly(2024, 11, 29), TimeZoneInfo.Utc, replay: true);

        Assert.Equal("Oude naam", before.Project("VB-002")!.Name);
        Assert.Equal(name, after.Project("VB-002")!.Name);
        Assert.Equal("Oude naam", beforeAgain.Project("VB-002")!.Name);
        Assert.NotSame(before.Project("VB-002"), after.Project("VB-002"));
        Assert.Equal(name, rows.Tables["projects"].Rows.Cast<Project>().Single(p => p.Id == "VB-002").Name);
    }

    [Fact]
    public async Task An_entry_written_with_a_local_offset_by_another_writer_is_undone_from_its_true_moment()
    {
        await ScenarioAsync();
        await using var db = Database.CreateContext();
        var name = await db.Projects.Where(p => p.Id == "VB-002").Select(p => p.Name).SingleAsync();

        // 1 December 2024 00:30 in UTC+02:00 is still 30 November 22:30 in UTC.
        Assert.Equal("Oude naam", (await RegisterAsOf.LoadAsync(db, new DateOnly(2024, 11, 29), TimeZoneInfo.Utc)).Project("VB-002")!.Name);
        Assert.Equal(name, (await RegisterAsOf.LoadAsync(db, new DateOnly(2024, 11, 30), TimeZoneInfo.Utc)).Project("VB-002")!.Name);
    }

    // ---------- API ----------

    [Fact]
    public async Task The_summary_with_a_peildatum_before_a_change_gives_the_old_figure_and_after_it_the_new()
    {
        await ScenarioAsync();

        var before = await SummaryAsync("2024-05-31");
        var after = await SummaryAsync("2024-06-01");

        Assert.Equal("2024-05-31", before.GetProperty("referenceDate").GetString());
        Assert.Equal("2024-06-01", after.GetProperty("referenceDate").GetString());
        Assert.Equal(2m, after.GetProperty("total").GetProperty("pipelineMw").GetDecimal() - before.GetProperty("total").GetProperty("pipelineMw").GetDecimal());
        decimal Emmen(JsonElement s) => s.GetProperty("byMunicipality").EnumerateArray().Single(l => l.GetProperty("label").GetString() == "Emmen").GetProperty("pipelineMw").GetDecimal();
        Assert.Equal(2m, Emmen(after) - Emmen(before));
    }

    [Fact]
    public async Task The_project_list_on_a_day_before_the_project_was_created_does_not_have_it()
    {
        await ScenarioAsync();

        var before = await GetJsonAsync("/api/v1/regions/drenthe/projects?gemeente=GM0114&peildatum=2024-02-29");
        var then = await GetJsonAsync("/api/v1/regions/drenthe/projects?gemeente=GM0114&peildatum=2024-03-01");
        var now = await GetJsonAsync("/api/v1/regions/drenthe/projects?gemeente=GM0114");

        JsonElement? Find(JsonElement list) => list.GetProperty("projects").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("id").GetString() == Id);
        Assert.Null(Find(before));
        Assert.Equal(10m, Find(then)!.Value.GetProperty("capacityMw").GetDecimal());
        Assert.Equal("in_procedure", Find(then)!.Value.GetProperty("phase").GetString());
        Assert.Equal("2024-03-01", then.GetProperty("peildatum").GetString());
        Assert.Equal(12m, Find(now)!.Value.GetProperty("capacityMw").GetDecimal());
        Assert.Equal("vergund", Find(now)!.Value.GetProperty("phase").GetString());
        Assert.False(now.TryGetProperty("peildatum", out _));
    }

    [Fact]
    public async Task The_municipality_list_on_a_past_day_carries_that_date_and_the_figures_of_then()
    {
        await ScenarioAsync();

        var before = await GetJsonAsync("/api/v1/regions/drenthe/municipalities?gemeente=GM0114&peildatum=2024-05-31");
        var after = await GetJsonAsync("/api/v1/regions/drenthe/municipalities?gemeente=GM0114&peildatum=2024-06-01");

        Assert.Equal("2024-05-31", before.GetProperty("referenceDate").GetString());
        var emmenBefore = Assert.Single(before.GetProperty("municipalities").EnumerateArray());
        var emmenAfter = Assert.Single(after.GetProperty("municipalities").EnumerateArray());
        Assert.Equal(2m, emmenAfter.GetProperty("pipelineMw").GetDecimal() - emmenBefore.GetProperty("pipelineMw").GetDecimal());
        Assert.Equal("2024-05-31", emmenBefore.GetProperty("referenceDate").GetString());
    }

    [Theory]
    [InlineData("/api/v1/regions/drenthe/summary?peildatum=2024-13-01", "jjjj-mm-dd")]
    [InlineData("/api/v1/regions/drenthe/summary?peildatum=gisteren", "jjjj-mm-dd")]
    [InlineData("/api/v1/regions/drenthe/summary?peildatum=2999-01-01", "toekomst")]
    [InlineData("/api/v1/regions/drenthe/projects?peildatum=1-1-2024", "jjjj-mm-dd")]
    [InlineData("/api/v1/regions/drenthe/municipalities?peildatum=2999-01-01", "toekomst")]
    public async Task A_bad_peildatum_in_the_API_is_a_400_that_names_the_parameter(string address, string expected)
    {
        var response = await Client.GetAsync(address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Ongeldige parameter 'peildatum'", problem.GetProperty("title").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/?peildatum=2024-02-30", "jjjj-mm-dd")]
    [InlineData("/gemeenten/emmen?peildatum=morgen", "jjjj-mm-dd")]
    [InlineData("/projecten/VB-001?peildatum=2999-12-31", "ligt in de toekomst")]
    public async Task A_bad_peildatum_on_a_page_is_the_Dutch_400_page_naming_the_parameter(string address, string expected)
    {
        var response = await Client.GetAsync(address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ongeldig verzoek", html);
        Assert.Contains("'peildatum'", html);
        Assert.Contains(expected, html);
    }

    // ---------- pages ----------

    [Fact]
    public async Task The_home_page_on_a_past_day_shows_the_banner_that_date_and_keeps_it_in_its_links()
    {
        await ScenarioAsync();

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/?peildatum=2024-01-01"));

        Assert.Contains("U bekijkt de stand van 1 januari 2024.", html);
        // How current the projects of that day are: the newest source among them, not the day asked for.
        await using (var db = Database.CreateContext())
        {
            var then = await RegisterAsOf.LoadAsync(db, new DateOnly(2024, 1, 1), TimeZoneInfo.Local);
            var newest = then.ProjectsOf("drenthe").Max(p => p.SourceDate);
            Assert.Contains($"Stand van de projecten: de nieuwste bron is van {newest.ToString("d MMMM yyyy", new CultureInfo("nl-NL"))}.", html);
        }

        Assert.Contains("href=\"/gemeenten/emmen?peildatum=2024-01-01\"", html);
        Assert.Contains("Terug naar de stand van vandaag", html);
        Assert.Contains("href=\"/grafieken/trend.csv?peildatum=2024-01-01\"", html);
        var csv = (await Client.GetStringAsync("/grafieken/trend.csv?peildatum=2024-01-01")).TrimEnd().Split('\n');
        Assert.StartsWith("2024,", csv[^1]);
        Assert.DoesNotContain("U bekijkt de stand", WebUtility.HtmlDecode(await Client.GetStringAsync("/")));
    }

    [Fact]
    public async Task A_day_before_the_registers_first_load_shows_that_first_load_and_says_so()
    {
        await ScenarioAsync();

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/?peildatum=2019-06-01"));

        Assert.Contains("U bekijkt de stand van 1 juni 2019.", html);
        Assert.Contains("Het register begon op 1 januari 2020", html);
        Assert.Contains("Per gemeente", html);
    }

    [Fact]
    public async Task The_municipality_page_on_a_past_day_lists_the_projects_known_then()
    {
        await ScenarioAsync();

        var before = WebUtility.HtmlDecode(await Client.GetStringAsync("/gemeenten/emmen?peildatum=2024-02-29"));
        var after = WebUtility.HtmlDecode(await Client.GetStringAsync("/gemeenten/emmen?peildatum=2024-06-01"));

        Assert.DoesNotContain("Windpark Historie", before);
        Assert.Contains("U bekijkt de stand van 29 februari 2024.", before);
        await using (var db = Database.CreateContext())
        {
            var then = await RegisterAsOf.LoadAsync(db, new DateOnly(2024, 2, 29), TimeZoneInfo.Local);
            var emmen = then.MunicipalitiesOf("drenthe").Single(m => m.Name == "Emmen");
            var newest = then.ProjectsOf("drenthe", emmen.Id).Max(p => p.SourceDate);
            Assert.Contains($"Opwek en vermogen: de projecten in dit register; de nieuwste bron is van {newest.ToString("d MMMM yyyy", new CultureInfo("nl-NL"))};", before);
        }

        Assert.Contains($"href=\"/projecten/{Id}?peildatum=2024-06-01\"", after);
    }

    [Fact]
    public async Task The_project_page_shows_its_versions_old_to_new_in_public_terms_without_an_email_address()
    {
        await ScenarioAsync();

        var raw = await Client.GetStringAsync($"/projecten/{Id}");
        var html = WebUtility.HtmlDecode(raw);

        Assert.Matches(new Regex("vermogen \\(MW\\)</span>:\\s*<span class=\"rm-versions__old\">10</span>.*?<span class=\"rm-versions__new\">12</span>", RegexOptions.Singleline), html);
        Assert.Contains("Reden: Nieuwe tekening van de ontwikkelaar", html);
        Assert.Contains("door redacteur gemeente Emmen", html);
        Assert.Contains("door opdrachtregel", html);
        // An import reads as the werkbureau's, without the internal name of its file.
        Assert.Contains("door het werkbureau (import)", html);
        Assert.DoesNotContain(ImportFile, html);
        Assert.Contains("fasegeschiedenis toegevoegd", html);
        Assert.Matches(new Regex("fasegeschiedenis toegevoegd</span>\\s*<ul class=\"rm-versions__fields\">\\s*<li><span class=\"rm-versions__label\">fase</span>: vergund</li>\\s*<li><span class=\"rm-versions__label\">datum</span>: 20 augustus 2024</li>"), html);
        Assert.Contains("vergunning verwijderd", html);
        Assert.Contains("opgenomen in het register", html);
        Assert.DoesNotContain("@example.nl", html);
        Assert.DoesNotContain("hist-redacteur", html);
    }

    [Fact]
    public async Task The_project_page_on_a_past_day_shows_the_project_and_its_versions_as_they_were()
    {
        await ScenarioAsync();

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/projecten/{Id}?peildatum=2024-05-31"));

        Assert.Contains("U bekijkt de stand van 31 mei 2024.", html);
        Assert.Contains("<dd>10 MW</dd>", html);
        Assert.Contains("Vergunning en bevoegd gezag", html);
        Assert.Contains("Z-2024-17", html);
        Assert.DoesNotContain("Nieuwe tekening", html);
        Assert.Contains("href=\"/gemeenten/emmen?peildatum=2024-05-31\"", html);

        var missing = await Client.GetAsync($"/projecten/{Id}?peildatum=2024-02-29");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("stond op 29 februari 2024 niet in het register", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_project_from_the_seed_has_one_version_its_first_entry_by_the_example_import()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/projecten/VB-001"));

        var versions = html[html.IndexOf("id=\"versies\"", StringComparison.Ordinal)..];
        versions = versions[..versions.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Equal(1, CountOf(versions, "class=\"rm-timeline__step\""));
        Assert.Contains("opgenomen in het register", versions);
        Assert.DoesNotContain("examples.csv", versions);
        // Its fields in words, in reading order, the location as one field, and marked as the example it is.
        Assert.Matches(new Regex("<li><span class=\"rm-versions__label\">naam</span>: Voorbeeld: Zonnepark Aa en Hunze 1</li>\\s*<li><span class=\"rm-versions__label\">techniek</span>: zon op land</li>\\s*<li><span class=\"rm-versions__label\">gemeente</span>: Aa en Hunze</li>\\s*<li><span class=\"rm-versions__label\">vermogen \\(MW\\)</span>: 19,9</li>"), versions);
        Assert.Contains("<li><span class=\"rm-versions__label\">ligging</span>: 52,99677° NB, 6,70311° OL</li>", versions);
        Assert.Contains("<li><span class=\"rm-versions__label\">voorbeeld</span>: ja, een verzonnen voorbeeld</li>", versions);
        Assert.DoesNotContain("breedtegraad", versions);
        Assert.Contains("peildatum 1 juli 2025", html);
    }

    [Fact]
    public async Task A_project_without_any_audit_entry_says_it_has_no_changes_since_its_first_entry()
    {
        // A register loaded before the audit trail existed has rows without entries.
        await using (var db = Database.CreateContext())
        {
            await db.AuditEntries.Where(a => a.TableName == "projects" && a.RowKey == "VB-027").ExecuteDeleteAsync();
            // Written past the register's own paths: raise its version as every writer must, so the site sees it.
            await Core.Register.RegisterVersionStore.RaiseAsync(db);
        }

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/projecten/VB-027"));

        Assert.Contains("Geen wijzigingen sinds de eerste opname in het register", html);
    }

    // ---------- change log ----------

    [Fact]
    public async Task Anonymous_and_redacteur_get_no_access_to_the_change_log()
    {
        var anonymous = await Client.GetAsync("/beheer/wijzigingen");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/inloggen", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/beheer/wijzigingen/csv")).StatusCode);

        await SignInAsAsync("redacteur", "GM0114");
        var editor = await Client.GetAsync("/beheer/wijzigingen");
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        Assert.StartsWith("/fout/403", editor.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/beheer/wijzigingen/csv")).StatusCode);
    }

    [Fact]
    public async Task Each_filter_of_the_change_log_narrows_the_list()
    {
        await ScenarioAsync();
        await SignInAsAsync("beheerder");

        var all = await LogAsync("");
        Assert.True(all.Count >= 6, $"{all.Count} rows");

        // The seed's example import is in the log too: the scenario's import is the one with its file name.
        var import = await LogAsync("?kanaal=import&reden=" + ImportFile);
        Assert.StartsWith("verwijderd", Assert.Single(import).Change);
        Assert.True((await LogAsync("?kanaal=import")).Count > 1);

        var permits = await LogAsync("?soort=permits");
        Assert.Equal(2, permits.Count);
        Assert.All(permits, r => Assert.StartsWith("vergunning", r.Record));

        var reason = await LogAsync("?reden=TEKENING");
        Assert.Equal("vermogen (MW): 10 → 12", Assert.Single(reason).Change);

        var period = await LogAsync("?van=2024-06-01&tot=2024-09-01");
        Assert.Equal(4, period.Count); // capacity; phase row, phase and phase date of the project

        var actor = await LogAsync("?wie=HIST-REDACTEUR");
        Assert.Equal(4, actor.Count); // three new rows on 1 March and the capacity; 1 September was the command line
        Assert.All(actor, r => Assert.Contains(Editor, r.Who));

        var project = await LogAsync($"?project={Id}");
        Assert.Equal(8, project.Count); // 3 + 1 + 3 + 1 entries of the sequence, its phase history and permit included
        Assert.Contains(project, r => r.Record.StartsWith("fasegeschiedenis", StringComparison.Ordinal));
        Assert.StartsWith("aangemaakt", Assert.Single(await LogAsync("?project=VB-001")).Change);
    }

    [Fact]
    public async Task The_change_log_shows_a_new_row_readably_and_its_CSV_holds_the_selection()
    {
        await ScenarioAsync();
        await SignInAsAsync("beheerder");

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/beheer/wijzigingen?soort=projects&project={Id}"));
        Assert.Contains("aangemaakt", html);
        Assert.Contains("<dt>vermogen (MW)</dt><dd>10</dd>", html);
        Assert.Contains("<dt>gemeente</dt><dd>Emmen</dd>", html);
        Assert.Contains("<dt>fase</dt><dd>in procedure</dd>", html);
        Assert.DoesNotContain("\"capacity_mw\"", html);

        // Every kind of value in words: the seeded example congestion's kind is Dutch, not the code's name.
        var congestion = WebUtility.HtmlDecode(await Client.GetStringAsync("/beheer/wijzigingen?soort=grid_congestions"));
        Assert.Contains("<dt>soort</dt><dd>leveringscongestie</dd>", congestion);
        Assert.DoesNotContain("FeedIn", congestion);

        var csv = await Client.GetAsync("/beheer/wijzigingen/csv?kanaal=import&reden=" + ImportFile);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("moment,wie,kanaal,tabel,soort,sleutel,veld,veldnaam,oud,nieuw,reden", lines[0]);
        Assert.Contains(",import,permits,vergunning,", lines[1]);
        Assert.EndsWith(ImportFile, lines[1]);
    }

    [Theory]
    [InlineData("?van=1-6-2024", "'van'")]
    [InlineData("?kanaal=fax", "'kanaal'")]
    [InlineData("?soort=gebruikers", "'soort'")]
    [InlineData("?pagina=0", "'pagina'")]
    public async Task A_bad_change_log_filter_is_a_400_naming_the_parameter(string query, string parameter)
    {
        await SignInAsAsync("beheerder");

        var response = await Client.GetAsync("/beheer/wijzigingen" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    // ---------- helpers ----------

    private sealed record LogRow(string Who, string Record, string Change, string Reason);

    private async Task<List<LogRow>> LogAsync(string query)
    {
        var response = await Client.GetAsync("/beheer/wijzigingen" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return RowPattern().Matches(html)
            .Select(m => CellPattern().Matches(m.Value).Select(c => Text(c.Groups[1].Value)).ToList())
            .Select(c => new LogRow(c[1], c[2], c[3], c[4]))
            .ToList();

        static string Text(string cell) =>
            Regex.Replace(WebUtility.HtmlDecode(TagPattern().Replace(cell, " ")), "\\s+", " ").Replace(" :", ":", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex("<tr class=\"utrecht-table__row rm-log__row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<span class=\"rm-visually-hidden\">[^<]*</span>|<[^>]+>")]
    private static partial Regex TagPattern();

    private async Task<JsonElement> SummaryAsync(string date) => await GetJsonAsync($"/api/v1/regions/drenthe/summary?peildatum={date}");

    private async Task<JsonElement> GetJsonAsync(string address)
    {
        var response = await Client.GetAsync(address);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Writes the sequence once per database, each save's entries dated at noon (UTC) of its day.</summary>
    private async Task ScenarioAsync()
    {
        await Once.WaitAsync();
        try
        {
            await using var db = Database.CreateContext();
            if (await db.Projects.AnyAsync(p => p.Id == Id))
            {
                return;
            }

            // The seed's entries (regions, organisations, targets, full-load hours) date the register's first load.
            await db.AuditEntries.ExecuteUpdateAsync(u => u.SetProperty(a => a.At, new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero)));
            // Written past the register's own paths: raise its version as every writer must, so the site sees it.
            await Core.Register.RegisterVersionStore.RaiseAsync(db);
            await BeheerSession.AddUserAsync(Database, "redacteur", "GM0114", Editor);
            var emmen = await db.Organisations.SingleAsync(o => o.Code == "GM0114");

            db.Actor = new AuditActor(Editor, "web", "Nieuw project uit de omgevingsvergunning");
            db.Projects.Add(new Project
            {
                Id = Id, RegionId = "drenthe", Name = "Windpark Historie", Technique = Core.Energy.Technique.Wind, CapacityMw = 10m,
                MunicipalityId = emmen.Id, Phase = Phase.InProcedure, PhaseDate = new DateOnly(2024, 2, 15),
                Source = "Test", SourceDate = new DateOnly(2024, 3, 1),
                PhaseHistory = [new PhaseChange { ProjectId = Id, Phase = Phase.InProcedure, Date = new DateOnly(2024, 2, 15) }],
                Permits = [new Permit { ProjectId = Id, CompetentAuthority = CompetentAuthority.Province, CaseNumber = "Z-2024-17", AppliedOn = new DateOnly(2024, 2, 20) }],
            });
            await SaveAtAsync(db, new DateOnly(2024, 3, 1));

            db.Actor = new AuditActor(Editor, "web", "Nieuwe tekening van de ontwikkelaar");
            var project = await db.Projects.Include(p => p.Permits).SingleAsync(p => p.Id == Id);
            project.CapacityMw = 12m;
            await SaveAtAsync(db, new DateOnly(2024, 6, 1));

            db.Actor = new AuditActor("opdrachtregel (beheer)", "cli", "Vergunning verleend");
            db.PhaseChanges.Add(new PhaseChange { ProjectId = Id, Phase = Phase.Permitted, Date = new DateOnly(2024, 8, 20) });
            project.Phase = Phase.Permitted;
            project.PhaseDate = new DateOnly(2024, 8, 20);
            await SaveAtAsync(db, new DateOnly(2024, 9, 1));

            db.Actor = new AuditActor("importeur", "import", ImportFile);
            db.Permits.Remove(project.Permits.Single());
            await SaveAtAsync(db, new DateOnly(2024, 10, 1));

            // Another writer's entry, its moment written as local time with an offset (as a bulk writer might).
            var name = await db.Projects.Where(p => p.Id == "VB-002").Select(p => p.Name).SingleAsync();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? ForeignEntrySqlite : ForeignEntryPostgres, "2024-12-01T00:30:00+02:00", name);
            // Written past the register's own paths: raise its version as every writer must, so the site sees it.
            await Core.Register.RegisterVersionStore.RaiseAsync(db);
        }
        finally
        {
            Once.Release();
        }
    }

    private const string ForeignEntrySqlite =
        "INSERT INTO audit_entries (at, actor, channel, table_name, row_key, field, old_value, new_value, reason) VALUES ({0}, 'koppeling', 'api', 'projects', 'VB-002', 'name', 'Oude naam', {1}, 'Naam uit het bronsysteem')";

    private const string ForeignEntryPostgres =
        "INSERT INTO audit_entries (at, actor, channel, table_name, row_key, field, old_value, new_value, reason) VALUES (CAST({0} AS timestamptz), 'koppeling', 'api', 'projects', 'VB-002', 'name', 'Oude naam', {1}, 'Naam uit het bronsysteem')";

    private static async Task SaveAtAsync(ResMonitorDbContext db, DateOnly day)
    {
        var last = await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
        await db.SaveChangesAsync();
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var changed = await db.AuditEntries.Where(a => a.Id > last).ExecuteUpdateAsync(s => s.SetProperty(a => a.At, at));
        // Written past the register's own paths: raise its version as every writer must, so the site sees it.
        await Core.Register.RegisterVersionStore.RaiseAsync(db);
        Assert.True(changed > 0);
    }

    private Task<string> SignInAsAsync(string role, string? organisation = null) => BeheerSession.SignInAsync(Client, Database, role, organisation);
}

public sealed class SqliteHistoryTests(SqliteDatabase database) : HistoryTests<SqliteDatabase>(database);

public sealed class PostgresHistoryTests(PostgresDatabase database) : HistoryTests<PostgresDatabase>(database);