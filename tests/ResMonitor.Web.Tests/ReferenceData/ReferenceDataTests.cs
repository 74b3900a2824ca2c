using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Energy;
using static ResMonitor.Web.Tests.EditingSupport;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Editing the reference data on both databases: a beheerder edits organisations, targets and search areas and adds
/// a new version of the full-load hours; a redacteur edits only their own organisation; Dutch messages next to the
/// field, nothing stored on a refusal, and an audit entry for every save.
/// </summary>
public abstract class ReferenceDataTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_list_of_partners_gives_each_population_its_source_and_reference_date()
    {
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/beheer/referentiegegevens"));

        Assert.Contains("Bron en peildatum", html);
        Assert.Contains("CBS, bevolking op 1 januari 2025", html);
        Assert.Contains("109.698", html); // Emmen
    }

    [Fact]
    public async Task A_redacteur_edits_their_own_organisation_and_the_change_is_audited_with_the_reason()
    {
        var (client, email) = await SignedInAsync(Factory, Database, "redacteur", "GM1730");
        var id = await OrganisationIdAsync("GM1730");
        var path = $"/beheer/referentiegegevens/organisaties/{id}";

        var response = await PostFormAsync(client, path, new()
        {
            ["website"] = "https://www.tynaarlo.nl", ["population"] = "35500", ["populationReferenceDate"] = "2025-01-01",
            ["populationSource"] = "CBS StatLine, bevolking op 1 januari 2025", ["reason"] = "Nieuwe CBS-cijfers",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = Database.CreateContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == id);
        Assert.Equal((35500, "https://www.tynaarlo.nl"), (organisation.Population!.Value, organisation.Website!));
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.TableName == "organisations" && a.RowKey == id.ToString(CultureInfo.InvariantCulture) && a.Field == "population").ToListAsync());
        Assert.Equal((email, "web", "35500", "Nieuwe CBS-cijfers"), (entry.Actor, entry.Channel, entry.NewValue, entry.Reason));
        Assert.NotNull(entry.OldValue);
    }

    [Fact]
    public async Task A_redacteur_gets_403_for_another_organisation_and_for_the_beheerder_pages()
    {
        var (client, _) = await SignedInAsync(Factory, Database, "redacteur", "GM0114");
        var assen = await OrganisationIdAsync("GM0106");
        var own = await OrganisationIdAsync("GM0114");
        var form = FormOf(await client.GetStringAsync($"/beheer/referentiegegevens/organisaties/{own}"));
        form["name"] = "Overgenomen";

        var read = await client.GetAsync($"/beheer/referentiegegevens/organisaties/{assen}");
        var write = await client.PostAsync($"/beheer/referentiegegevens/organisaties/{assen}", new FormUrlEncodedContent(form));
        var index = await client.GetAsync("/beheer/referentiegegevens");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("Geen toegang", await write.Content.ReadAsStringAsync());
        Assert.Equal($"/beheer/referentiegegevens/organisaties/{own}", index.Headers.Location!.ToString());
        Assert.Equal("/fout/403", (await client.GetAsync("/beheer/referentiegegevens/vollasturen/nieuw")).Headers.Location!.AbsolutePath);
        await using var db = Database.CreateContext();
        Assert.Equal("Assen", (await db.Organisations.SingleAsync(o => o.Id == assen)).Name);
    }

    [Theory]
    [InlineData("website", "www.emmen.nl", "'www.emmen.nl' is geen webadres: begin met https://")]
    [InlineData("population", "-5", "'-5' is geen geheel getal.")]
    [InlineData("populationReferenceDate", "", "Bij een aantal inwoners hoort de peildatum.")]
    [InlineData("populationReferenceDate", "2999-01-01", "De datum 1 januari 2999 ligt in de toekomst.")]
    [InlineData("name", "", "Geef de naam.")]
    public async Task An_organisation_with_a_broken_rule_shows_the_Dutch_message_next_to_the_field_and_stores_nothing(string field, string value, string message)
    {
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var id = await OrganisationIdAsync("GM1701");
        var before = await AuditCountAsync(Database);

        var response = await PostFormAsync(client, $"/beheer/referentiegegevens/organisaties/{id}", new() { ["population"] = "20000", [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, MessageNextTo(page, field));
        Assert.Contains($"href=\"#{field}\"", page);
        Assert.Equal(before, await AuditCountAsync(Database));
    }

    [Fact]
    public async Task A_beheerder_edits_a_target_and_a_wrong_value_is_refused_next_to_the_field()
    {
        var (client, email) = await SignedInAsync(Factory, Database, "beheerder");
        await using var db = Database.CreateContext();
        var target = await db.Targets.AsNoTracking().SingleAsync(t => t.Technique == Technique.Wind);
        var path = $"/beheer/referentiegegevens/doelen/{target.Id}";

        var refused = await PostFormAsync(client, path, new() { ["valueMwh"] = "0" });
        var saved = await PostFormAsync(client, path, new() { ["valueMwh"] = "1200000", ["note"] = "Bijgesteld in RES 2.0", ["reason"] = "Besluit stuurgroep" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Het doel moet groter dan 0 MWh per jaar zijn.", MessageNextTo(await refused.Content.ReadAsStringAsync(), "valueMwh"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.TableName == "targets" && a.RowKey == target.Id.ToString(CultureInfo.InvariantCulture) && a.Field == "value_mwh").ToListAsync());
        Assert.Equal((email, "web", "1200000", "Besluit stuurgroep"), (entry.Actor, entry.Channel, entry.NewValue, entry.Reason));
    }

    [Fact]
    public async Task New_full_load_hours_are_a_new_version_and_the_old_one_stays_unchanged()
    {
        var (client, email) = await SignedInAsync(Factory, Database, "beheerder");
        await using var db = Database.CreateContext();
        var before = await db.FullLoadHours.AsNoTracking().Where(h => h.Technique == Technique.SolarOnRoof).ToListAsync();

        var refused = await PostFormAsync(client, "/beheer/referentiegegevens/vollasturen/nieuw", new()
        {
            ["technique"] = "SolarOnRoof", ["hours"] = "9000", ["validFrom"] = "2026-01-01", ["source"] = "Meting",
        });
        var saved = await PostFormAsync(client, "/beheer/referentiegegevens/vollasturen/nieuw", new()
        {
            ["technique"] = "SolarOnRoof", ["hours"] = "875", ["validFrom"] = "2026-01-01", ["source"] = "Gemeten op 40 Drentse daken, 2025", ["reason"] = "Eerste Drentse meting",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Vollasturen liggen tussen 0 en 8.760", MessageNextTo(await refused.Content.ReadAsStringAsync(), "hours"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await db.FullLoadHours.AsNoTracking().Where(h => h.Technique == Technique.SolarOnRoof).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.All(before, old => Assert.Equal(old.Hours, after.Single(h => h.Id == old.Id).Hours));
        var added = after[^1];
        Assert.Equal((875m, new DateOnly(2026, 1, 1)), (added.Hours, added.ValidFrom));
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.TableName == "full_load_hours" && a.RowKey == added.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal((email, "web", AuditRecorder.RowField, "Eerste Drentse meting"), (entry.Actor, entry.Channel, entry.Field, entry.Reason));
    }

    [Fact]
    public async Task A_beheerder_renames_a_search_area_and_an_unknown_municipality_is_refused()
    {
        var (client, email) = await SignedInAsync(Factory, Database, "beheerder");
        await using var db = Database.CreateContext();
        var area = await db.SearchAreas.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
        var path = $"/beheer/referentiegegevens/zoekgebieden/{area.Id}";

        var refused = await PostFormAsync(client, path, new() { ["municipality"] = "GM9999" });
        var saved = await PostFormAsync(client, path, new() { ["name"] = "Zoekgebied wind (hernoemd)", ["reason"] = "Naam uit het omgevingsprogramma" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Onbekende gemeente", MessageNextTo(await refused.Content.ReadAsStringAsync(), "municipality"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Zoekgebied wind (hernoemd)", (await db.SearchAreas.AsNoTracking().SingleAsync(a => a.Id == area.Id)).Name);
        var entries = await db.AuditEntries.Where(a => a.TableName == "search_areas" && a.RowKey == area.Id && a.Actor == email).ToListAsync();
        Assert.Equal(["name"], entries.Select(a => a.Field));
        var entry = entries[0];
        Assert.Equal((email, "web", "name", area.Name, "Zoekgebied wind (hernoemd)", "Naam uit het omgevingsprogramma"),
            (entry.Actor, entry.Channel, entry.Field, entry.OldValue!, entry.NewValue!, entry.Reason!));
    }

    private async Task<int> OrganisationIdAsync(string code)
    {
        await using var db = Database.CreateContext();
        return await db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Opens the form, changes some fields and posts it.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> changes)
    {
        var form = FormOf(await client.GetStringAsync(path));
        foreach (var (key, value) in changes)
        {
            form[key] = value;
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }
}

public sealed class SqliteReferenceDataTests(SqliteDatabase database) : ReferenceDataTests<SqliteDatabase>(database);

public sealed class PostgresReferenceDataTests(PostgresDatabase database) : ReferenceDataTests<PostgresDatabase>(database);
