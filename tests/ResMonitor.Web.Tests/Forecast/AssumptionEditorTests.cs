using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Projects;
using static ResMonitor.Web.Tests.BeheerSession;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The beheerder's editor for the forecast assumptions on both databases: a new version takes over at once (the
/// forecast and its cache follow), invalid figures are refused next to their field and store nothing, an unusable
/// stored version is passed over instead of breaking the forecast, and only a beheerder may write.
/// </summary>
public abstract class AssumptionEditorTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private static readonly Phase[] Editable = [Phase.Idea, Phase.InProcedure, Phase.Permitted, Phase.Irrevocable, Phase.Subsidy, Phase.UnderConstruction];

    private static DateOnly Today => TestClock.Today;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_version_with_lower_chances_takes_over_at_once_and_the_chance_of_reaching_the_target_drops()
    {
        // The example register holds far less than 3,45 TWh; a target it may just reach gives a chance that can fall.
        await using (var db = Database.CreateContext())
        {
            await db.Targets.Where(t => t.RegionId == "drenthe" && t.Technique == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ValueMwh, 700_000m));
            // Written past the register's own paths: raise its version as every writer must, so the site sees it.
            await Core.Register.RegisterVersionStore.RaiseAsync(db);
        }

        var before = await ForecastAsync();
        Assert.InRange(before.Chance, 0.05, 0.999);
        Assert.DoesNotContain("‘pessimistisch-", WebUtility.HtmlDecode(await Client.GetStringAsync("/prognose")));
        var email = await SignInAsync(Client, Database, "beheerder", name: "Anne Beheer");
        var version = "pessimistisch-" + Guid.NewGuid().ToString("N")[..6];

        using var saved = await PostAsync(Fields(version, Iso(Today), "Werkbureau RES Drenthe, evaluatie 2026: minder projecten halen de bouw.", _ => ("10", "12", "24", "48")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/beheer/prognose", saved.Headers.Location?.OriginalString);
        var editor = WebUtility.HtmlDecode(await Client.GetStringAsync("/beheer/prognose"));
        Assert.Contains($"Versie ‘{version}’ is opgeslagen en geldt vanaf {Core.DutchFormat.Date(Today)}.", editor);
        Assert.Contains($"Versie ‘{version}’, vanaf {Core.DutchFormat.Date(Today)}: in gebruik", editor);
        Assert.Contains("Versie ‘standaard-2025’, vanaf 1 juli 2025: vervangen", editor);

        var after = await ForecastAsync();
        Assert.Equal(version, after.Version);
        Assert.True(after.Chance < before.Chance, $"{after.Chance} should be below {before.Chance}");
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync("/prognose"));
        Assert.Contains($"Aannames per fase, versie ‘{version}’, geldig vanaf {Core.DutchFormat.Date(Today)}", page);
        Assert.Contains("Bron van de aannames: Werkbureau RES Drenthe, evaluatie 2026", page);

        await using var check = Database.CreateContext();
        var rows = await check.ForecastAssumptions.Where(a => a.Version == version).ToListAsync();
        Assert.Equal(8, rows.Count);
        Assert.All(rows.Where(r => Editable.Contains(r.Phase)), r => Assert.Equal(0.1m, r.RealisationProbability));
        Assert.Equal(1m, rows.Single(r => r.Phase == Phase.Realised).RealisationProbability);
        var audit = await check.AuditEntries.Where(a => a.TableName == "forecast_assumptions" && a.Actor == email).ToListAsync();
        Assert.Equal(8, audit.Count);
        Assert.All(audit, a => Assert.Equal("web", a.Channel));
        Assert.All(audit, a => Assert.StartsWith("Werkbureau RES Drenthe, evaluatie 2026", a.Reason));
    }

    [Theory]
    [InlineData("kans", "120", "kans-permitted", "kans-permitted-fout", "Fase vergund: de kans op realisatie moet tussen 0 en 1 liggen, dus van 0% tot en met 100% (nu 120%).")]
    [InlineData("kans", "-5", "kans-permitted", "kans-permitted-fout", "Fase vergund: de kans op realisatie moet tussen 0 en 1 liggen, dus van 0% tot en met 100% (nu -5%).")]
    [InlineData("kans", "veel", "kans-permitted", "kans-permitted-fout", "Fase vergund: vul de kans in als percentage")]
    [InlineData("kortst", "-1", "kortst-permitted", "kortst-permitted-fout", "Fase vergund: de kortste vertraging kan niet negatief zijn (nu -1 maanden).")]
    [InlineData("langst", "-6", "langst-permitted", "langst-permitted-fout", "Fase vergund: de langste vertraging kan niet negatief zijn (nu -6 maanden).")]
    [InlineData("kortst", "40", "kortst-permitted", "vertraging-permitted-fout", "Fase vergund: de vertraging moet oplopen van kortste via meest waarschijnlijke naar langste.")]
    [InlineData("waarom", "", "onderbouwing-permitted", "onderbouwing-permitted-fout", "Fase vergund: leg uit waarom deze kans en vertraging gelden.")]
    [InlineData("bron", "", "bron", "bron-fout", "Geef de bron of de reden van deze aannames.")]
    [InlineData("datum", "2025-01-01", "geldigvanaf", "geldigvanaf-fout", "Een nieuwe versie kan niet met terugwerkende kracht gelden")]
    [InlineData("versie", "standaard-2025", "versie", "versie-fout", "Er is al een versie 'standaard-2025'. Een versie wordt nooit gewijzigd: kies een nieuwe naam.")]
    public async Task Invalid_assumptions_are_refused_next_to_the_field_and_nothing_is_stored(string change, string value, string input, string errorId, string message)
    {
        await SignInAsync(Client, Database, "beheerder");
        var count = await RowCountAsync();
        var fields = Fields(
            change == "versie" ? value : "fout-" + Guid.NewGuid().ToString("N")[..6],
            change == "datum" ? value : Iso(Today),
            change == "bron" ? value : "Test",
            phase => phase != Phase.Permitted ? ("70", "18", "30", "60")
                : change switch
                {
                    "kans" => (value, "18", "30", "60"),
                    "kortst" => ("70", value, "30", "60"),
                    "langst" => ("70", "18", "30", value),
                    _ => ("70", "18", "30", "60"),
                });
        if (change == "waarom")
        {
            fields["Fasen[2].Onderbouwing"] = value;
        }

        using var response = await PostAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains($"id=\"{errorId}\">{message}", text);
        Assert.Contains($"<a class=\"utrecht-link\" href=\"#{input}\">{message}", text);
        var tag = InputTag(html, input);
        Assert.Contains("aria-invalid=\"true\"", tag);
        Assert.Contains(errorId, tag);
        if (change is "kans" or "kortst" or "langst")
        {
            Assert.Contains($"value=\"{value}\"", tag);
        }

        Assert.Equal(count, await RowCountAsync());
    }

    [Fact]
    public async Task An_unusable_stored_version_is_passed_over_and_the_beheerder_is_told()
    {
        var inUse = (await ForecastAsync()).Version;
        var broken = "kapot-" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = Database.CreateContext())
        {
            var rows = ForecastAssumptionRow.From("drenthe", ForecastAssumptions.Defaults with { Version = broken, ValidFrom = Today, Source = "Handmatig in de database gezet" }).ToList();
            rows.Single(r => r.Phase == Phase.Idea).RealisationProbability = 1.5m;
            rows.Single(r => r.Phase == Phase.Subsidy).MinMonths = -2m;
            db.ForecastAssumptions.AddRange(rows);
            await db.SaveChangesAsync();
        }

        try
        {
            using var api = await SignedInGetAsync("/api/v1/regions/drenthe/forecast?runs=200");
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            Assert.Equal(inUse, json.RootElement.GetProperty("assumptions").GetProperty("version").GetString());
            using var page = await Client.GetAsync("/prognose");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"versie ‘{inUse}’", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);

            await SignInAsync(Client, Database, "beheerder");
            Assert.Contains($"Let op: de prognose slaat ongeldige versies over ({broken}).", WebUtility.HtmlDecode(await Client.GetStringAsync("/beheer")));
            var editor = WebUtility.HtmlDecode(await Client.GetStringAsync("/beheer/prognose"));
            Assert.Contains($"De prognose slaat ongeldige versies over en rekent met ‘{inUse}’.", editor);
            Assert.Contains($"Versie ‘{broken}’ (vanaf {Core.DutchFormat.Date(Today)}): Fase idee: de kans op realisatie moet tussen 0 en 1 liggen, dus van 0% tot en met 100% (nu 150%).", editor);
            Assert.Contains("Fase SDE-beschikking: de kortste vertraging kan niet negatief zijn (nu -2 maanden).", editor);
            Assert.Contains($"Versie ‘{broken}’, vanaf {Core.DutchFormat.Date(Today)}: ongeldig, wordt overgeslagen", editor);
        }
        finally
        {
            await using var db = Database.CreateContext();
            await db.ForecastAssumptions.Where(a => a.Version == broken).ExecuteDeleteAsync();
            // Written past the register's own paths: raise its version as every writer must, so the site sees it.
            await Core.Register.RegisterVersionStore.RaiseAsync(db);
        }
    }

    [Theory]
    [InlineData("redacteur", "GM0106")]
    [InlineData("lezer", null)]
    public async Task Only_a_beheerder_may_see_or_save_assumptions(string role, string? organisation)
    {
        var anonymous = await Client.GetAsync("/beheer/prognose");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/inloggen", anonymous.Headers.Location!.OriginalString);

        await SignInAsync(Client, Database, role, organisation);
        Assert.EndsWith("/fout/403", (await Client.GetAsync("/beheer/prognose")).Headers.Location!.AbsolutePath);
        var beheer = await Client.GetStringAsync("/beheer");
        Assert.DoesNotContain("href=\"/beheer/prognose\"", beheer);
        var count = await RowCountAsync();

        using var post = await Client.PostAsync("/beheer/prognose", Form(TokenIn(beheer), Fields("mag-niet", Iso(Today), "Test", _ => ("1", "1", "2", "3"))));

        Assert.EndsWith("/fout/403", post.Headers.Location!.AbsolutePath);
        Assert.Equal(count, await RowCountAsync());
    }

    [Fact]
    public async Task A_post_without_form_token_is_refused_and_stores_nothing()
    {
        await SignInAsync(Client, Database, "beheerder");
        Assert.Contains("href=\"/beheer/prognose\"", await Client.GetStringAsync("/beheer"));
        var count = await RowCountAsync();

        using var response = await Client.PostAsync("/beheer/prognose", new FormUrlEncodedContent(Fields("zonder-token", Iso(Today), "Test", _ => ("50", "1", "2", "3"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(count, await RowCountAsync());
    }

    // ---------- helpers ----------

    private static Dictionary<string, string> Fields(string version, string validFrom, string source, Func<Phase, (string Chance, string Min, string Mode, string Max)> figures)
    {
        var fields = new Dictionary<string, string> { ["Versie"] = version, ["GeldigVanaf"] = validFrom, ["Bron"] = source };
        for (var i = 0; i < Editable.Length; i++)
        {
            var (chance, min, mode, max) = figures(Editable[i]);
            fields[$"Fasen[{i}].Fase"] = Editable[i].ToString();
            fields[$"Fasen[{i}].Kans"] = chance;
            fields[$"Fasen[{i}].Kortst"] = min;
            fields[$"Fasen[{i}].Waarschijnlijkst"] = mode;
            fields[$"Fasen[{i}].Langst"] = max;
            fields[$"Fasen[{i}].Onderbouwing"] = "Toelichting voor de fase " + Editable[i];
        }

        return fields;
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields)
    {
        var token = TokenIn(await Client.GetStringAsync("/beheer/prognose"));
        return await Client.PostAsync("/beheer/prognose", Form(token, fields));
    }

    private async Task<(double Chance, string Version)> ForecastAsync()
    {
        using var json = JsonDocument.Parse(await (await SignedInGetAsync("/api/v1/regions/drenthe/forecast?runs=2000")).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("result").GetProperty("probabilityOfReachingTarget").GetDouble(),
            json.RootElement.GetProperty("assumptions").GetProperty("version").GetString()!);
    }

    private async Task<int> RowCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.ForecastAssumptions.CountAsync();
    }

    /// <summary>GET as a signed-in lezer: other run counts than the default are for signed-in users only.</summary>
    private async Task<HttpResponseMessage> SignedInGetAsync(string path)
    {
        using var reader = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BeheerSession.SignInAsync(reader, Database, "lezer");
        var response = await reader.GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

public sealed class SqliteAssumptionEditorTests(SqliteDatabase database) : AssumptionEditorTests<SqliteDatabase>(database);

public sealed class PostgresAssumptionEditorTests(PostgresDatabase database) : AssumptionEditorTests<PostgresDatabase>(database);
