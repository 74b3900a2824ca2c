using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using static ResMonitor.Web.Tests.EditingSupport;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Municipal targets and honest signals on both databases: the agreed contribution on the municipality page with the
/// rule for the technology-neutral part, the labelled fallback by inhabitants, the editor for a municipality's
/// contribution (Dutch messages, nothing stored on bad input, audited), the signal following an agreed contribution,
/// and an unknown share of local ownership counted as a gap, never listed as low, with example records kept apart.
/// </summary>
public abstract class MunicipalTargetTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string NewTargetPath = "/beheer/referentiegegevens/gemeentedoelen/nieuw";

    [Fact]
    public async Task Westerveld_shows_its_agreed_contribution_with_source_and_the_technology_neutral_rule()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/gemeenten/westerveld"));

        Assert.Contains("Westerveld sprak voor 2030 een bijdrage af van 75,0 GWh per jaar.", html);
        Assert.Contains("Gemeente Westerveld, webpagina 'Onze ambitie'", html);
        Assert.Contains("Techniekneutraal deel: Wat een gemeente per techniek (wind, zon op land, zon op dak) boven haar afgesproken bijdrage voor die techniek heeft, vult haar techniekneutrale deel", html);
        Assert.DoesNotContain("verdeling naar inwonertal", html);
    }

    [Fact]
    public async Task A_municipality_without_an_agreed_contribution_shows_the_share_by_inhabitants_labelled_as_a_fallback()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/gemeenten/meppel"));

        Assert.Contains("Geen afgesproken bijdrage bekend; verdeling naar inwonertal.", html);
        Assert.Contains("Dit is geen afspraak van de gemeente, alleen een rekenvoorbeeld.", html);
    }

    [Theory]
    [InlineData("valueMwh", "-5", "valueMwh", "Het doel moet groter dan 0 MWh per jaar zijn.")]
    [InlineData("valueMwh", "veel", "valueMwh", "'veel' is geen getal.")]
    [InlineData("municipality", "GM9999", "municipality", "Onbekende gemeente: deze gemeente hoort niet bij de regio.")]
    [InlineData("year", "twintigdertig", "year", "'twintigdertig' is geen geheel getal.")]
    [InlineData("technique", "SolarOnRoof", "technique", "Voor Westerveld staat al een doel voor zon op dak in 2030: wijzig dat doel")]
    public async Task A_contribution_with_bad_input_gets_a_Dutch_message_next_to_the_field_and_stores_nothing(string field, string value, string messageField, string message)
    {
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var before = (await AuditCountAsync(Database), await TargetCountAsync());
        var form = FormOf(await client.GetStringAsync(NewTargetPath));
        form["municipality"] = "GM1701";
        form["technique"] = "Wind";
        form["valueMwh"] = "12000";
        form["source"] = "Gemeenteraad Westerveld, besluit RES 1.0";
        form[field] = value;

        var response = await client.PostAsync(NewTargetPath, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, WebUtility.HtmlDecode(MessageNextTo(page, messageField)));
        Assert.Contains("Er is een probleem: er is niets opgeslagen", page);
        Assert.Equal(before, (await AuditCountAsync(Database), await TargetCountAsync()));
    }

    [Fact]
    public async Task An_agreed_contribution_recorded_on_the_site_is_audited_and_drives_the_signal_instead_of_the_inhabitants()
    {
        var (client, email) = await SignedInAsync(Factory, Database, "beheerder");
        var form = FormOf(await client.GetStringAsync(NewTargetPath));
        form["municipality"] = "GM0114";
        form["technique"] = "TechnologyNeutral";
        form["valueMwh"] = "5000000";
        form["source"] = "Gemeenteraad Emmen, besluit RES 1.0 (test)";
        form["referenceDate"] = "2021-06-30";
        form["reason"] = "Bijdrage uit het raadsbesluit";

        var response = await client.PostAsync(NewTargetPath, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = Database.CreateContext();
        var emmen = await db.Organisations.SingleAsync(o => o.Code == "GM0114");
        var target = await db.Targets.SingleAsync(t => t.MunicipalityId == emmen.Id);
        Assert.Equal((Technique.TechnologyNeutral, 2030, 5_000_000m), (target.Technique!.Value, target.Year, target.ValueMwh));
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.TableName == "targets" && a.RowKey == target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal((email, "web", AuditRecorder.RowField, "Bijdrage uit het raadsbesluit"), (entry.Actor, entry.Channel, entry.Field, entry.Reason));

        var facts = await EventuallyAsync(async () =>
        {
            using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/signals"));
            return json.RootElement.GetProperty("signals").EnumerateArray()
                .Where(s => s.GetProperty("rule").GetString() == "MunicipalityBehind" && s.GetProperty("subject").GetString() == "emmen")
                .Select(s => s.GetProperty("facts").GetString()!).FirstOrDefault(f => f.StartsWith("Afgesproken bijdrage", StringComparison.Ordinal));
        });
        Assert.StartsWith("Afgesproken bijdrage 5,00 TWh per jaar in 2030 (Gemeenteraad Emmen, besluit RES 1.0 (test)).", facts);
        Assert.DoesNotContain("inwoners", facts);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync("/gemeenten/emmen"));
        Assert.Contains("Emmen sprak voor 2030 een bijdrage af van 5.000,0 GWh per jaar.", page);
    }

    [Fact]
    public async Task An_unknown_share_of_local_ownership_is_counted_as_a_gap_in_public_and_listed_for_the_werkbureau_never_as_low()
    {
        var id = await RealProjectWithoutOwnershipAsync();

        var json = await EventuallyAsync(async () =>
        {
            var text = await Client.GetStringAsync("/api/v1/regions/drenthe/signals");
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.GetProperty("signals").EnumerateArray().Any(s => s.GetProperty("isExample").GetBoolean()) ? null : text;
        });
        using var signals = JsonDocument.Parse(json);
        var root = signals.RootElement;

        // The register now holds a real project: example records are left out of every signal.
        Assert.DoesNotContain(root.GetProperty("signals").EnumerateArray(), s => s.GetProperty("subject").GetString()!.StartsWith("VB-", StringComparison.Ordinal));
        Assert.DoesNotContain(root.GetProperty("signals").EnumerateArray(), s => s.GetProperty("rule").GetString() == "LowLocalOwnership");
        var gap = Assert.Single(root.GetProperty("gapCounts").EnumerateArray(), g => g.GetProperty("rule").GetString() == "LowLocalOwnership");
        Assert.Equal(("LocalOwnership", 1), (gap.GetProperty("kind").GetString(), gap.GetProperty("count").GetInt32()));
        Assert.Empty(root.GetProperty("gaps").EnumerateArray());

        var page = WebUtility.HtmlDecode(await Client.GetStringAsync("/signalen"));
        Assert.Contains("Van 1 nieuwe project is het lokaal eigendom niet bekend; dat telt hier niet mee, niet als laag en niet als hoog.", page);
        Assert.DoesNotContain($"/beheer/projecten/{id}", page);
        Assert.DoesNotContain("else {", page);

        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var todo = WebUtility.HtmlDecode(await client.GetStringAsync("/beheer/signalen"));
        Assert.Contains("Aan te vullen", todo);
        Assert.Contains($"<a class=\"utrecht-link\" href=\"/beheer/projecten/{id}\">Zonder eigendomsgegevens {id}</a>: nieuw project; het aandeel lokaal eigendom is niet bekend", todo);
    }

    private async Task<string> RealProjectWithoutOwnershipAsync()
    {
        var id = "T-" + Guid.NewGuid().ToString("N")[..10];
        await using var db = Database.CreateContext();
        db.Actor = new AuditActor("testopzet", "cli");
        var municipality = await db.Organisations.SingleAsync(o => o.Code == "GM0109");
        var project = new Project
        {
            Id = id, RegionId = "drenthe", Name = "Zonder eigendomsgegevens " + id, Technique = Technique.Wind, CapacityMw = 20m,
            MunicipalityId = municipality.Id, Phase = Phase.InProcedure, PhaseDate = new DateOnly(2023, 3, 1),
            Source = "Testbron", SourceDate = new DateOnly(2025, 1, 1), LocalOwnershipPercent = null,
        };
        project.PhaseHistory.Add(new PhaseChange { ProjectId = id, Phase = Phase.InProcedure, Date = new DateOnly(2023, 3, 1) });
        project.Permits.Add(new Permit { ProjectId = id, CompetentAuthority = CompetentAuthority.Municipality, CaseNumber = "Z-" + id, AppliedOn = new DateOnly(2023, 3, 1) });
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<int> TargetCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Targets.CountAsync();
    }

    /// <summary>A write from outside the site reaches its read model within about a second (the version refresh).</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        for (var i = 0; ; i++)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(i < 50, "The site did not show the change within 10 seconds.");
            await Task.Delay(200);
        }
    }
}

public sealed class SqliteMunicipalTargetTests(SqliteDatabase database) : MunicipalTargetTests<SqliteDatabase>(database);

public sealed class PostgresMunicipalTargetTests(PostgresDatabase database) : MunicipalTargetTests<PostgresDatabase>(database);
