using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Projects;
using static ResMonitor.Web.Tests.EditingSupport;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Editing projects through the site and the API on both databases: who may edit what (403 outside one's scope),
/// form tokens, text shown as text, an audit entry for every write, the version check that keeps a concurrent
/// change, and every rule's Dutch message next to its field with nothing stored.
/// </summary>
public abstract class EditingTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string Emmen = "GM0114";
    private const string Assen = "GM0106";

    // ---------- scope ----------

    [Fact]
    public async Task A_redacteur_of_Emmen_gets_403_opening_the_edit_page_of_an_Assen_project()
    {
        var assen = await NewProjectAsync(Database, Assen);
        var (emmen, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);

        var response = await emmen.GetAsync($"/beheer/projecten/{assen}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Geen toegang", page);
        Assert.DoesNotContain("Testproject " + assen, page);
    }

    [Fact]
    public async Task A_redacteur_of_Emmen_gets_403_posting_the_edit_form_of_an_Assen_project_and_nothing_changes()
    {
        var assen = await NewProjectAsync(Database, Assen);
        var own = await NewProjectAsync(Database, Emmen);
        var (emmen, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        // A complete form with a valid token, taken from the redacteur's own project and aimed at the Assen one.
        var form = FormOf(await emmen.GetStringAsync($"/beheer/projecten/{own}"));
        form["name"] = "Overgenomen door Emmen";
        form["municipality"] = Assen;

        var response = await emmen.PostAsync($"/beheer/projecten/{assen}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Geen toegang", await response.Content.ReadAsStringAsync());
        Assert.Equal("Testproject " + assen, (await ProjectAsync(Database, assen)).Name);
        Assert.DoesNotContain(await AuditAsync(Database, "projects", assen), a => a.Field != AuditRecorder.RowField);
    }

    [Fact]
    public async Task A_redacteur_of_Emmen_gets_403_from_the_API_for_an_Assen_project()
    {
        var assen = await NewProjectAsync(Database, Assen);
        var (emmen, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var token = await ApiTokenAsync(emmen);

        var read = await emmen.GetAsync($"/api/v1/projects/{assen}");
        var write = await emmen.SendAsync(Put(assen, ValidBody(0, "Via de API overgenomen", Assen), token));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        var problem = await write.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Geen toegang", problem.GetProperty("title").GetString());
        Assert.Equal("Testproject " + assen, (await ProjectAsync(Database, assen)).Name);
    }

    [Fact]
    public async Task A_redacteur_sees_only_their_own_projects_in_the_list_and_a_beheerder_sees_all()
    {
        var emmenProject = await NewProjectAsync(Database, Emmen);
        var assenProject = await NewProjectAsync(Database, Assen);
        var (redacteur, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var (beheerder, _) = await SignedInAsync(Factory, Database, "beheerder");

        var own = await redacteur.GetStringAsync($"/beheer/projecten?zoek={emmenProject}");
        var other = await redacteur.GetStringAsync($"/beheer/projecten?zoek={assenProject}");
        var all = await beheerder.GetStringAsync($"/beheer/projecten?zoek={assenProject}");
        var emmenList = await redacteur.GetStringAsync("/beheer/projecten?zoek=voorbeeld");

        Assert.Contains($"href=\"/beheer/projecten/{emmenProject}\"", own);
        Assert.Contains("0 projecten", other);
        Assert.Contains($"href=\"/beheer/projecten/{assenProject}\"", all);
        Assert.Contains("U ziet de projecten in Emmen.", emmenList);
        Assert.Contains("Voorbeeld: Zonnepark Emmen 14", emmenList);
        Assert.DoesNotContain("Voorbeeld: Windpark Assen 3", emmenList);
    }

    [Fact]
    public async Task The_list_pages_by_25_and_the_second_page_holds_the_rest()
    {
        var (beheerder, _) = await SignedInAsync(Factory, Database, "beheerder");
        await using var db = Database.CreateContext();
        var total = await db.Projects.CountAsync();

        var first = await beheerder.GetStringAsync("/beheer/projecten");
        var second = await beheerder.GetStringAsync("/beheer/projecten?pagina=2");

        Assert.Contains($"{total} projecten, pagina 1 van {(total + 24) / 25}", first);
        Assert.Contains("Volgende pagina", first);
        Assert.Equal(25, CountRows(first));
        Assert.Equal(Math.Min(25, total - 25), CountRows(second));
        Assert.Equal(HttpStatusCode.BadRequest, (await beheerder.GetAsync("/beheer/projecten?pagina=nul")).StatusCode);
    }

    [Fact]
    public async Task The_province_redacteur_edits_projects_whose_permit_the_province_decides_and_no_others()
    {
        var provincial = await NewProjectAsync(Database, Assen, ResMonitor.Core.Energy.Technique.Wind, 20m, CompetentAuthority.Province);
        var municipal = await NewProjectAsync(Database, Assen, permit: CompetentAuthority.Municipality);
        var (province, _) = await SignedInAsync(Factory, Database, "redacteur", "PV22");

        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/beheer/projecten/{provincial}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.GetAsync($"/beheer/projecten/{municipal}")).StatusCode);
        var saved = await EditAsync(province, provincial, new() { ["name"] = "Windpark provincie" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Windpark provincie", (await ProjectAsync(Database, provincial)).Name);
    }

    [Fact]
    public async Task A_beheerder_moves_a_project_to_another_municipality_and_the_Emmen_redacteur_loses_it()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (beheerder, _) = await SignedInAsync(Factory, Database, "beheerder");
        var (emmen, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);

        var response = await EditAsync(beheerder, id, new() { ["municipality"] = Assen });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Equal(await db.Organisations.Where(o => o.Code == Assen).Select(o => o.Id).SingleAsync(), (await ProjectAsync(Database, id)).MunicipalityId);
        Assert.Equal(HttpStatusCode.Forbidden, (await emmen.GetAsync($"/beheer/projecten/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_lezer_may_not_open_the_editing_pages()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (lezer, _) = await SignedInAsync(Factory, Database, "lezer");

        Assert.Equal(HttpStatusCode.Redirect, (await lezer.GetAsync("/beheer/projecten")).StatusCode);
        var denied = await lezer.GetAsync($"/beheer/projecten/{id}");
        Assert.Equal("/fout/403", denied.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.GetAsync($"/api/v1/projects/{id}")).StatusCode);
    }

    // ---------- form tokens ----------

    [Fact]
    public async Task A_post_without_the_form_token_is_refused_and_stores_nothing()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (client, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var form = FormOf(await client.GetStringAsync($"/beheer/projecten/{id}"));
        form.Remove("__RequestVerificationToken");
        form["name"] = "Zonder sleutel";

        var response = await client.PostAsync($"/beheer/projecten/{id}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Formulier niet aangenomen", await response.Content.ReadAsStringAsync());
        Assert.Equal("Testproject " + id, (await ProjectAsync(Database, id)).Name);
    }

    [Fact]
    public async Task An_API_write_without_the_form_token_header_is_refused_and_stores_nothing()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (client, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);

        var response = await client.SendAsync(Put(id, ValidBody(0, "Zonder sleutel", Emmen), token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Formuliersleutel ontbreekt", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("Testproject " + id, (await ProjectAsync(Database, id)).Name);
    }

    [Fact]
    public async Task An_anonymous_API_write_gets_401()
    {
        var id = await NewProjectAsync(Database, Emmen);

        var response = await Client.SendAsync(Put(id, ValidBody(0, "Anoniem", Emmen), token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Niet ingelogd", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal("Testproject " + id, (await ProjectAsync(Database, id)).Name);
    }

    // ---------- text stays text ----------

    [Fact]
    public async Task Html_and_script_typed_into_name_and_participation_show_as_text_on_the_public_page()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (client, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        const string Name = "<script>alert('naam')</script><b>Vet</b>";
        const string Participation = "<img src=x onerror=alert(1)> & <script>document.cookie</script>";

        var saved = await EditAsync(client, id, new() { ["name"] = Name, ["participation"] = Participation });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Name, (await ProjectAsync(Database, id)).Name);
        var page = await Client.GetStringAsync($"/projecten/{id}");
        Assert.Contains("&lt;script&gt;alert(&#x27;naam&#x27;)&lt;/script&gt;&lt;b&gt;Vet&lt;/b&gt;", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<b>Vet</b>", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain("<script>document.cookie", page);
    }

    // ---------- audit ----------

    [Fact]
    public async Task A_web_edit_leaves_audit_entries_with_the_editor_the_channel_the_old_and_new_value_and_the_reason()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (client, email) = await SignedInAsync(Factory, Database, "redacteur", Emmen);

        var response = await EditAsync(client, id, new() { ["capacityMw"] = "14,5", ["name"] = "Zonnepark Noordbarge", ["reason"] = "Besluit college 3 maart" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/beheer/projecten/{id}?opgeslagen=1", response.Headers.Location!.ToString());
        var entries = (await AuditAsync(Database, "projects", id)).Where(a => a.Actor == email).ToList();
        var capacity = Assert.Single(entries, a => a.Field == "capacity_mw");
        Assert.Equal("12", capacity.OldValue);
        Assert.Equal("14.5", capacity.NewValue);
        var name = Assert.Single(entries, a => a.Field == "name");
        Assert.Equal("Testproject " + id, name.OldValue);
        Assert.Equal("Zonnepark Noordbarge", name.NewValue);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, a => Assert.Equal("web", a.Channel));
        Assert.All(entries, a => Assert.Equal("Besluit college 3 maart", a.Reason));
        Assert.Contains("De wijzigingen zijn opgeslagen.", await client.GetStringAsync(response.Headers.Location.ToString()));
    }

    [Fact]
    public async Task A_new_phase_and_a_new_permit_through_the_form_are_audited_and_the_current_phase_follows_the_latest_change()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (client, email) = await SignedInAsync(Factory, Database, "redacteur", Emmen);

        var response = await EditAsync(client, id, new()
        {
            ["newPhase.phase"] = "Permitted", ["newPhase.date"] = "2024-06-01", ["newPhase.note"] = "Besluit gepubliceerd",
            ["permits[0].competentAuthority"] = "Municipality", ["permits[0].caseNumber"] = "Z/24/123",
            ["permits[0].appliedOn"] = "2023-03-01", ["permits[0].grantedOn"] = "2024-06-01",
            ["reason"] = "Vergunning verleend",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await ProjectAsync(Database, id);
        Assert.Equal(Phase.Permitted, project.Phase);
        Assert.Equal(new DateOnly(2024, 6, 1), project.PhaseDate);
        Assert.Equal(3, project.PhaseHistory.Count);
        Assert.Equal("Besluit gepubliceerd", project.PhaseHistory.Single(c => c.Phase == Phase.Permitted).Note);
        var permit = Assert.Single(project.Permits);
        Assert.Equal("Z/24/123", permit.CaseNumber);

        var phaseEntry = Assert.Single(await AuditAsync(Database, "phase_changes", project.PhaseHistory.Single(c => c.Phase == Phase.Permitted).Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal((email, "web", AuditRecorder.RowField, "Vergunning verleend"), (phaseEntry.Actor, phaseEntry.Channel, phaseEntry.Field, phaseEntry.Reason));
        Assert.Null(phaseEntry.OldValue);
        Assert.Contains("\"phase\":\"Permitted\"", phaseEntry.NewValue);
        var permitEntry = Assert.Single(await AuditAsync(Database, "permits", permit.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains("\"case_number\":\"Z/24/123\"", permitEntry.NewValue);
        var phaseColumn = Assert.Single(await AuditAsync(Database, "projects", id), a => a.Field == "phase");
        Assert.Equal(("InProcedure", "Permitted", "web"), (phaseColumn.OldValue, phaseColumn.NewValue, phaseColumn.Channel));

        var page = await client.GetStringAsync($"/beheer/projecten/{id}");
        Assert.Contains("1 juni 2024: vergund — Besluit gepubliceerd", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task A_new_project_through_the_form_is_stored_with_its_first_phase_and_audited_as_one_row()
    {
        var (client, email) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var id = "N-" + Guid.NewGuid().ToString("N")[..8];
        var form = FormOf(await client.GetStringAsync("/beheer/projecten/nieuw"));
        form["id"] = id;
        form["name"] = "Zonnedak sporthal Emmen";
        form["technique"] = "SolarOnRoof";
        form["capacityMw"] = "0,8";
        form["source"] = "Gemeente Emmen, vergunningenregister";
        form["sourceDate"] = "2025-05-01";
        form["newPhase.phase"] = "InProcedure";
        form["newPhase.date"] = "2025-04-15";
        form["reason"] = "Nieuw in procedure";

        var response = await client.PostAsync("/beheer/projecten/nieuw", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await ProjectAsync(Database, id);
        Assert.Equal(("Zonnedak sporthal Emmen", 0.8m, Phase.InProcedure, new DateOnly(2025, 4, 15)), (project.Name, project.CapacityMw, project.Phase, project.PhaseDate!.Value));
        var entry = Assert.Single(await AuditAsync(Database, "projects", id));
        Assert.Equal((email, "web", AuditRecorder.RowField, "Nieuw in procedure"), (entry.Actor, entry.Channel, entry.Field, entry.Reason));
        Assert.Contains("\"name\":\"Zonnedak sporthal Emmen\"", entry.NewValue);
        Assert.Contains("Zonnedak sporthal Emmen", await Client.GetStringAsync($"/projecten/{id}"));
    }

    [Fact]
    public async Task An_API_edit_answers_200_with_the_new_state_and_is_audited_through_channel_api_with_the_reason()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (client, email) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var token = await ApiTokenAsync(client);
        var state = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        var version = state.GetProperty("version").GetInt32();

        var response = await client.SendAsync(Put(id, ValidBody(version, "Zonnepark via API", Emmen, reason: "Koppeling vergunningensysteem"), token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Zonnepark via API", body.GetProperty("name").GetString());
        Assert.Equal(version + 1, body.GetProperty("version").GetInt32());
        Assert.Equal("vergund", body.GetProperty("phase").GetString());
        var entries = (await AuditAsync(Database, "projects", id)).Where(a => a.Actor == email).ToList();
        var name = Assert.Single(entries, a => a.Field == "name");
        Assert.Equal(("Testproject " + id, "Zonnepark via API", "api", "Koppeling vergunningensysteem"), (name.OldValue, name.NewValue, name.Channel, name.Reason));
        Assert.DoesNotContain(entries, a => a.Field == "version");
    }

    [Fact]
    public async Task The_state_read_from_the_API_can_be_changed_and_sent_back_and_its_permits_are_updated()
    {
        var id = await NewProjectAsync(Database, Emmen, permit: CompetentAuthority.Municipality);
        var (client, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var token = await ApiTokenAsync(client);
        var state = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/api/v1/projects/{id}"))!.AsObject();
        state["capacityMw"] = 13.5m;
        state["permits"]![0]!["grantedOn"] = "2024-05-01";
        state["reason"] = "Vergunning verleend";

        var response = await client.SendAsync(Put(id, state, token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var project = await ProjectAsync(Database, id);
        Assert.Equal(13.5m, project.CapacityMw);
        Assert.Equal(new DateOnly(2024, 5, 1), Assert.Single(project.Permits).GrantedOn);
        Assert.Equal(2, project.PhaseHistory.Count);
        var unknownField = await client.SendAsync(Put(id, new { version = project.Version, capacity = 14 }, token));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(13.5m, (await ProjectAsync(Database, id)).CapacityMw);
    }

    [Fact]
    public async Task The_API_answers_404_for_an_unknown_project_and_400_per_field_in_Dutch()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var token = await ApiTokenAsync(client);
        var before = await AuditCountAsync(Database);

        var unknown = await client.SendAsync(Put("BESTAAT-NIET", ValidBody(0, "x", Emmen), token));
        var invalid = await client.SendAsync(Put(id, ValidBody(0, "", Emmen, capacity: 2500m, ownership: 120m), token));
        var badJson = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{id}")
        {
            Content = new StringContent("{\"capacityMw\": \"veel\"}", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "RequestVerificationToken", token } },
        });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("Geef de naam van het project.", errors.GetProperty("name")[0].GetString());
        Assert.Contains("onwaarschijnlijk groot (meer dan 2.000 MW)", errors.GetProperty("capacityMw")[0].GetString());
        Assert.Contains("Lokaal eigendom is een percentage van 0 tot 100", errors.GetProperty("localOwnershipPercent")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal("Ongeldige JSON", (await badJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(before, await AuditCountAsync(Database));
    }

    [Fact]
    public async Task An_unknown_technique_or_competent_authority_in_the_API_is_named_at_its_field_and_nothing_is_stored()
    {
        var id = await NewProjectAsync(Database, Emmen, permit: CompetentAuthority.Municipality);
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var token = await ApiTokenAsync(client);
        var state = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/api/v1/projects/{id}"))!.AsObject();
        var badAuthority = state.DeepClone().AsObject();
        badAuthority["permits"]![0]!["competentAuthority"] = "waterschap";
        badAuthority["name"] = "Nieuwe naam";
        state["technique"] = "kolen";
        state["name"] = "Nieuwe naam";

        var technique = await client.SendAsync(Put(id, state, token));
        var authority = await client.SendAsync(Put(id, badAuthority, token));

        Assert.Equal(HttpStatusCode.BadRequest, technique.StatusCode);
        Assert.Equal("Onbekende techniek 'kolen': kies wind, zon_op_land of zon_op_dak.",
            (await technique.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("technique")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, authority.StatusCode);
        Assert.Equal("Onbekend bevoegd gezag 'waterschap': kies gemeente, provincie of Rijk.",
            (await authority.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("permits[0].competentAuthority")[0].GetString());
        Assert.Equal("Testproject " + id, (await ProjectAsync(Database, id)).Name);
    }

    // ---------- concurrency ----------

    [Fact]
    public async Task Two_edits_from_the_same_start_the_second_gets_the_conflict_and_the_first_value_survives()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (anna, annaEmail) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var (bram, _) = await SignedInAsync(Factory, Database, "beheerder");
        var annaForm = FormOf(await anna.GetStringAsync($"/beheer/projecten/{id}"));
        var bramForm = FormOf(await bram.GetStringAsync($"/beheer/projecten/{id}"));

        annaForm["capacityMw"] = "15";
        var first = await anna.PostAsync($"/beheer/projecten/{id}", new FormUrlEncodedContent(annaForm));
        bramForm["capacityMw"] = "18";
        bramForm["owners"] = "Coöperatie Zuidoost";
        var second = await bram.PostAsync($"/beheer/projecten/{id}", new FormUrlEncodedContent(bramForm));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("Niet opgeslagen: iemand anders heeft dit project intussen gewijzigd", page);
        var row = System.Text.RegularExpressions.Regex.Match(page, "<th class=\"utrecht-table__header-cell\" scope=\"row\">Vermogen \\(MW\\)</th>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(row.Success, "The conflict lists the capacity.");
        var cells = System.Text.RegularExpressions.Regex.Matches(row.Groups[1].Value, "<td class=\"utrecht-table__cell\">(.*?)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("12", cells[0]);
        Assert.Equal("15", cells[1]);
        // The other editor by name and role, never by e-mail address.
        Assert.StartsWith("Testpersoon, redacteur gemeente Emmen op ", cells[2]);
        Assert.DoesNotContain(annaEmail, page);
        // The second editor's input is kept, ready to apply again; the register keeps the first one's value.
        var kept = FormOf(page);
        Assert.Equal("18", kept["capacityMw"]);
        Assert.Equal("Coöperatie Zuidoost", kept["owners"]);
        var project = await ProjectAsync(Database, id);
        Assert.Equal(15m, project.CapacityMw);
        Assert.Null(project.Owners);

        // Saving the kept form again is a knowing overwrite and succeeds.
        var again = await bram.PostAsync($"/beheer/projecten/{id}", new FormUrlEncodedContent(kept));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(18m, (await ProjectAsync(Database, id)).CapacityMw);
    }

    [Fact]
    public async Task An_API_write_from_an_old_version_gets_409_and_changes_nothing()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var token = await ApiTokenAsync(client);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Put(id, ValidBody(version, "Eerste", Emmen), token))).StatusCode);

        var stale = await client.SendAsync(Put(id, ValidBody(version, "Tweede", Emmen), token));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Intussen gewijzigd", problem.GetProperty("title").GetString());
        Assert.Equal(version + 1, problem.GetProperty("version").GetInt32());
        Assert.Equal("Eerste", (await ProjectAsync(Database, id)).Name);
    }

    [Fact]
    public async Task The_409_of_the_API_names_the_other_editor_by_name_and_role_never_by_e_mail_address()
    {
        var id = await NewProjectAsync(Database, Emmen);
        var (anna, annaEmail) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var (bram, _) = await SignedInAsync(Factory, Database, "beheerder");
        var version = (await bram.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await anna.SendAsync(Put(id, ValidBody(version, "Door Anna", Emmen), await ApiTokenAsync(anna)))).StatusCode);

        var stale = await bram.SendAsync(Put(id, ValidBody(version, "Door Bram", Emmen), await ApiTokenAsync(bram)));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var body = await stale.Content.ReadAsStringAsync();
        Assert.Contains("het laatst gewijzigd door Testpersoon, redacteur gemeente Emmen", body);
        Assert.DoesNotContain(annaEmail, body);
        Assert.DoesNotContain("@", body);
    }

    [Fact]
    public async Task The_version_is_a_concurrency_token_so_a_change_saved_between_reading_and_saving_is_caught()
    {
        var id = await NewProjectAsync(Database, Emmen);
        await using var first = Database.CreateContext();
        await using var second = Database.CreateContext();
        var a = await first.Projects.SingleAsync(p => p.Id == id);
        var b = await second.Projects.SingleAsync(p => p.Id == id);

        a.Name = "Eerst opgeslagen";
        await first.SaveChangesAsync();
        b.Name = "Later opgeslagen";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("Eerst opgeslagen", (await ProjectAsync(Database, id)).Name);
        Assert.Equal(1, (await ProjectAsync(Database, id)).Version);
    }

    // ---------- validation: the Dutch message next to the field, nothing stored ----------

    [Theory]
    [MemberData(nameof(EditingRules.EditRules), MemberType = typeof(EditingRules))]
    public async Task A_broken_rule_on_the_edit_page_shows_its_Dutch_message_next_to_the_field_and_stores_nothing(
        string field, string value, string htmlId, string message)
    {
        var id = await NewProjectAsync(Database, Emmen, permit: CompetentAuthority.Municipality);
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var before = await AuditCountAsync(Database);
        var changes = new Dictionary<string, string> { [field] = value, ["name"] = field == "name" ? value : "Gewijzigde naam" };
        if (field.StartsWith("newPhase", StringComparison.Ordinal))
        {
            changes["newPhase.phase"] = "Permitted";
        }

        if (field == "longitude")
        {
            changes["latitude"] = "52,8";
        }
        else if (field == "latitude")
        {
            changes["longitude"] = "2,35";
        }

        var response = await EditAsync(client, id, changes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, MessageNextTo(page, htmlId));
        Assert.Matches($"id=\"{System.Text.RegularExpressions.Regex.Escape(htmlId)}\"[^>]*aria-invalid=\"true\" aria-describedby=\"[^\"]*{System.Text.RegularExpressions.Regex.Escape(htmlId)}-fout\"", page);
        Assert.Contains($"<a class=\"utrecht-link\" href=\"#{htmlId}\">", page);
        Assert.Contains("Er is een probleem: het project is niet opgeslagen", page);
        // The typed value is kept in the form.
        Assert.Equal(value, FormOf(page)[field]);
        Assert.Equal("Testproject " + id, (await ProjectAsync(Database, id)).Name);
        Assert.Equal(before, await AuditCountAsync(Database));
    }

    [Theory]
    [MemberData(nameof(EditingRules.NewProjectRules), MemberType = typeof(EditingRules))]
    public async Task A_broken_rule_on_the_new_project_page_shows_its_Dutch_message_next_to_the_field_and_stores_nothing(string field, string value, string message)
    {
        var (client, _) = await SignedInAsync(Factory, Database, "beheerder");
        var before = await AuditCountAsync(Database);
        var form = FormOf(await client.GetStringAsync("/beheer/projecten/nieuw"));
        form["id"] = "N-" + Guid.NewGuid().ToString("N")[..8];
        form["name"] = "Nieuw zonnepark";
        form["technique"] = "SolarOnLand";
        form["municipality"] = Assen;
        form["capacityMw"] = "5";
        form["source"] = "Testbron";
        form["newPhase.phase"] = "Idea";
        form["newPhase.date"] = "2024-01-01";
        form[field] = value;

        var response = await client.PostAsync("/beheer/projecten/nieuw", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, MessageNextTo(page, ResMonitor.Core.Projects.ProjectFields.HtmlId(field)));
        Assert.Equal(before, await AuditCountAsync(Database));
    }

    [Fact]
    public async Task A_redacteur_of_Emmen_cannot_record_a_new_project_in_Assen()
    {
        var (client, _) = await SignedInAsync(Factory, Database, "redacteur", Emmen);
        var form = FormOf(await client.GetStringAsync("/beheer/projecten/nieuw"));
        Assert.Equal(Emmen, form["municipality"]);
        var id = "N-" + Guid.NewGuid().ToString("N")[..8];
        form["id"] = id;
        form["name"] = "Zonnepark elders";
        form["technique"] = "SolarOnLand";
        form["municipality"] = Assen;
        form["capacityMw"] = "5";
        form["source"] = "Testbron";
        form["newPhase.phase"] = "Idea";
        form["newPhase.date"] = "2024-01-01";

        var response = await client.PostAsync("/beheer/projecten/nieuw", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("u kunt alleen projecten in Emmen vastleggen", MessageNextTo(await response.Content.ReadAsStringAsync(), "municipality"));
        await using var db = Database.CreateContext();
        Assert.False(await db.Projects.AnyAsync(p => p.Id == id));
    }

    // ---------- helpers ----------

    private static object ValidBody(int version, string name, string municipality, string? reason = null, decimal capacity = 12m, decimal ownership = 50m) => new
    {
        version,
        name,
        technique = "zon_op_land",
        municipality,
        capacityMw = capacity,
        localOwnershipPercent = ownership,
        participation = "Omwonendenfonds",
        source = "Testbron",
        sourceDate = "2025-01-01",
        newPhase = new { phase = "vergund", date = "2024-02-01" },
        reason,
    };

    private static int CountRows(string html) =>
        System.Text.RegularExpressions.Regex.Count(html, "<th class=\"utrecht-table__header-cell\" scope=\"row\"><a class=\"utrecht-link\" href=\"/beheer/projecten/");
}

/// <summary>Each rule of the project form: the field, the typed value, the id of the input and the message.</summary>
public static class EditingRules
{
    public static TheoryData<string, string, string, string> EditRules() => new()
    {
        { "name", "", "name", "Geef de naam van het project." },
        { "capacityMw", "0", "capacityMw", "Het vermogen moet groter dan 0 MW zijn" },
        { "capacityMw", "2500", "capacityMw", "onwaarschijnlijk groot (meer dan 2.000 MW)" },
        { "capacityMw", "veel", "capacityMw", "'veel' is geen getal" },
        { "localOwnershipPercent", "120", "localOwnershipPercent", "Lokaal eigendom is een percentage van 0 tot 100, niet 120,0." },
        { "localOwnershipPercent", "-1", "localOwnershipPercent", "Lokaal eigendom is een percentage van 0 tot 100" },
        { "longitude", "", "longitude", "Geef de breedtegraad en de lengtegraad allebei, of geen van beide." },
        { "latitude", "48,85", "latitude", "ligt buiten Nederland" },
        { "municipality", "GM9999", "municipality", "Onbekende gemeente 'GM9999': deze gemeente hoort niet bij de regio." },
        { "searchArea", "ZG-BESTAAT-NIET", "searchArea", "Onbekend zoekgebied 'ZG-BESTAAT-NIET'." },
        { "source", "", "source", "Geef de bron van de gegevens." },
        { "sourceDate", "2999-01-01", "sourceDate", "De peildatum 1 januari 2999 ligt in de toekomst." },
        { "newPhase.date", "2020-01-01", "newPhase-date", "ligt vóór 'in procedure' (1 maart 2023)" },
        { "newPhase.date", "2999-01-01", "newPhase-date", "De datum 1 januari 2999 voor 'vergund' ligt in de toekomst." },
        { "permits[0].grantedOn", "2022-01-01", "permits-0-grantedOn", "De datum van verlening van de vergunning (1 januari 2022) ligt vóór de aanvraag (1 maart 2023)." },
    };

    public static TheoryData<string, string, string> NewProjectRules() => new()
    {
        { "id", "met spatie", "'met spatie' is geen geldig project-id" },
        { "id", "VB-003", "Project-id 'VB-003' bestaat al in het register." },
        { "id", "", "Geef het project-id" },
        { "newPhase.phase", "", "Kies de fase waarin het project nu is." },
    };
}

public sealed class SqliteEditingTests(SqliteDatabase database) : EditingTests<SqliteDatabase>(database);

public sealed class PostgresEditingTests(PostgresDatabase database) : EditingTests<PostgresDatabase>(database);
