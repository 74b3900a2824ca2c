using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Cli;
using ResMonitor.Core.Governance;
using static ResMonitor.Web.Tests.BeheerSession;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The escalation procedure through the beheer forms on both databases: who may write, moving an impasse on with a
/// skip, a refused step (409, nothing stored), a deadline before the start, the reminder that fires once, and the
/// public page that shows only what the region published.
/// </summary>
public abstract partial class EscalationTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{


    [Fact]
    public async Task A_beheerder_opens_an_impasse_and_moves_it_from_step_1_to_step_3_with_a_reason()
    {
        await SignInAsAsync("beheerder");
        var title = NewTitle();

        var id = await OpenImpasseAsync(title);
        var first = await PostAsync(id, "stap", Step(1));
        var third = await PostAsync(id, "stap", Step(3, trigger: "InsufficientSupport", reason: "De tafel kiest direct voor mediation."));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        var page = await Client.GetStringAsync($"/beheer/impasses/{id}");
        Assert.Contains("Stap 3 is gestart.", page);
        Assert.Contains("Stap 3: mediation door een onafhankelijke partij", page);
        Assert.Contains("Reden: De tafel kiest direct voor mediation.", page);
        Assert.Contains("Aanleiding: onvoldoende politiek-bestuurlijk draagvlak.", page);
        var state = await StateAsync(id);
        Assert.Equal(3, state.CurrentStep);
        Assert.Contains(title, await Client.GetStringAsync("/beheer/impasses"));
    }

    [Fact]
    public async Task A_redacteur_is_refused_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var anonymous = await Client.GetAsync("/beheer/impasses");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/inloggen", anonymous.Headers.Location!.ToString());

        await SignInAsAsync("redacteur", "GM0106");
        Assert.EndsWith("/fout/403", (await Client.GetAsync("/beheer/impasses")).Headers.Location!.AbsolutePath);
        Assert.EndsWith("/fout/403", (await Client.GetAsync("/beheer/impasses/nieuw")).Headers.Location!.AbsolutePath);
        var denied = await Client.GetAsync("/fout/403");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var token = TokenIn(await Client.GetStringAsync("/beheer"));
        var post = await Client.PostAsync("/beheer/impasses/nieuw", Form(token, new() { ["Titel"] = "Mag niet", ["Datum"] = "2026-01-05" }));
        Assert.EndsWith("/fout/403", post.Headers.Location!.AbsolutePath);
        await using var db = Database.CreateContext();
        Assert.False(await db.Impasses.AnyAsync(i => i.Title == "Mag niet"));
    }

    [Fact]
    public async Task A_lezer_reads_the_whole_record_including_what_is_not_published_but_cannot_add_to_it()
    {
        var beheerder = await BeheerSession.SignInAsync(Client, Database, "beheerder", name: "Bea Werkbureau");
        var title = NewTitle();
        var id = await OpenImpasseAsync(title);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "stap", Step(1))).StatusCode);
        var before = await EventCountAsync(id);

        await SignInAsAsync("lezer");
        var list = WebUtility.HtmlDecode(await Client.GetStringAsync("/beheer/impasses"));
        Assert.Contains(title, list);
        Assert.DoesNotContain("Nieuwe impasse vastleggen", list);
        var record = WebUtility.HtmlDecode(await Client.GetStringAsync($"/beheer/impasses/{id}"));
        Assert.Contains("Een bestuurlijke oplossing zoeken", record); // the mandate, which the public never sees
        Assert.Contains("U leest mee", record);
        Assert.DoesNotContain("?handler=stap", record);
        // Who recorded what, by name: the lezer never sees another user's e-mail address.
        Assert.Contains("(vastgelegd door Bea Werkbureau)", record);
        Assert.DoesNotContain(beheerder, record);

        var token = TokenIn(await Client.GetStringAsync("/beheer"));
        var post = await Client.PostAsync($"/beheer/impasses/{id}?handler=stap", Form(token, Step(2, trigger: "DeadlinePassed")));
        Assert.EndsWith("/fout/403", post.Headers.Location!.AbsolutePath);
        Assert.EndsWith("/fout/403", (await Client.GetAsync("/beheer/impasses/nieuw")).Headers.Location!.AbsolutePath);
        Assert.Equal(before, await EventCountAsync(id));
    }

    [Fact]
    public async Task A_step_back_is_refused_with_409_and_the_reason_and_stores_nothing()
    {
        await SignInAsAsync("beheerder");
        var id = await OpenImpasseAsync(NewTitle());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "stap", Step(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "stap", Step(2, trigger: "DeadlinePassed"))).StatusCode);
        var before = await EventCountAsync(id);

        var refused = await PostAsync(id, "stap", Step(1, trigger: "DeadlinePassed"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Een stap gaat alleen vooruit: de impasse staat al in stap 2, dus stap 1 kan niet meer.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await EventCountAsync(id));
    }

    [Fact]
    public async Task Skipping_without_a_reason_and_a_deadline_before_the_start_are_refused_next_to_the_field()
    {
        await SignInAsAsync("beheerder");
        var id = await OpenImpasseAsync(NewTitle());

        var response = await PostAsync(id, "stap", Step(3, reason: "", start: "2026-02-10", deadline: "2026-02-09"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"deadline-fout\">De deadline (9 februari 2026) ligt voor de start van de stap (10 februari 2026).", html);
        Assert.Contains("id=\"reden-fout\">Stap 1 en 2 overslaan kan alleen met een reden", html);
        Assert.Equal(1, await EventCountAsync(id));
    }

    [Fact]
    public async Task Nothing_can_be_added_after_closing()
    {
        await SignInAsAsync("beheerder");
        var id = await OpenImpasseAsync(NewTitle());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "stap", Step(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "afsluiten", new() { ["Afsluiting"] = "Resolved", ["Uitkomst"] = "Akkoord.", ["Datum"] = "2026-02-01" })).StatusCode);

        var refused = await PostAsync(id, "document", new() { ["DocumentTitel"] = "Memo", ["Verwijzing"] = "M-1", ["Datum"] = "2026-02-02" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Deze impasse is afgesloten op 1 februari 2026", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reminder_before_a_deadline_is_recorded_once_and_shown_to_the_beheerder()
    {
        await SignInAsAsync("beheerder");
        var id = await OpenImpasseAsync(NewTitle());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "stap", Step(1, deadline: "2099-06-30"))).StatusCode);

        var early = await Database.RunAsync("escalation", "remind", "--date", "2099-06-22");
        var first = await Database.RunAsync("escalation", "remind", "--date", "2099-06-23");
        var second = await Database.RunAsync("escalation", "remind", "--date", "2099-06-24");

        Assert.Equal(0, first.Code);
        Assert.DoesNotContain("stap 1, deadline 30 juni 2099", early.Output);
        Assert.Contains("stap 1, deadline 30 juni 2099", first.Output);
        Assert.DoesNotContain("stap 1, deadline 30 juni 2099", second.Output);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.EscalationEvents.CountAsync(e => e.ImpasseId == id && e.Kind == EscalationEventKind.ReminderSent));
        Assert.Contains("herinnering: de deadline van stap 1 is 30 juni 2099 (getoond in beheer, niet gemaild)", await Client.GetStringAsync($"/beheer/impasses/{id}"));
    }

    [Fact]
    public async Task The_public_page_shows_only_published_impasses_and_not_their_internal_part()
    {
        await SignInAsAsync("beheerder");
        var published = NewTitle();
        var hidden = NewTitle();
        var id = await OpenImpasseAsync(published);
        await OpenImpasseAsync(hidden);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "stap", Step(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "document", new() { ["DocumentTitel"] = "Interne notitie", ["Verwijzing"] = "N-7", ["Datum"] = "2026-01-21" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "document", new() { ["DocumentTitel"] = "Brief aan de raden", ["Verwijzing"] = "https://example.nl/brief.pdf", ["DocumentOpenbaar"] = "true", ["Datum"] = "2026-01-21" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(id, "publiceren", new() { ["Samenvatting"] = "De provincie zoekt een oplossing voor de netcapaciteit." })).StatusCode);

        using var visitor = Factory.CreateClient();
        var page = await visitor.GetStringAsync("/opschaling");

        Assert.Contains(published, page);
        Assert.Contains("De provincie zoekt een oplossing voor de netcapaciteit.", page);
        Assert.Contains("Stap 1: provincie neemt het voortouw", page);
        Assert.Contains("Brief aan de raden", page);
        Assert.DoesNotContain("Interne notitie", page);
        Assert.DoesNotContain("Mandaat:", page);
        Assert.DoesNotContain(hidden, page);
        var english = await visitor.GetStringAsync("/opschaling?lang=en");
        Assert.Contains("Step 1: the province takes the lead", english);
        Assert.Contains("Escalation in a governance impasse", english);
    }

    // ---------- helpers ----------

    private static string NewTitle() => "Impasse " + Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, string> Step(int step, string? trigger = null, string? reason = null, string start = "2026-01-20", string deadline = "2026-03-01") => new()
    {
        ["Stap"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["StapAanleiding"] = trigger ?? "",
        ["Reden"] = reason ?? "",
        ["Eigenaar"] = "Provincie Drenthe",
        ["Mandaat"] = "Een bestuurlijke oplossing zoeken",
        ["Opdracht"] = "Breng de feiten op tafel.",
        ["Resultaat"] = "Een rapport.",
        ["Start"] = start,
        ["Deadline"] = deadline,
    };

    private async Task<long> OpenImpasseAsync(string title)
    {
        var token = TokenIn(await Client.GetStringAsync("/beheer/impasses/nieuw"));
        var response = await Client.PostAsync("/beheer/impasses/nieuw", Form(token, new()
        {
            ["Titel"] = title,
            ["Onderwerp"] = "GridCongestion",
            ["Datum"] = "2026-01-15",
            ["Aanleiding"] = "NoConsensus",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> PostAsync(long id, string handler, Dictionary<string, string> fields)
    {
        var token = TokenIn(await Client.GetStringAsync($"/beheer/impasses/{id}"));
        return await Client.PostAsync($"/beheer/impasses/{id}?handler={handler}", Form(token, fields));
    }

    private async Task<int> EventCountAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.EscalationEvents.CountAsync(e => e.ImpasseId == id);
    }

    private async Task<EscalationState> StateAsync(long id)
    {
        await using var db = Database.CreateContext();
        return EscalationState.Of(await db.Impasses.Include(i => i.Events).SingleAsync(i => i.Id == id));
    }

    private Task<string> SignInAsAsync(string role, string? organisation = null) => BeheerSession.SignInAsync(Client, Database, role, organisation);



}

public sealed class SqliteEscalationTests(SqliteDatabase database) : EscalationTests<SqliteDatabase>(database);

public sealed class PostgresEscalationTests(PostgresDatabase database) : EscalationTests<PostgresDatabase>(database);
