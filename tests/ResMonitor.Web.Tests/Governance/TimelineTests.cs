using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core.Governance;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Register;
using static ResMonitor.Web.Tests.BeheerSession;

namespace ResMonitor.Web.Tests.Governance;

/// <summary>
/// The shared timeline on both databases: the seeded moments with their dates as exactly as the sources give them,
/// the filters, the iCalendar feed, and the werkbureau's form with its refusals.
/// </summary>
public abstract class TimelineTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    /// <summary>How many moments the region has now: another test of the class may have added one.</summary>
    private async Task<int> CountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.DecisionMoments.CountAsync(m => m.RegionId == "drenthe");
    }

    private async Task ObserveAsync()
    {
        await using var db = Database.CreateContext();
        Factory.Services.GetRequiredService<RegisterVersion>().Observe(await RegisterVersionStore.ReadAsync(db));
    }

    [Fact]
    public async Task The_public_timeline_shows_the_seeded_moments_no_more_exact_than_their_sources_with_each_source()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/tijdlijn"));
        var total = await CountAsync();

        Assert.True(total >= 13, $"{total} moments");
        Assert.Contains($"{total} van {total} momenten.", html);
        Assert.Contains("<p class=\"rm-moments__date\">voorjaar 2022</p>", html);
        Assert.Contains("Gemeenteraadsverkiezingen", html);
        Assert.Contains("<p class=\"rm-moments__date\">eind 2023</p>", html);
        Assert.Contains("<p class=\"rm-moments__date\">begin 2024</p>", html);
        Assert.Contains("“In het voorjaar 2022 waren de gemeentelijke verkiezingen”", html);
        Assert.Matches(@"omgevingsvisie\s*<strong> \(wettelijke termijn\)</strong>", html);
        // The test clock stands after 2023: a planned moment of 2023 is not shown as still to come.
        Assert.Contains("gepland; de datum is voorbij, nog niet bevestigd als geweest", html);
        Assert.True(html.IndexOf("voorjaar 2022", StringComparison.Ordinal) < html.IndexOf("Voortgangsdocument RES 2029", StringComparison.Ordinal));
        Assert.Contains("href=\"/tijdlijn\"", await Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_timeline_narrows_by_level_and_kind_and_refuses_an_unknown_filter()
    {
        var national = WebUtility.HtmlDecode(await Client.GetStringAsync("/tijdlijn?niveau=National"));
        var elections = WebUtility.HtmlDecode(await Client.GetStringAsync("/tijdlijn?soort=Election"));
        var unknown = await Client.GetAsync("/tijdlijn?niveau=Heelal");
        var total = await CountAsync();

        Assert.Contains($"3 van {total} momenten.", national);
        Assert.DoesNotContain("Gemeenteraadsverkiezingen", national);
        Assert.Contains($"3 van {total} momenten.", elections);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_English_timeline_writes_the_dates_in_English()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/tijdlijn?lang=en"));

        Assert.Contains("<p class=\"rm-moments__date\">spring 2022</p>", html);
        Assert.Contains("<p class=\"rm-moments__date\">1 July 2023</p>", html);
        Assert.Contains("elections", html);
        // The moments' own Dutch words are marked as Dutch on the English page; on the Dutch page nothing is marked.
        Assert.Contains("<h3 class=\"utrecht-heading-3 rm-moments__title\" lang=\"nl\">Gemeenteraadsverkiezingen</h3>", html);
        Assert.Contains("<h3 class=\"utrecht-heading-3 rm-moments__title\">Gemeenteraadsverkiezingen</h3>", WebUtility.HtmlDecode(await Client.GetStringAsync("/tijdlijn")));
    }

    [Fact]
    public async Task The_calendar_feed_gives_every_moment_as_an_all_day_event_spanning_what_its_date_may_mean()
    {
        var response = await Client.GetAsync("/tijdlijn.ics");
        var text = await response.Content.ReadAsStringAsync();
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await CountAsync(), CountOf(unfolded, "BEGIN:VEVENT"));
        Assert.Contains("SUMMARY:Gemeenteraadsverkiezingen (voorjaar 2022)", unfolded);
        Assert.Contains("DTSTART;VALUE=DATE:20220301", unfolded);
        Assert.Contains("DTEND;VALUE=DATE:20220601", unfolded);
        Assert.Contains("SUMMARY:Voortgangsdocument RES opgeleverd bij het Nationaal Programma RES\r\n", unfolded);
        var provincial = await Client.GetStringAsync("/tijdlijn.ics?niveau=Provincial");
        Assert.Equal(2, CountOf(provincial, "BEGIN:VEVENT"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/tijdlijn.ics?niveau=heelal")).StatusCode);
    }

    [Fact]
    public async Task The_werkbureau_adds_a_moment_with_a_fuzzy_date_and_html_in_its_title_is_shown_as_text()
    {
        await SignInAsync(Client, Database, "beheerder");
        var token = TokenIn(await Client.GetStringAsync("/beheer/tijdlijn"));
        var title = "Besluit <b>netwerk</b> " + Guid.NewGuid().ToString("N")[..6];

        var response = await Client.PostAsync("/beheer/tijdlijn", Form(token, new()
        {
            ["Titel"] = title, ["Datum"] = "tweede helft 2027", ["Soort"] = "RegionalDecision", ["Niveau"] = "Regional",
            ["Status"] = "Planned", ["Bron"] = "RES regio Drenthe, werkplan 2027",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = Database.CreateContext();
        var stored = await db.DecisionMoments.SingleAsync(m => m.Title == title);
        Assert.Equal(("drenthe", DatePrecision.HalfYear, new DateOnly(2027, 7, 1)), (stored.RegionId, stored.DatePrecision, stored.StartsOn));
        Assert.Contains(await db.AuditEntries.Where(a => a.TableName == "decision_moments").ToListAsync(), a => a.RowKey == stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ObserveAsync();
        var page = await Client.GetStringAsync("/tijdlijn");
        Assert.Contains("Besluit &lt;b&gt;netwerk&lt;/b&gt;", page);
        Assert.Contains("tweede helft 2027", page);
    }

    [Fact]
    public async Task An_unreadable_date_and_a_missing_source_are_named_at_their_fields_and_nothing_is_stored()
    {
        await SignInAsync(Client, Database, "beheerder");
        var token = TokenIn(await Client.GetStringAsync("/beheer/tijdlijn"));
        await using var before = Database.CreateContext();
        var count = await before.DecisionMoments.CountAsync();

        var response = await Client.PostAsync("/beheer/tijdlijn", Form(token, new()
        {
            ["Titel"] = "Zomerbesluit", ["Datum"] = "zomer 20x", ["Soort"] = "RegionalDecision", ["Niveau"] = "Regional",
            ["Status"] = "Planned", ["Bron"] = "",
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("De datum 'zomer 20x' is niet te lezen. Schrijf bijvoorbeeld 1 juli 2023, juli 2023, Q3 2023, voorjaar 2022", html);
        Assert.Contains("Geef de bron: de organisatie en het document waarin het moment staat.", html);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"date-uitleg date-fout\"", html);
        await using var after = Database.CreateContext();
        Assert.Equal(count, await after.DecisionMoments.CountAsync());
    }

    [Fact]
    public async Task A_redacteur_may_not_keep_the_timeline_and_a_regions_beheerder_not_another_regions_moment()
    {
        var redacteur = Factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignInAsync(redacteur, Database, "redacteur", "GM0106");
        Assert.EndsWith("/fout/403", (await redacteur.GetAsync("/beheer/tijdlijn")).Headers.Location!.AbsolutePath);

        await SeedOnce.TestRegionAsync(Database, Factory, withProjects: false);
        long other;
        await using (var db = Database.CreateContext())
        {
            var moment = new DecisionMoment { RegionId = "proefregio", Title = "Proefbesluit", Source = "Testgegevens", Date = FuzzyDate.Parse("2026")!.Value };
            db.DecisionMoments.Add(moment);
            await db.SaveChangesAsync();
            other = moment.Id;
        }

        await SignInAsync(Client, Database, "beheerder");
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync($"/beheer/tijdlijn/{other}")).StatusCode);
        var token = TokenIn(await Client.GetStringAsync("/beheer/tijdlijn"));
        var post = await Client.PostAsync($"/beheer/tijdlijn/{other}", Form(token, new()
        {
            ["Titel"] = "Overgenomen", ["Datum"] = "2026", ["Soort"] = "Other", ["Niveau"] = "Regional", ["Status"] = "Planned", ["Bron"] = "x",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var check = Database.CreateContext();
        Assert.Equal("Proefbesluit", (await check.DecisionMoments.SingleAsync(m => m.Id == other)).Title);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/beheer/tijdlijn/987654")).StatusCode);
    }
}

public sealed class SqliteTimelineTests(SqliteDatabase database) : TimelineTests<SqliteDatabase>(database);

public sealed class PostgresTimelineTests(PostgresDatabase database) : TimelineTests<PostgresDatabase>(database);
