using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Projects;
using static ResMonitor.Web.Tests.BeheerSession;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Plan failure recorded through the beheer page on both databases: the same rules as the command line, shown next to
/// the field; the effect on the overview; the audit trail; and only a beheerder may write.
/// </summary>
public abstract class PlanFailurePageTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private static DateOnly Today => TestClock.Today;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_plan_failure_recorded_on_the_page_leaves_the_pipeline_and_is_listed_and_audited()
    {
        var project = await ProjectInAsync(Phase.Irrevocable);
        var before = await PipelineAsync();
        var email = await SignInAsync(Client, Database, "beheerder", name: "Anne Beheer");

        using var response = await PostAsync(new()
        {
            ["Plan"] = "project:" + project.Id,
            ["Soort"] = "None",
            ["Datum"] = "2025-06-01",
            ["Reden"] = "GridCapacity",
            ["Toelichting"] = "Geen aansluiting mogelijk vóór 2032.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (pipeline, failed) = await PipelineAsync();
        Assert.True(failed > before.Failed);
        Assert.Equal(before.Pipeline - (failed - before.Failed), pipeline);
        Assert.True(pipeline < before.Pipeline);

        var page = WebUtility.HtmlDecode(await Client.GetStringAsync("/beheer/planuitval"));
        Assert.Contains($"Planuitval vastgelegd voor {project.Name}: geen realisatie per 1 juni 2025.", page);
        Assert.Contains($"href=\"/projecten/{project.Id}\">{project.Name}</a>", page);
        Assert.Contains("<strong>netcapaciteit.</strong> Geen aansluiting mogelijk vóór 2032. <span class=\"rm-source\">Vastgelegd door Anne Beheer.</span>", page);
        Assert.Contains($"Telt niet meer mee in overzicht en prognose: {Core.DutchFormat.Number((failed - before.Failed) / 1000m, 1)} GWh per jaar minder.", page);

        await using var db = Database.CreateContext();
        var stored = await db.PlanFailures.SingleAsync(f => f.ProjectId == project.Id);
        var audit = await db.AuditEntries.SingleAsync(a => a.TableName == "plan_failures" && a.RowKey == stored.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(email, audit.Actor);
        Assert.Equal("web", audit.Channel);
        Assert.Equal("*", audit.Field);
        Assert.Contains("\"kind\":\"None\"", audit.NewValue);
    }

    [Fact]
    public async Task A_plan_failure_on_a_realised_project_without_a_reason_is_refused_next_to_the_field()
    {
        var project = await ProjectInAsync(Phase.Realised);
        await SignInAsync(Client, Database, "beheerder");
        var count = await CountAsync();

        using var response = await PostAsync(new()
        {
            ["Plan"] = "project:" + project.Id,
            ["Soort"] = "Partial",
            ["Percentage"] = "60",
            ["Datum"] = "2025-06-01",
            ["Reden"] = "Other",
            ["Toelichting"] = "  ",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        const string Message = "Een gerealiseerd project kan alleen uitvallen met een reden: leg uit wat er niet is gerealiseerd.";
        Assert.Contains($"id=\"toelichting-fout\">{Message}", text);
        Assert.Contains($"href=\"#toelichting\">{Message}", text);
        Assert.Contains("aria-describedby=\"toelichting-fout\"", InputTag(html, "toelichting"));
        Assert.Contains("value=\"60\"", InputTag(html, "percentage"));
        Assert.Equal(count, await CountAsync());
    }

    [Theory]
    [InlineData("verwacht", "De verwachte datum moet na de datum van de vertraging liggen.")]
    [InlineData("percentage", "Bij gedeeltelijke realisatie hoort het deel dat wel wordt gerealiseerd: meer dan 0 en minder dan 100%.")]
    [InlineData("soort", "Dit project is gerealiseerd; kies gedeeltelijke of vertraagde realisatie.")]
    [InlineData("datum", "ligt in de toekomst.")]
    [InlineData("plan", "Kies een project of een zoekgebied (één van beide).")]
    [InlineData("opbrengst", "Verloren opbrengst kan niet negatief zijn.")]
    public async Task The_command_line_rules_refuse_the_form_next_to_the_field(string field, string message)
    {
        var open = await ProjectInAsync(Phase.Permitted);
        var realised = await ProjectInAsync(Phase.Realised);
        await SignInAsync(Client, Database, "beheerder");
        var count = await CountAsync();
        var fields = new Dictionary<string, string>
        {
            ["Plan"] = "project:" + open.Id,
            ["Soort"] = "Delayed",
            ["Datum"] = "2025-06-01",
            ["Verwacht"] = "2027-01-01",
            ["Reden"] = "Permit",
            ["Toelichting"] = "Beroep bij de Raad van State.",
        };
        switch (field)
        {
            case "verwacht":
                fields["Verwacht"] = "2025-05-01";
                break;
            case "percentage":
                fields["Soort"] = "Partial";
                fields["Percentage"] = "100";
                break;
            case "soort":
                fields["Plan"] = "project:" + realised.Id;
                fields["Soort"] = "None";
                break;
            case "datum":
                fields["Datum"] = Iso(Today.AddDays(3));
                fields["Verwacht"] = Iso(Today.AddYears(1));
                break;
            case "plan":
                fields["Plan"] = "";
                break;
            case "opbrengst":
                fields["Opbrengst"] = "-500";
                break;
        }

        using var response = await PostAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"id=\"{field}-fout\">[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}", WebUtility.HtmlDecode(html));
        Assert.Contains("aria-invalid=\"true\"", InputTag(html, field));
        Assert.Equal(count, await CountAsync());
    }

    [Theory]
    [InlineData("redacteur", "GM0106")]
    [InlineData("lezer", null)]
    public async Task Only_a_beheerder_may_see_or_record_plan_failure(string role, string? organisation)
    {
        var anonymous = await Client.GetAsync("/beheer/planuitval");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/inloggen", anonymous.Headers.Location!.OriginalString);

        var project = await ProjectInAsync(Phase.Subsidy);
        await SignInAsync(Client, Database, role, organisation);
        Assert.EndsWith("/fout/403", (await Client.GetAsync("/beheer/planuitval")).Headers.Location!.AbsolutePath);
        var beheer = await Client.GetStringAsync("/beheer");
        Assert.DoesNotContain("href=\"/beheer/planuitval\"", beheer);
        var count = await CountAsync();

        using var post = await Client.PostAsync("/beheer/planuitval", Form(TokenIn(beheer), new()
        {
            ["Plan"] = "project:" + project.Id,
            ["Soort"] = "None",
            ["Datum"] = "2025-06-01",
            ["Reden"] = "Support",
            ["Toelichting"] = "Mag niet.",
        }));

        Assert.EndsWith("/fout/403", post.Headers.Location!.AbsolutePath);
        Assert.Equal(count, await CountAsync());
    }

    [Fact]
    public async Task A_post_without_form_token_is_refused_and_stores_nothing()
    {
        var project = await ProjectInAsync(Phase.Subsidy);
        await SignInAsync(Client, Database, "beheerder");
        Assert.Contains("href=\"/beheer/planuitval\"", await Client.GetStringAsync("/beheer"));
        var count = await CountAsync();

        using var response = await Client.PostAsync("/beheer/planuitval", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Plan"] = "project:" + project.Id,
            ["Soort"] = "None",
            ["Datum"] = "2025-06-01",
            ["Reden"] = "Support",
            ["Toelichting"] = "Zonder formuliertoken.",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(count, await CountAsync());
    }

    // ---------- helpers ----------

    private async Task<Project> ProjectInAsync(Phase phase)
    {
        await using var db = Database.CreateContext();
        return await db.Projects.AsNoTracking().Where(p => p.Phase == phase).OrderBy(p => p.Id).FirstAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields)
    {
        var token = TokenIn(await Client.GetStringAsync("/beheer/planuitval"));
        return await Client.PostAsync("/beheer/planuitval", Form(token, fields));
    }

    private async Task<(decimal Pipeline, decimal Failed)> PipelineAsync()
    {
        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/summary"));
        var total = json.RootElement.GetProperty("total");
        return (total.GetProperty("pipelineMwh").GetDecimal(), total.GetProperty("failedMwh").GetDecimal());
    }

    private async Task<int> CountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.PlanFailures.CountAsync();
    }
}

public sealed class SqlitePlanFailurePageTests(SqliteDatabase database) : PlanFailurePageTests<SqliteDatabase>(database);

public sealed class PostgresPlanFailurePageTests(PostgresDatabase database) : PlanFailurePageTests<PostgresDatabase>(database);
